// 受理 (block "acceptance") through the food business licence: the refusals the front desk
// must give, and the deemed acceptance after an unanswered 一次性告知.
import { expect } from 'chai';
import { notificationsFor } from '../../../lib/repositories/supervision.js';
import { EngineRequestError } from '../../../lib/engine/client.js';
import { AWAITING_CALENDAR_STATUS, caseEvents, findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import { saveEntry } from '../../../lib/repositories/catalogue.js';
import { sampleApplication } from '../../support/applications.js';
import { CaseDriver, instant, MEMBER } from '../../support/cases.js';
import { useSystem } from '../../support/system.js';
import { readEntry } from '../items/scenarios.js';

const food = readEntry('food-business-licence');
const RECEIVED = { receivedOn: '2026-09-30', clockDate: '2026-09-30' };

describe('acceptance (受理)', function () {
  this.timeout(120_000);

  it('should refuse an item that is not in the catalogue, without registering a case (清单之外无审批)', async () => {
    const system = await useSystem();
    const driver = await new CaseDriver(system.admin, 'food-business-licence').start({ ...RECEIVED, application: sampleApplication(food), itemKey: 'no-such-item' });
    expect(await driver.waitForEnd()).to.equal('NotAcceptedEndEvent');
    expect(await driver.path()).to.include.members(['ItemNotInCatalogueBoundaryEvent', 'NotInCatalogueEndEvent']);
    expect(await driver.variable('refusalReason')).to.contain('不在事项清单中');
    expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.equal(undefined);
  });

  it('should refuse an item whose catalogue entry is suspended (暂停) with a receipt number and a written notice, not silently', async () => {
    const system = await useSystem();
    const entry = { ...readEntry('seal-engraving-filing'), key: 'suspended-seal-filing', status: '暂停' as const };
    await saveEntry(system.db, entry, 'test');
    const driver = await new CaseDriver(system.admin, 'seal-engraving-filing').start({ ...RECEIVED, application: sampleApplication(entry), itemKey: entry.key });
    expect(await driver.waitForEnd()).to.equal('NotAcceptedEndEvent');
    expect(await driver.variable('refusalReason')).to.contain('暂停');
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    expect(record).to.include({ status: '不予受理', outcome: '不予受理', itemKey: entry.key });
    expect(record.receiptNumber).to.match(/^SP\d{14}$/);
    const notices = await notificationsFor(system.db, 'applicant', driver.businessKey);
    expect(notices.map((notice) => notice.title)).to.deep.equal(['不予受理通知书']);
    expect(notices[0]!.body).to.contain(record.receiptNumber).and.contain('暂停');
  });

  it('should NOT let the window refuse without a reason, and record the refusal with one', async () => {
    const system = await useSystem();
    const driver = await new CaseDriver(system.admin, 'food-business-licence').start({ ...RECEIVED, application: sampleApplication(food) });
    const error = await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'refuse' }).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(EngineRequestError);
    // the form contract refuses it (400) naming the field; what matters is the reason and that nothing was written
    expect((error as EngineRequestError).status, (error as Error).message).to.be.at.least(400);
    expect((error as EngineRequestError).message).to.contain('(refusalReason) 必填');
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'refuse', refusalReason: '申请事项依法不需要取得行政许可' });
    expect(await driver.waitForEnd()).to.equal('NotAcceptedEndEvent');
    expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ status: '不予受理', outcome: '不予受理' });
  });

  it('should deem a deficient application accepted when the 一次性告知 is not given within 5 working days', async () => {
    const system = await useSystem();
    const driver = await new CaseDriver(system.admin, 'food-business-licence').start({ ...RECEIVED, application: sampleApplication(food, { omitMaterials: ['premises-layout'] }) });
    await driver.task('NotifyDeficienciesTask');
    expect(instant(await driver.fireTimer('NotifyDeficienciesDeemedTimer'))).to.equal(instant('2026-10-13T23:59:59+08:00'));
    await driver.task('ReviewTask');
    expect(await driver.variable('acceptedOn')).to.equal('2026-09-30');
    const record = await findCaseByBusinessKey(system.db, driver.businessKey);
    expect(record).to.include({ status: '已受理', acceptedOn: '2026-09-30', decisionDeadline: '2026-10-10' });
    await driver.cancel();
  });

  it('should wait in 待发布工作日历, never with a guessed deadline nor an incident, when the 5 days reach beyond the calendar', async () => {
    const system = await useSystem();
    // 2029 is in no calendar (the seed ends in 2026; tests may publish 2027)
    const driver = await new CaseDriver(system.admin, 'food-business-licence').start({ receivedOn: '2029-12-27', clockDate: '2029-12-27', application: sampleApplication(food) });
    // the wait looks at the calendar again a few hours later, in case a publication was missed
    const recheck = new Date(await driver.awaitTimer('ComputeNoticeDeadlineCalendarRecheckTimer')).getTime();
    expect(recheck - Date.now()).to.be.within(5 * 3_600_000, 6 * 3_600_000 + 60_000);
    const record = await findCaseByBusinessKey(system.db, driver.businessKey);
    expect(record!.status).to.equal(AWAITING_CALENDAR_STATUS);
    const events = await caseEvents(system.db, record!.id);
    expect(events.at(-1)!.note).to.contain('2029');
    expect(await driver.variable('noticeDeadline')).to.equal(undefined);
    const incidents = await system.admin.get<unknown[]>(`/incident?processInstanceId=${(await driver.instances()).at(-1)}`);
    expect(incidents).to.deep.equal([]);
    await driver.cancel();
  });

  it('should close a case whose applicant never brings what the 一次性告知 listed', async () => {
    const system = await useSystem();
    const driver = await new CaseDriver(system.admin, 'food-business-licence').start({ ...RECEIVED, application: sampleApplication(food, { omitMaterials: ['premises-layout'] }) });
    await driver.complete('NotifyDeficienciesTask', MEMBER.window!, { acceptanceDecision: 'notify', noticeChannel: 'letter' });
    await driver.fireTimer('SupplementPeriodExpiredEvent');
    expect(await driver.waitForEnd()).to.equal('ClosedWithoutSupplementEndEvent');
    expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ status: '未补正办结', outcome: '未补正' });
  });
});
