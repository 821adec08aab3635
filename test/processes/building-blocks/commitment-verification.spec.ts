// 告知承诺制 (blocks "acceptance", "commitment-verification", "promise-breach") on the building
// construction permit: the 施工图审查合格书 is promised for within 20 working days, the permit
// comes within 3 working days of the promise (拿地即开工), and a breach is pushed to the credit
// platform on the 7th working day after the promise period.
import { expect } from 'chai';
import { idempotencyKey } from '../../../lib/outbox/credit-platform.js';
import { listCreditRecords } from '../../../lib/repositories/credit.js';
import { findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import { licenceForCase } from '../../../lib/repositories/licences.js';
import { sampleApplication, uniqueCreditCode } from '../../support/applications.js';
import { CaseDriver, instant, DECIDER, MEMBER } from '../../support/cases.js';
import { waitFor } from '../../support/process.js';
import { creditPlatform, useSystem } from '../../support/system.js';
import { basic, webBase } from '../../support/web.js';
import { readEntry } from '../items/scenarios.js';

const permit = readEntry('construction-permit');
const PROMISE = { signed: true, signatory: '张建国' };

async function acceptOnPromise(received: string): Promise<CaseDriver> {
  const system = await useSystem();
  const driver = await new CaseDriver(system.admin, permit.key).start({
    receivedOn: received, clockDate: received,
    application: sampleApplication(permit, { omitMaterials: ['drawing-review-certificate'], creditCode: uniqueCreditCode(), commitment: PROMISE }),
  });
  await driver.task('OfferPromiseTask');
  expect(await driver.variable('acceptancePath')).to.equal('commitment');
  await driver.complete('OfferPromiseTask', MEMBER.window!, { acceptanceDecision: 'accept-promise' });
  return driver;
}

async function issuePermit(driver: CaseDriver): Promise<void> {
  await driver.complete('ReviewTask', MEMBER.constructionReview!, { reviewOpinion: '符合条件 (告知承诺)', reviewAction: 'submit' });
  await driver.complete('DecisionTask', DECIDER.constructionReview!, { decision: 'grant', decisionContent: '准予施工' });
  await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
}

const fulfil = async (driver: CaseDriver): Promise<Response> => {
  const system = await useSystem();
  const receipt = await driver.variable<string>('receiptNumber');
  return fetch(`${webBase(system)}/api/cases/${receipt}/commitment-fulfilment`, {
    method: 'POST', headers: { authorization: basic('window1'), 'content-type': 'application/json' },
    body: JSON.stringify({ materials: [{ code: 'drawing-review-certificate', form: '电子件', copies: 1 }] }),
  });
};

describe('告知承诺 (commitment verification)', function () {
  this.timeout(120_000);

  it('should decide without the promised proof within 3 working days, and close when the proof is verified', async () => {
    const system = await useSystem();
    const driver = await acceptOnPromise('2026-09-30');
    const notice = await driver.variable<string>('promiseNotice');
    // 20 working days from 9-30 → 11-03; the permit within min(1, 3) working days → 10-08
    expect(notice).to.contain('施工图设计文件审查合格书').and.to.contain('2026-11-03').and.to.contain('拿地即开工');
    const review = await driver.task('ReviewTask');
    expect(instant(review.due!)).to.equal(instant('2026-10-08T23:59:59+08:00'));
    const waiting = await driver.task('AwaitFulfilmentTask');
    expect(instant(waiting.due!)).to.equal(instant('2026-11-03T23:59:59+08:00'));

    expect((await fulfil(driver)).status).to.equal(202);
    // a second delivery while the first is being verified is refused
    const second = await fulfil(driver);
    expect(second.status).to.equal(409);
    expect(((await second.json()) as { message: string }).message).to.contain('不在等待履行承诺');
    await driver.complete('VerifyFulfilmentTask', MEMBER.constructionReview!, { fulfilmentVerified: true, verificationOpinion: '合格书真实有效' });
    await issuePermit(driver);
    expect(await driver.waitForEnd()).to.equal('CaseClosedEndEvent');
    expect((await listCreditRecords(system.db, { businessKey: driver.businessKey })).map((r) => r.kind).sort()).to.deep.equal(['履约', '承诺']);
    expect(await licenceForCase(system.db, driver.businessKey)).to.include({ status: '有效' });
  });

  it('should push the breach on the 7th working day after the period (over National Day), revoke the permit and tell the applicant', async () => {
    const system = await useSystem();
    // accepted 9-02: 20 working days → 9-30 (9-20 worked, 9-25 off); 7 working days after 9-30 → 10-15
    // (10-08, 10-09, 10-10 make-up Saturday, 10-12, 10-13, 10-14, 10-15)
    const driver = await acceptOnPromise('2026-09-02');
    await issuePermit(driver);
    await waitFor('the licence', async () => licenceForCase(system.db, driver.businessKey));
    expect(instant(await driver.fireTimer('CommitmentExpiredTimer'))).to.equal(instant('2026-09-30T23:59:59+08:00'));
    await driver.task('AwaitLateFulfilmentTask');
    expect(await driver.variable('breachPushDeadline')).to.equal('2026-10-15');
    expect(instant(await driver.fireTimer('BreachPushTimer'))).to.equal(instant('2026-10-15T00:00:00+08:00'));
    expect(await driver.waitForEnd()).to.equal('DecisionRevokedEndEvent');

    expect(await licenceForCase(system.db, driver.businessKey)).to.include({ status: '撤销' });
    expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ outcome: '撤销' });
    const breach = (await listCreditRecords(system.db, { businessKey: driver.businessKey })).find((r) => r.kind === '违约')!;
    expect(breach.rule).to.contain('不履行承诺信息');
    // the platform gets it exactly once
    const platform = creditPlatform();
    const arrived = await waitFor('the breach at the credit platform', async () => platform.records.get(idempotencyKey(breach.eventKey)));
    expect(arrived.deliveries).to.equal(1);
    expect(arrived.body).to.deep.include({ kind: '违约', subjectName: '呼和浩特市青城餐饮管理有限公司' });
  });

  it('should cancel the push when the proof arrives after the period but before the 7th working day', async () => {
    const system = await useSystem();
    const driver = await acceptOnPromise('2026-09-02');
    await issuePermit(driver);
    await driver.fireTimer('CommitmentExpiredTimer');
    await driver.task('AwaitLateFulfilmentTask');
    expect((await fulfil(driver)).status).to.equal(202);
    await driver.complete('VerifyLateFulfilmentTask', MEMBER.constructionReview!, { fulfilmentVerified: true, verificationOpinion: '逾期补交, 属实' });
    expect(await driver.waitForEnd()).to.equal('CaseClosedEndEvent');
    expect(await driver.timerDue('BreachPushTimer')).to.deep.equal([]);
    const kinds = (await listCreditRecords(system.db, { businessKey: driver.businessKey })).map((r) => r.kind);
    expect(kinds).to.include('履约').and.not.to.include('违约');
    expect(await licenceForCase(system.db, driver.businessKey)).to.include({ status: '有效' });
  });

  it('should NOT take a promise for an item that allows none: the promise is listed in the 一次性告知', async () => {
    const system = await useSystem();
    const road = readEntry('road-facility-attachment-permit');
    const driver = await new CaseDriver(system.admin, road.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(road, { commitment: PROMISE }) });
    await driver.task('NotifyDeficienciesTask');
    const problems = await driver.variable<Array<{ rule: string; message: string }>>('applicationProblems');
    expect(problems.find((p) => p.rule === 'commitment:notAllowed')!.message).to.contain('不实行告知承诺制');
    await driver.cancel();
  });

  it('should refuse a fulfilment for an unknown receipt number, or without materials', async () => {
    const system = await useSystem();
    const send = (receipt: string, body: unknown) => fetch(`${webBase(system)}/api/cases/${receipt}/commitment-fulfilment`, {
      method: 'POST', headers: { authorization: basic('window1'), 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    expect((await send('SP20260101999999', { materials: [{ code: 'x' }] })).status).to.equal(404);
    const bad = await send('SP20260101999999', { materials: [] });
    expect(bad.status).to.equal(400);
    expect(((await bad.json()) as { problems: Array<{ field: string }> }).problems[0]!.field).to.equal('materials');
  });
});
