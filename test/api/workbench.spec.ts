// The 工作台's engine routes: the session user's own rights, and exactly the form's fields.
import { expect } from 'chai';
import type { System } from '../../lib/system.js';
import { readEntry } from '../processes/items/scenarios.js';
import { sampleApplication } from '../support/applications.js';
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
});
