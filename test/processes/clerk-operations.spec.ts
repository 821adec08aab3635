// What a clerk does with a task all day, as far as Camunda 7 allows, each in the engine's audit
// trail under the clerk's own name: claim, comment, delegate (委派) and resolve, hand over to a
// colleague (转办), send back to an earlier step (退回) where the process models it; and a clerk
// of another section never gets the task or its data.
import { expect } from 'chai';
import type { System } from '../../bin/system.js';
import { readEntry } from './items/scenarios.js';
import { sampleApplication } from '../support/applications.js';
import { CaseDriver, DEMO_PASSWORD, MEMBER } from '../support/cases.js';
import { waitFor } from '../support/process.js';
import { useSystem } from '../support/system.js';

interface OperationLogEntry { operationType: string; userId: string; taskId: string | null; property: string | null; newValue: string | null }

describe('clerk operations on a task (audited)', function () {
  this.timeout(120_000);
  let system: System;
  const as = (user: string) => system.admin.as({ username: user, password: DEMO_PASSWORD });

  before(async () => {
    system = await useSystem();
  });

  it('should let a section claim, comment, delegate, resolve and hand over its task, each in the audit log', async () => {
    const entry = readEntry('enterprise-establishment-registration');
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-10-12', clockDate: '2026-10-12', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    const review = await driver.task('ReviewTask');

    await as('market1').post(`/task/${review.id}/claim`, { userId: 'market1' });
    // a task that does not exist is refused like another section's (403, no data), not an engine fault (500)
    const missing = await as('market1').post('/task/00000000-0000-0000-0000-000000000000/complete', { variables: {} }).then(() => undefined, (error: { status?: number }) => error);
    expect(missing?.status).to.equal(403);
    // a colleague's second claim is refused as the clerk's mistake (4xx naming the assignee), not an engine fault
    const second = await as('market2').post(`/task/${review.id}/claim`, { userId: 'market2' }).then(() => undefined, (error: { status?: number; message?: string }) => error);
    expect(second?.status).to.equal(400);
    expect(second?.message).to.contain('market1').and.contain('不能再次认领');
    await as('market1').post(`/task/${review.id}/comment/create`, { message: '申请人经营范围需与章程核对', processInstanceId: review.processInstanceId });
    await as('market1').post(`/task/${review.id}/delegate`, { userId: 'market2' });
    expect(await as('market2').get<{ assignee: string; owner: string; delegationState: string }>(`/task/${review.id}`)).to.include({ assignee: 'market2', owner: 'market1', delegationState: 'PENDING' });
    await as('market2').post(`/task/${review.id}/resolve`, { variables: {} });
    expect(await as('market1').get<{ assignee: string; delegationState: string }>(`/task/${review.id}`)).to.include({ assignee: 'market1', delegationState: 'RESOLVED' });
    await as('market1').post(`/task/${review.id}/assignee`, { userId: 'market2' }); // 转办

    const comments = await as('market2').get<Array<{ message: string; userId: string }>>(`/task/${review.id}/comment`);
    expect(comments.map((c) => [c.userId, c.message])).to.deep.include(['market1', '申请人经营范围需与章程核对']);
    const log = await system.admin.get<OperationLogEntry[]>(`/history/user-operation?taskId=${review.id}&sortBy=timestamp&sortOrder=asc`);
    const acts = log.filter((e) => e.property === 'assignee' || e.operationType === 'Resolve' || e.operationType === 'AddComment').map((e) => `${e.userId}:${e.operationType}`);
    expect(acts).to.include.members(['market1:Claim', 'market1:Delegate', 'market2:Resolve', 'market1:Assign']);
    await driver.cancel();
  });

  it('should NOT let another section see, claim, comment on or complete the task', async () => {
    const entry = readEntry('enterprise-establishment-registration');
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-10-12', clockDate: '2026-10-12', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    const review = await driver.task('ReviewTask');
    const outsider = as('construction1');
    expect((await outsider.get<Array<{ id: string }>>(`/task?processInstanceBusinessKey=${driver.businessKey}`))).to.deep.equal([]);
    for (const attempt of [
      () => outsider.get(`/task/${review.id}`),
      () => outsider.get(`/task/${review.id}/form-variables`),
      () => outsider.post(`/task/${review.id}/claim`, { userId: 'construction1' }),
      () => outsider.post(`/task/${review.id}/comment/create`, { message: 'x' }),
      () => outsider.post(`/task/${review.id}/complete`, { variables: {} }),
      () => outsider.get(`/process-instance/${review.processInstanceId}/variables`),
    ]) {
      const refused = await attempt().then(() => 'allowed', (error: Error) => error.message);
      expect(refused).to.match(/返回 40[034]/); // not authorized, or no such task for this clerk
      expect(refused).not.to.contain(sampleApplication(entry).applicant && (sampleApplication(entry).applicant as { name: string }).name);
    }
    await driver.cancel();
  });

  it('should send a case back from 决定 to 审查 (退回) with the reason, and decide it after the second review', async () => {
    const entry = readEntry('enterprise-establishment-registration');
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-10-12', clockDate: '2026-10-12', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.complete('ReviewTask', 'market1', { reviewOpinion: '材料齐全, 建议准予', reviewAction: 'submit' });
    const refused = await driver.complete('DecisionTask', 'market2', { decision: 'return' }).then(() => 'completed', (error: Error) => error.message);
    expect(refused).to.contain('(returnReason) 必填');
    await driver.complete('DecisionTask', 'market2', { decision: 'return', returnReason: '未核实住所证明' });
    const again = await driver.task('ReviewTask');
    expect(await system.admin.get<{ value: string }>(`/task/${again.id}/variables/returnReason`)).to.include({ value: '未核实住所证明' });
    await driver.complete('ReviewTask', 'market1', { reviewOpinion: '已核实住所证明', reviewAction: 'submit' });
    await driver.complete('DecisionTask', 'market2', { decision: 'grant', decisionContent: '准予设立登记' });
    const receipt = await driver.variable<string>('receiptNumber');
    const record = await waitFor('the decision on the case record', async () => {
      const found = await fetch(`http://${system.config.web.host}:${system.config.web.port}/api/cases/${receipt}`, { headers: { authorization: 'Basic ' + Buffer.from(`market1:${DEMO_PASSWORD}`).toString('base64') } }).then((r) => r.json()) as { timeline: Array<{ status: string; note: string | null }> };
      return found.timeline.some((e) => e.status === '已决定') ? found : undefined;
    });
    expect(record.timeline.map((e) => e.status).filter((s) => ['已受理', '退回重审', '已决定'].includes(s))).to.deep.equal(['已受理', '退回重审', '已决定']);
    expect(record.timeline.find((e) => e.status === '退回重审')!.note).to.contain('未核实住所证明');

    // 办件轨迹 from the task: the form's link leads to the case record, for the sections in the case only
    const link = await driver.variable<string>('caseRecordUrl');
    expect(link).to.equal(`${system.config.web.publicUrl}/cases/${receipt}`);
    const page = (user: string) => fetch(link, { headers: { authorization: 'Basic ' + Buffer.from(`${user}:${DEMO_PASSWORD}`).toString('base64') } });
    const seen = await page('market1');
    expect(seen.status).to.equal(200);
    const html = await seen.text();
    for (const text of [receipt, '退回重审', '未核实住所证明', '审查', '李强']) expect(html).to.contain(text);
    const outsider = await page('construction1');
    expect(outsider.status).to.equal(403);
    expect(await outsider.text()).not.to.contain('未核实住所证明');
    expect((await page('window1')).status).to.equal(200);
    await driver.cancel();
  });
});
