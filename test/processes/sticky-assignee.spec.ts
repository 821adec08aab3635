// A case stays with the clerk who has it (issue 18): the next step of the same section lands in
// that clerk's 我的待办, not back in 本科室待办, unless a rule needs another person (审查与决定分离);
// a step done again after 退回 goes back to whoever did it (StickyAssigneePlugin in the engine).
import { expect } from 'chai';
import type { System } from '../../bin/system.js';
import { readEntry } from './items/scenarios.js';
import { sampleApplication } from '../support/applications.js';
import { CaseDriver, MEMBER } from '../support/cases.js';
import { useSystem } from '../support/system.js';

describe('StickyAssigneePlugin (a case stays with its clerk)', function () {
  this.timeout(180_000);
  let system: System;
  const assigneeOf = async (driver: CaseDriver, taskDefinitionKey: string) => (await system.admin.get<{ assignee: string | null }>(`/task/${(await driver.task(taskDefinitionKey)).id}`)).assignee;

  before(async () => {
    system = await useSystem();
  });

  it('should give the reviewer the site inspection of the same section (after a worker step too)', async () => {
    const entry = readEntry('drainage-connection');
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-10-12', clockDate: '2026-10-12', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });

    const review = await assigneeOf(driver, 'ReviewTask');
    await driver.complete('ReviewTask', 'municipal1', { reviewOpinion: '材料真实', reviewAction: 'submit' });

    expect(review, 'the window\'s clerk is no member of the section: 本科室待办').to.equal(null);
    expect(await assigneeOf(driver, 'SiteInspectionTask')).to.equal('municipal1');
    await driver.cancel();
  });

  it('should NOT give the reviewer the decision (审查与决定分离), and give a review sent back (退回) to its reviewer', async () => {
    const entry = readEntry('enterprise-establishment-registration');
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-10-12', clockDate: '2026-10-12', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.complete('ReviewTask', 'market1', { reviewOpinion: '材料齐全, 建议准予', reviewAction: 'submit' });

    const decider = await assigneeOf(driver, 'DecisionTask');
    await driver.complete('DecisionTask', 'market2', { decision: 'return', returnReason: '未核实住所证明' });

    expect(decider).to.equal(null);
    expect(await assigneeOf(driver, 'ReviewTask')).to.equal('market1');
    await driver.complete('ReviewTask', 'market1', { reviewOpinion: '已核实住所证明', reviewAction: 'submit' });
    expect(await assigneeOf(driver, 'DecisionTask'), 'the decider before, not the reviewer').to.equal('market2');
    await driver.cancel();
  });
});
