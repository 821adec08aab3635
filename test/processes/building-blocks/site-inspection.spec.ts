// 信用承诺 + 远程勘验 (block "site-inspection" and the item's follow-up): after a credit promise
// the applicant gets the licence first and is inspected within 20 working days, or is inspected
// at once with gaps tolerated; the choice and the outcome are recorded.
import { expect } from 'chai';
import { caseEvents, findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import { sampleApplication, uniqueCreditCode } from '../../support/applications.js';
import { CaseDriver, instant, DECIDER, MEMBER } from '../../support/cases.js';
import { useSystem } from '../../support/system.js';
import { readEntry } from '../items/scenarios.js';

const food = readEntry('food-business-licence');

async function promised(inspection: string): Promise<CaseDriver> {
  const system = await useSystem();
  const driver = await new CaseDriver(system.admin, food.key).start({
    receivedOn: '2026-09-30', clockDate: '2026-09-30',
    application: sampleApplication(food, { creditCode: uniqueCreditCode(), commitment: { signed: true, signatory: '张建国', inspection } }),
  });
  await driver.task('OfferPromiseTask');
  expect(await driver.variable('promiseNotice')).to.contain(`勘验方式: ${inspection}`);
  await driver.complete('OfferPromiseTask', MEMBER.window!, { acceptanceDecision: 'accept-promise' });
  await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewOpinion: '符合条件', reviewAction: 'submit' });
  return driver;
}

describe('信用承诺 + 远程勘验 (site inspection)', function () {
  this.timeout(120_000);

  it('should issue the licence first and schedule the inspection within 20 working days (择期补充勘验)', async () => {
    const system = await useSystem();
    const driver = await promised('择期补充勘验');
    await driver.complete('DecisionTask', DECIDER.marketReview!, { decision: 'grant', decisionContent: '预包装食品销售' });
    await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
    const followUp = await driver.task('FollowUpInspectionTask');
    // decided 9-30: 20 working days → 11-03
    expect(instant(followUp.due!)).to.equal(instant('2026-11-03T23:59:59+08:00'));
    await driver.complete('FollowUpInspectionTask', MEMBER.marketReview!, { siteInspectionResult: '合格', siteInspectionOpinion: '与承诺一致' });
    expect(await driver.waitForEnd()).to.equal('CaseClosedEndEvent');
    const path = await driver.path();
    expect(path).to.include('RecordInspectionDeferredTask').and.not.to.include('SiteInspectionTask');
    expect(path).not.to.include('CommitmentVerificationCallActivity');
    const record = await findCaseByBusinessKey(system.db, driver.businessKey);
    const events = (await caseEvents(system.db, record!.id)).map((event) => [event.status, event.note]);
    expect(events).to.deep.include(['择期补充勘验 (信用承诺)', '申请人作出信用承诺, 选择先发证、后择期补充勘验']);
    expect(events).to.deep.include(['补充勘验完成', '补充勘验结论: 合格; 与承诺一致']);
  });

  it('should inspect at once with the tolerated gaps recorded (容缺勘验)', async () => {
    const driver = await promised('容缺勘验');
    await driver.complete('SiteInspectionTask', MEMBER.marketReview!, { siteInspectionResult: '基本合格', siteInspectionOpinion: '基本符合', toleratedGaps: '消毒设施待安装, 10 日内整改', toleratedGapWorkingDays: 10 });
    await driver.task('DecisionTask');
    expect(await driver.variable('toleratedGaps')).to.equal('消毒设施待安装, 10 日内整改');
    expect(await driver.variable('inspectionMode')).to.equal('容缺勘验');
    await driver.cancel();
  });
});
