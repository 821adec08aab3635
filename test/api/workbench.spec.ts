// The 工作台's engine routes: the session user's own rights, and exactly the form's fields.
import { expect } from 'chai';
import type { System } from '../../bin/system.js';
import { readEntry } from '../processes/items/scenarios.js';
import { deskStartValues, sampleApplication } from '../support/applications.js';
import { CaseDriver } from '../support/cases.js';
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
    const tasks = (await (await fetch(`${web}/api/workbench/filters/${mine.id}/tasks`, window1)).json()) as Array<{ id: string; receiptNumber: string; assigneeName: string; signal: string; workingDaysLeft: number }>;

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
      const started_ = new CaseDriver(system.admin, entry.key, started.businessKey);
      const notice = await started_.task('NotifyDeficienciesTask');
      expect((await system.admin.get<{ assignee: string }>(`/task/${notice.id}`)).assignee).to.equal('window1');
      await started_.cancel();
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
