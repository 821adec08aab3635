// The 工作台's engine routes: the session user's own rights, and exactly the form's fields.
import { expect } from 'chai';
import type { System } from '../../bin/system.js';
import { readEntry } from '../processes/items/scenarios.js';
import { deskStartValues, sampleApplication, VALID_CREDIT_CODE } from '../support/applications.js';
import { EngineRequestError, toVariables } from '../../lib/engine/client.js';
import { CaseDriver, DEMO_PASSWORD } from '../support/cases.js';
import { useSystem } from '../support/system.js';
import { webBase, webSession } from '../support/web.js';

describe('the 工作台 engine routes (/api/workbench)', function () {
  this.timeout(240_000);
  let system: System;
  let web: string;
  let driver: CaseDriver;
  let taskId: string;
  let receipt: string;

  before(async () => {
    system = await useSystem();
    web = webBase(system);
    const entry = readEntry('pharmacy-retail-licence');
    driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', deskClerk: 'window1', application: sampleApplication(entry, { omitMaterials: ['premises-proof'] }) });
    taskId = (await driver.task('NotifyDeficienciesTask')).id;
    receipt = await driver.variable<string>('receiptNumber');
  });

  after(async () => {
    await driver?.cancel();
  });

  it('should list the clerk\'s filters and the case in 我的待办 with its columns', async () => {
    const window1 = await webSession(system, 'window1');

    const filters = (await (await fetch(`${web}/api/workbench/filters`, window1)).json()) as Array<{ id: string; name: string; count: number }>;
    const mine = filters.find((filter) => filter.name === '我的待办')!;
    const { tasks } = (await (await fetch(`${web}/api/workbench/filters/${mine.id}/tasks?size=100`, window1)).json()) as { tasks: Array<{ id: string; receiptNumber: string; assigneeName: string; signal: string; workingDaysLeft: number }> };

    expect(filters.map((filter) => filter.name)).to.include.members(['我的待办', '本科室待办', '即将超期', '已超期', '容缺待补正', '承诺待核查']);
    const row = tasks.find((task) => task.id === taskId)!;
    expect(row).to.include({ receiptNumber: receipt, assigneeName: '张敏', signal: 'red' });
    expect(row.workingDaysLeft).to.be.below(0);
  });

  it('should NOT complete a task with a field its form does not have (400 naming it)', async () => {
    const window1 = await webSession(system, 'window1');

    const response = await fetch(`${web}/api/workbench/tasks/${taskId}/complete`, { ...window1, method: 'POST', body: JSON.stringify({ values: { acceptanceDecision: 'notify', reviewOpinion: '越权字段' } }) });

    expect(response.status).to.equal(400);
    expect(((await response.json()) as { message: string }).message).to.contain('reviewOpinion');
    expect(await driver.task('NotifyDeficienciesTask')).to.have.property('id', taskId);
  });

  it('should NOT show or let claim a task of another section (the engine decides, as the user)', async () => {
    const market1 = await webSession(system, 'market1');

    const read = await fetch(`${web}/api/workbench/tasks/${taskId}`, market1);
    const claim = await fetch(`${web}/api/workbench/tasks/${taskId}/claim`, { ...market1, method: 'POST', body: '{}' });

    expect(read.status).to.equal(404);
    expect([403, 404]).to.include(claim.status);
    expect((await system.admin.get<{ assignee: string }>(`/task/${taskId}`)).assignee).to.equal('window1');
  });

  describe('the case beside a task', () => {
    let decision: CaseDriver;
    let decisionTaskId: string;

    before(async () => {
      const entry = readEntry('enterprise-establishment-registration');
      decision = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-10-12', clockDate: '2026-10-12', application: sampleApplication(entry) });
      await decision.complete('ReviewMaterialsTask', 'window1', { acceptanceDecision: 'accept' });
      await decision.complete('ReviewTask', 'market1', { reviewOpinion: '材料齐全, 建议准予', reviewAction: 'submit' });
      decisionTaskId = (await decision.task('DecisionTask')).id;
    });

    after(async () => {
      await decision?.cancel();
    });

    it('should show the decider the earlier opinions (by name), the materials and the deadlines of the case', async () => {
      const market2 = await webSession(system, 'market2');

      const response = await fetch(`${web}/api/workbench/tasks/${decisionTaskId}/case`, market2);
      const context = (await response.json()) as { receiptNumber: string; decisionDeadline: string; opinions: Array<{ step: string; by: string; fields: Array<{ label: string; value: string }> }>; materials: Array<{ name: string; required: boolean; received: boolean }> };

      expect(response.status).to.equal(200);
      expect(context.receiptNumber).to.equal(await decision.variable<string>('receiptNumber'));
      expect(context.decisionDeadline).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(context.opinions.map((opinion) => [opinion.step, opinion.by])).to.deep.include(['审查', '李强']);
      expect(context.opinions.find((opinion) => opinion.step === '审查')!.fields).to.deep.include({ label: '审查意见', value: '材料齐全, 建议准予' });
      expect(context.materials.length).to.be.above(0);
      expect(context.materials.filter((material) => material.required).every((material) => material.received)).to.equal(true);
    });

    it('should NOT show the case of a task to a clerk of another section', async () => {
      const construction1 = await webSession(system, 'construction1');

      const response = await fetch(`${web}/api/workbench/tasks/${decisionTaskId}/case`, construction1);

      expect(response.status).to.equal(404);
      expect(await response.text()).not.to.contain('材料齐全');
    });

    it('should hand a task over (转办) to a colleague of its section, and NOT to anyone else (the engine refuses)', async () => {
      const market2 = await webSession(system, 'market2');
      const colleagues = (await (await fetch(`${web}/api/workbench/tasks/${decisionTaskId}/colleagues`, market2)).json()) as Array<{ userId: string; name: string }>;

      const outside = await fetch(`${web}/api/workbench/tasks/${decisionTaskId}/assign`, { ...market2, method: 'POST', body: JSON.stringify({ userId: 'construction1' }) });
      const inside = await fetch(`${web}/api/workbench/tasks/${decisionTaskId}/assign`, { ...market2, method: 'POST', body: JSON.stringify({ userId: 'market1' }) });

      expect(colleagues).to.deep.include({ userId: 'market1', name: '李强' });
      expect(colleagues.map((colleague) => colleague.userId)).not.to.include('construction1');
      expect(outside.status).to.equal(403);
      expect(inside.status).to.equal(204);
      expect((await system.admin.get<{ assignee: string }>(`/task/${decisionTaskId}`)).assignee).to.equal('market1');
    });

    it('should let the delegate (委派) resolve the task back to the clerk who delegated it', async () => {
      const market1 = await webSession(system, 'market1');
      const market2 = await webSession(system, 'market2');

      const delegated = await fetch(`${web}/api/workbench/tasks/${decisionTaskId}/delegate`, { ...market1, method: 'POST', body: JSON.stringify({ userId: 'market2' }) });
      const shown = (await (await fetch(`${web}/api/workbench/tasks/${decisionTaskId}`, market2)).json()) as { delegated: boolean; ownerName: string };
      const resolved = await fetch(`${web}/api/workbench/tasks/${decisionTaskId}/complete`, { ...market2, method: 'POST', body: JSON.stringify({ values: { decision: 'grant', decisionContent: '准予设立登记' } }) });

      expect(delegated.status).to.equal(204);
      expect(shown).to.include({ delegated: true, ownerName: '李强' });
      expect(resolved.status).to.equal(204);
      expect(await system.admin.get<{ assignee: string; delegationState: string }>(`/task/${decisionTaskId}`)).to.include({ assignee: 'market1', delegationState: 'RESOLVED' });
    });
  });

  describe('一窗受理', () => {
    it('should offer the window the items and 一件事 to start, and none to a review section', async () => {
      const window1 = await webSession(system, 'window1');
      const market1 = await webSession(system, 'market1');

      const offered = (await (await fetch(`${web}/api/workbench/catalogue`, window1)).json()) as Array<{ key: string; name: string }>;
      const offeredToReview = (await (await fetch(`${web}/api/workbench/catalogue`, market1)).json()) as unknown[];

      expect(offered.map((item) => item.key)).to.include.members(['pharmacy-retail-licence', 'enterprise-start-up']);
      expect(offered.find((item) => item.key === 'pharmacy-retail-licence')!.name).to.equal(readEntry('pharmacy-retail-licence').name);
      expect(offeredToReview).to.deep.equal([]);
    });

    it('should start a case from the start form as the desk clerk and answer its 受理编号', async () => {
      const entry = readEntry('pharmacy-retail-licence');
      const window1 = await webSession(system, 'window1');
      const form = (await (await fetch(`${web}/api/workbench/start/${entry.key}`, window1)).json()) as { name: string; form: { id: string } };

      const response = await fetch(`${web}/api/workbench/start/${entry.key}`, { ...window1, method: 'POST', body: JSON.stringify({ values: deskStartValues(entry) }) });
      const started = (await response.json()) as { businessKey: string; receiptNumber: string };

      expect(form).to.deep.include({ name: entry.name });
      expect(form.form.id).to.equal(`${entry.key}-start`);
      expect(response.status).to.equal(201);
      expect(started.receiptNumber).to.match(/^SP\d{14}$/);
      expect(started.businessKey, 'the 受理编号 is the engine\'s business key').to.equal(started.receiptNumber);
      const found = await system.admin.get<Array<{ businessKey: string }>>(`/process-instance?businessKey=${started.receiptNumber}&processDefinitionKey=${entry.key}`);
      expect(found, 'Cockpit finds the case by its 受理编号').to.have.length(1);
      const started_ = new CaseDriver(system.admin, entry.key, started.businessKey);
      const notice = await started_.task('NotifyDeficienciesTask');
      expect((await system.admin.get<{ assignee: string }>(`/task/${notice.id}`)).assignee).to.equal('window1');
      await started_.cancel();
    });

    it('should NOT let a clerk start a case over REST under the 受理编号 of another case (the engine refuses)', async () => {
      const entry = readEntry('pharmacy-retail-licence');
      const window1 = system.admin.as({ username: 'window1', password: DEMO_PASSWORD });
      const instances = async () => (await system.admin.get<unknown[]>(`/process-instance?businessKey=${driver.businessKey}`)).length;
      const before = await instances();

      const refused = await window1.post(`/process-definition/key/${entry.key}/submit-form`, { businessKey: driver.businessKey, variables: toVariables(deskStartValues(entry)) })
        .then(() => 'started', (error: EngineRequestError) => `${error.status} ${error.engineMessage}`);

      expect(refused).to.match(/^403 .*受理编号/);
      expect(await instances()).to.equal(before);
    });

    it('should NOT start a case whose credit code fails its check digit (400 naming it), and start it as a pilot-era code with a recorded reason', async () => {
      const entry = readEntry('pharmacy-retail-licence');
      const window1 = await webSession(system, 'window1');
      const pilotEra = `${VALID_CREDIT_CODE.slice(0, 17)}${VALID_CREDIT_CODE.endsWith('C') ? 'D' : 'C'}`;
      const start = (values: Record<string, unknown>) => fetch(`${web}/api/workbench/start/${entry.key}`, { ...window1, method: 'POST', body: JSON.stringify({ values }) });

      const refused = await start(deskStartValues(entry, { applicantCreditCode: pilotEra }, []));
      const reason = '营业执照原件为 2015 年试点期核发, 已核对发证机关呼和浩特市工商局';
      const accepted = await start(deskStartValues(entry, { applicantCreditCode: pilotEra, creditCodeOverride: true, creditCodeOverrideReason: reason }, []));

      expect(refused.status).to.equal(400);
      expect(((await refused.json()) as { problems: Array<{ field: string; rule: string }> }).problems[0]).to.include({ field: 'values.applicantCreditCode', rule: 'check-digit' });
      expect(accepted.status).to.equal(201);
      const { businessKey, receiptNumber } = (await accepted.json()) as { businessKey: string; receiptNumber: string };
      const started = new CaseDriver(system.admin, entry.key, businessKey);
      await started.task('ReviewMaterialsTask');
      const record = (await (await fetch(`${web}/api/cases/${receiptNumber}`, window1)).json()) as { timeline: Array<{ status: string; note: string }> };
      expect(record.timeline.find((event) => event.status === '人工核准')?.note).to.contain(reason).and.contain(pilotEra).and.contain('window1');
      await started.cancel();
    });

    it('should NOT let the override go without its reason, even over the engine\'s REST API', async () => {
      const entry = readEntry('pharmacy-retail-licence');
      const window1 = system.admin.as({ username: 'window1', password: DEMO_PASSWORD });

      const refused = await window1.post(`/process-definition/key/${entry.key}/submit-form`, { variables: toVariables(deskStartValues(entry, { creditCodeOverride: true })) })
        .then(() => 'started', (error: EngineRequestError) => `${error.status} ${error.engineMessage}`);

      expect(refused).to.match(/^400 .*人工核准理由/);
    });

    it('should NOT start a case with invalid data (400 naming the field) nor with a field the form does not have', async () => {
      const entry = readEntry('pharmacy-retail-licence');
      const window1 = await webSession(system, 'window1');
      const count = async () => (await system.admin.get<{ count: number }>(`/process-instance/count?processDefinitionKey=${entry.key}`)).count;
      const before = await count();

      const invalid = await fetch(`${web}/api/workbench/start/${entry.key}`, { ...window1, method: 'POST', body: JSON.stringify({ values: deskStartValues(entry, { applicantPhone: '12345' }) }) });
      const extra = await fetch(`${web}/api/workbench/start/${entry.key}`, { ...window1, method: 'POST', body: JSON.stringify({ values: deskStartValues(entry, { deskClerk: 'window2' }) }) });

      expect(invalid.status).to.equal(400);
      expect(((await invalid.json()) as { message: string }).message).to.contain('联系电话');
      expect(extra.status).to.equal(400);
      expect(((await extra.json()) as { message: string }).message).to.contain('deskClerk');
      expect(await count()).to.equal(before);
    });
  });
});
