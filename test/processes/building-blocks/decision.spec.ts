// 决定 (block "decision"): a denial needs its reason, issues no licence, and is still handed out.
import { expect } from 'chai';
import { EngineRequestError } from '../../../lib/engine/client.js';
import { findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import { licenceForCase } from '../../../lib/repositories/licences.js';
import { sampleApplication } from '../../support/applications.js';
import { CaseDriver, DECIDER, MEMBER } from '../../support/cases.js';
import { useSystem } from '../../support/system.js';
import { readEntry } from '../items/scenarios.js';

describe('decision (决定)', function () {
  this.timeout(120_000);

  it('should NOT take a denial without a reason, and deliver a reasoned denial without licence', async () => {
    const system = await useSystem();
    const entry = readEntry('enterprise-establishment-registration');
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewOpinion: '名称与已登记企业近似', reviewAction: 'submit' });
    const error = await driver.complete('DecisionTask', DECIDER.marketReview!, { decision: 'deny', decisionReason: '  ' }).then(() => undefined, (e: unknown) => e);
    // the form contract refuses it (400) naming the field; what matters is the reason and that nothing was written
    expect((error as EngineRequestError).status, (error as Error).message).to.be.at.least(400);
    expect((error as EngineRequestError).message).to.contain('(decisionReason) 必填');
    await driver.complete('DecisionTask', DECIDER.marketReview!, { decision: 'deny', decisionReason: '企业名称与已登记企业名称近似, 不予登记' });
    await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
    expect(await driver.waitForEnd()).to.equal('CaseClosedEndEvent');
    expect(await driver.path()).not.to.include('IssueLicenceTask');
    expect(await licenceForCase(system.db, driver.businessKey)).to.equal(undefined);
    expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ status: '已办结', outcome: '不予' });
  });

  it('should NOT let a reviewer of another section complete the decision', async () => {
    const system = await useSystem();
    const entry = readEntry('enterprise-establishment-registration');
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    const error = await driver.complete('ReviewTask', MEMBER.municipalReview!, { reviewAction: 'submit' }).then(() => undefined, (e: unknown) => e);
    expect((error as EngineRequestError).status).to.be.oneOf([403, 404]);
    await driver.cancel();
  });
});
