// 容缺受理 (blocks "acceptance", "deferred-supplement", "promise-breach") on the food business
// licence, whose 主要设备设施清单 may be supplied after acceptance, within 3 working days.
import { expect } from 'chai';
import { listCreditRecords } from '../../../lib/repositories/credit.js';
import { findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import { licenceForCase } from '../../../lib/repositories/licences.js';
import { notificationsFor } from '../../../lib/repositories/supervision.js';
import { sampleApplication, uniqueCreditCode } from '../../support/applications.js';
import { CaseDriver, instant, DECIDER, MEMBER } from '../../support/cases.js';
import { useSystem } from '../../support/system.js';
import { basic, webBase } from '../../support/web.js';
import { readEntry } from '../items/scenarios.js';

const food = readEntry('food-business-licence');
const RECEIVED = { receivedOn: '2026-09-30', clockDate: '2026-09-30' };

async function acceptOnPromise(creditCode = uniqueCreditCode()): Promise<CaseDriver> {
  const system = await useSystem();
  const driver = await new CaseDriver(system.admin, food.key).start({ ...RECEIVED, application: sampleApplication(food, { omitMaterials: ['equipment-list'], creditCode }) });
  const offer = await driver.task('OfferPromiseTask');
  expect(offer.name).to.equal('容缺 / 告知承诺受理');
  await driver.complete('OfferPromiseTask', MEMBER.window!, { acceptanceDecision: 'accept-promise' });
  return driver;
}

async function finishMainPath(driver: CaseDriver): Promise<void> {
  await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewOpinion: '符合条件', reviewAction: 'submit' });
  await driver.complete('SiteInspectionTask', MEMBER.marketReview!, { siteInspectionResult: '合格', siteInspectionOpinion: '一致' });
  await driver.complete('DecisionTask', DECIDER.marketReview!, { decision: 'grant', decisionContent: '预包装食品销售' });
  await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
}

const post = async (path: string, body: unknown, user = 'window1'): Promise<Response> => {
  const system = await useSystem();
  return fetch(`${webBase(system)}${path}`, { method: 'POST', headers: { authorization: basic(user), 'content-type': 'application/json' }, body: JSON.stringify(body) });
};

describe('容缺受理 (deferred supplement)', function () {
  this.timeout(120_000);

  it('should accept on a signed notice, go on in parallel, and close once the material arrives in time', async () => {
    const system = await useSystem();
    const driver = await acceptOnPromise();
    // the notice lists the material, its form and the deadline: 3 working days from 9-30 → 10-10 (the make-up Saturday)
    const notice = await driver.variable<string>('promiseNotice');
    expect(notice).to.contain('主要设备设施清单 (原件 1 份)').and.to.contain('2026-10-10').and.to.contain('不良信用记录');
    const waiting = await driver.task('AwaitSupplementTask');
    expect(instant(waiting.due!)).to.equal(instant('2026-10-10T23:59:59+08:00'));
    await driver.task('ReviewTask'); // the case goes on meanwhile
    const receipt = await driver.variable<string>('receiptNumber');

    // an incomplete delivery is checked and the case keeps waiting
    expect((await post(`/api/cases/${receipt}/supplements`, { materials: [{ code: 'food-safety-rules', form: '原件', copies: 1 }] })).status).to.equal(202);
    await driver.task('AwaitSupplementTask');
    expect(await driver.variable('supplementProblems')).to.contain('主要设备设施清单');
    expect((await post(`/api/cases/${receipt}/supplements`, { materials: [{ code: 'equipment-list', form: '原件', copies: 1 }] })).status).to.equal(202);

    await finishMainPath(driver);
    expect(await driver.waitForEnd()).to.equal('CaseClosedEndEvent');
    const record = await findCaseByBusinessKey(system.db, driver.businessKey);
    expect(record).to.include({ outcome: '准予', status: '已办结' });
    expect((await listCreditRecords(system.db, { businessKey: driver.businessKey })).map((r) => [r.kind, r.rule]).sort()).to.deep.equal([['履约', '容缺受理按期补正'], ['承诺', '容缺受理书面承诺']]);

    // a supplement for a closed case is refused, with the reason
    const late = await post(`/api/cases/${receipt}/supplements`, { materials: [{ code: 'equipment-list' }] });
    expect(late.status).to.equal(409);
    expect(((await late.json()) as { message: string }).message).to.contain('不在容缺补正期内');
  });

  it('should terminate the case, write a bad-credit record and tell the applicant when the deadline passes before the decision', async () => {
    const system = await useSystem();
    const driver = await acceptOnPromise();
    await driver.task('ReviewTask');
    expect(instant(await driver.fireTimer('SupplementDeadlineTimer'))).to.equal(instant('2026-10-10T23:59:59+08:00'));
    expect(await driver.waitForEnd()).to.equal('CaseTerminatedEndEvent');
    expect(await driver.path()).to.include.members(['RevokeDecisionTask', 'RecordBreachCreditTask', 'RecordBreachStatusTask']);
    const records = await listCreditRecords(system.db, { businessKey: driver.businessKey });
    expect(records.find((r) => r.kind === '不良记录')).to.include({ rule: '容缺受理逾期未补正' });
    expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ outcome: '终止' });
    const notes = await notificationsFor(system.db, 'applicant', driver.businessKey);
    expect(notes.map((n) => n.title)).to.include('未履行承诺处理告知书');
    // the review in progress was ended with the case
    expect(await system.admin.get<unknown[]>(`/task?processInstanceBusinessKey=${driver.businessKey}`)).to.deep.equal([]);
  });

  it('should revoke a licence already issued when the deadline passes after the decision', async () => {
    const system = await useSystem();
    const driver = await acceptOnPromise();
    await finishMainPath(driver);
    await waitForLicence(driver);
    await driver.fireTimer('SupplementDeadlineTimer');
    expect(await driver.waitForEnd()).to.equal('CaseTerminatedEndEvent');
    expect(await licenceForCase(system.db, driver.businessKey)).to.include({ status: '撤销' });
    expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ outcome: '撤销' });
  });

  it('should NOT offer 容缺 to an applicant with a 失信 record: the clerk sees why and gives the 一次性告知', async () => {
    const system = await useSystem();
    const creditCode = uniqueCreditCode();
    const registered = await post('/api/credit/records', { subjectCode: creditCode, subjectName: '失信测试公司', rule: '列入严重失信主体名单 (信用中国)' }, 'legal1');
    expect(registered.status).to.equal(201);
    expect((await post('/api/credit/records', { subjectCode: 'bad', subjectName: '', rule: '' }, 'legal1')).status).to.equal(400);
    expect((await post('/api/credit/records', { subjectCode: creditCode, subjectName: '失信测试公司', rule: '列入严重失信主体名单' }, 'window1')).status).to.equal(403);
    const driver = await new CaseDriver(system.admin, food.key).start({ ...RECEIVED, application: sampleApplication(food, { omitMaterials: ['equipment-list'], creditCode }) });
    await driver.task('NotifyDeficienciesTask');
    expect(await driver.variable('creditEligible')).to.equal(false);
    expect(await driver.variable('creditIneligibleReasons')).to.contain('失信: 列入严重失信主体名单 (信用中国)');
    expect(await driver.path()).not.to.include('OfferPromiseTask');
    await driver.cancel();
  });
});

async function waitForLicence(driver: CaseDriver): Promise<void> {
  const system = await useSystem();
  for (let i = 0; i < 100 && !(await licenceForCase(system.db, driver.businessKey)); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
}
