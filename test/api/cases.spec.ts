// 办件记录 over the web API: receipt number, status timeline and the steps with who and when.
import { expect } from 'chai';
import type { System } from '../../bin/system.js';
import { sampleApplication } from '../support/applications.js';
import { CaseDriver, MEMBER } from '../support/cases.js';
import { useSystem } from '../support/system.js';
import { basic, webBase } from '../support/web.js';
import { readEntry } from '../processes/items/scenarios.js';


describe('cases API (办件)', function () {
  this.timeout(60_000);
  let system: System;
  let web: string;

  before(async () => {
    system = await useSystem();
    web = `${webBase(system)}/api/cases`;
  });

  it('should show a case by receipt number with its timeline, steps and deadline', async () => {
    const entry = readEntry('public-place-hygiene-licence');
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.task('ReviewTask');
    const receipt = await driver.variable<string>('receiptNumber');
    const response = await fetch(`${web}/${receipt}`, { headers: { authorization: basic('window1') } });
    expect(response.status).to.equal(200);
    const body = (await response.json()) as { status: string; decisionDeadline: string; timeline: Array<{ status: string }>; steps: Array<{ name: string; by: string | null; endedAt: string | null }>; currentSteps: string[]; remainingWorkingDays: number };
    expect(body).to.include({ status: '已受理', decisionDeadline: '2026-10-10', itemName: entry.name });
    expect(body.timeline.map((event) => event.status)).to.deep.equal(['已收件', '已受理']);
    expect(body.steps.find((step) => step.name === '受理审核')).to.include({ by: 'window1' });
    expect(body.currentSteps).to.deep.equal(['审查']);
    expect(body.remainingWorkingDays).to.be.a('number');
    await driver.cancel();
  });

  it('should answer an unknown receipt number with 404', async () => {
    const response = await fetch(`${web}/SP20260101999999`, { headers: { authorization: basic('window1') } });
    expect(response.status).to.equal(404);
  });
});
