// 容缺勘验 (blocks "site-inspection" and "tolerated-gap-follow-up"), dated today: the inspector
// must list the gaps the inspection tolerates and their period in working days (the engine
// refuses the task otherwise); each gap gets its deadline from the calendar, and when it falls
// due (timer) the section gets a check task; the checks are recorded on the case. A gap found
// 未整改 gets a 限期整改通知书 (文书 and SMS) with a last period of working days and a 复查 when it
// ends; still 未整改 then, the credit promise is broken: 违诺处理 revokes the licence, writes a
// 不良记录 and ends the case, every other gap's follow-up with it.
import { expect } from 'chai';
import { computeDeadline, todayIn } from '../../../lib/calendar/deadlines.js';
import { loadCalendar } from '../../../lib/repositories/calendar.js';
import { EngineRequestError, toVariables } from '../../../lib/engine/client.js';
import { caseEvents, findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import { listCreditRecords } from '../../../lib/repositories/credit.js';
import { licenceForCase } from '../../../lib/repositories/licences.js';
import { GAP_RECTIFICATION_WORKING_DAYS } from '../../../lib/bpmn/tolerated-gap-follow-up.js';
import { chineseDate } from '../../../lib/documents/index.js';
import { documentsOf, expectDocument } from '../../support/documents.js';
import type { System } from '../../../bin/system.js';
import { sampleApplication, uniqueCreditCode } from '../../support/applications.js';
import { CaseDriver, DECIDER, DEMO_PASSWORD, instant, MEMBER } from '../../support/cases.js';
import { publishTest2027, withdrawTest2027 } from '../../support/calendar.js';
import { useSystem } from '../../support/system.js';
import { readEntry } from '../items/scenarios.js';

const food = readEntry('food-business-licence');
const GAPS = '消毒设施待安装\n更衣室未设洗手池';

describe('容缺勘验: tolerated gaps required and followed up (dated today)', function () {
  this.timeout(180_000);
  let system: System;

  before(async () => {
    system = await useSystem();
    await publishTest2027(system);
  });
  after(async () => withdrawTest2027(system));

  async function refused(attempt: Promise<unknown>, mentions: string): Promise<void> {
    const error = await attempt.then(() => undefined, (e: unknown) => e);
    expect(error, 'the engine accepted it').to.be.instanceOf(EngineRequestError);
    expect((error as EngineRequestError).status, (error as Error).message).to.equal(400);
    expect((error as EngineRequestError).engineMessage).to.contain(mentions);
  }

  /** A 容缺勘验 case received today, accepted on the applicant's promise and reviewed: at its inspection. */
  async function reviewedPromiseCase(today: string): Promise<CaseDriver> {
    const driver = await new CaseDriver(system.admin, food.key).start({
      receivedOn: today,
      application: sampleApplication(food, { creditCode: uniqueCreditCode(), commitment: { signed: true, signatory: '张建国', inspection: '容缺勘验' } }),
    });
    await driver.complete('OfferPromiseTask', MEMBER.window!, { acceptanceDecision: 'accept-promise' });
    await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewOpinion: '符合条件', reviewAction: 'submit' });
    return driver;
  }

  it('should NOT complete the inspection without the gaps and their period, nor take other variables; then check each gap when its deadline falls due', async () => {
    const today = todayIn(system.config.deadlines.utcOffset);
    const driver = await reviewedPromiseCase(today);
    const inspection = await driver.task('SiteInspectionTask');
    const inspector = system.admin.as({ username: MEMBER.marketReview!, password: DEMO_PASSWORD });
    const complete = (variables: Record<string, unknown>) => inspector.post(`/task/${inspection.id}/complete`, { variables: toVariables(variables) });
    const base = { siteInspectionResult: '基本合格', siteInspectionOpinion: '基本符合' };

    await refused(complete({ ...base, toleratedGapWorkingDays: 3 }), '(toleratedGaps) 必填');
    await refused(complete({ ...base, toleratedGaps: GAPS }), '(toleratedGapWorkingDays) 必填');
    await refused(complete({ ...base, toleratedGaps: GAPS, toleratedGapWorkingDays: 0 }), '(toleratedGapWorkingDays) 不得小于');
    // a clerk may not write the schedule (or the follow-up's inputs) himself
    await refused(complete({ ...base, toleratedGaps: GAPS, toleratedGapWorkingDays: 3, toleratedGapKeys: '[]' }), 'toleratedGapKeys');
    await refused(complete({ ...base, toleratedGaps: GAPS, toleratedGapWorkingDays: 3, gapDueAt: '2026-01-01T00:00:00+08:00' }), 'gapDueAt');

    await complete({ ...base, toleratedGaps: GAPS, toleratedGapWorkingDays: 3 });
    await driver.complete('DecisionTask', DECIDER.marketReview!, { decision: 'grant', decisionContent: '预包装食品销售' });
    await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });

    // each gap waits for its own deadline: 3 working days from today, on the published calendar
    const due = computeDeadline(await loadCalendar(system.db), today, 3, system.config.deadlines);
    const timers = await waitForTimers(driver, 2);
    expect(timers.map((timer) => instant(timer.dueDate))).to.deep.equal([instant(due.dueAt), instant(due.dueAt)]);
    for (const timer of timers) await system.admin.post(`/job/${timer.id}/execute`, {});
    for (let i = 0; i < 2; i += 1) {
      const check = await driver.task('CheckToleratedGapTask');
      expect(instant(check.due!)).to.equal(instant(due.dueAt));
      // not another section's, and only the section's own form: no other outcome can be written
      const other = await system.admin.as({ username: MEMBER.publicSecurityReview!, password: DEMO_PASSWORD }).post(`/task/${check.id}/complete`, { variables: toVariables({ gapRemedied: '已整改', gapCheckNote: '越权核查' }) }).then(() => 'completed', (e: EngineRequestError) => e.status);
      expect(other).to.be.oneOf([403, 404]);
      await refused(inspector.post(`/task/${check.id}/complete`, { variables: toVariables({ gapRemedied: '已整改', gapCheckNote: '已整改到位', gapDescription: '无' }) }), '只读');
      await driver.completeTask({ ...check, group: 'marketReview' }, { gapRemedied: i === 0 ? '已整改' : '未整改', gapCheckNote: i === 0 ? '现场复核已整改' : '逾期未整改, 移交监管' });
    }
    // the gap not remedied: a last period, then a 复查; remedied within it, the case closes as granted
    await driver.fireTimer('GapRectificationPeriodExpiredEvent');
    await driver.complete('RecheckToleratedGapTask', MEMBER.marketReview!, { gapRecheckResult: '已整改', gapRecheckNote: '限期内已安装到位' });
    expect(await driver.waitForEnd()).to.equal('CaseClosedEndEvent');
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const events = (await caseEvents(system.db, record.id)).map((event) => [event.status, event.note]);
    expect(events).to.deep.include(['容缺勘验缺项已登记', `1. 消毒设施待安装 (整改期限 ${due.deadline})\n2. 更衣室未设洗手池 (整改期限 ${due.deadline})`]);
    const checks = events.filter(([status]) => status === '容缺缺项已核查').map(([, note]) => note).sort();
    expect(checks).to.have.length(2);
    expect(checks.join('\n')).to.contain('已整改; 现场复核已整改').and.to.contain('未整改; 逾期未整改, 移交监管');
    expect(events.find(([status]) => status === '容缺缺项已复查')?.[1]).to.contain('已整改; 限期内已安装到位');
    expect(await licenceForCase(system.db, driver.businessKey)).to.include({ status: '有效' });
  });

  it('should give a 限期整改通知书 for a gap not remedied, and revoke the licence with a 不良记录 when it is still not remedied after the last period', async () => {
    const today = todayIn(system.config.deadlines.utcOffset);
    const driver = await reviewedPromiseCase(today);
    await driver.complete('SiteInspectionTask', MEMBER.marketReview!, { siteInspectionResult: '基本合格', siteInspectionOpinion: '基本符合', toleratedGaps: GAPS, toleratedGapWorkingDays: 3 });
    await driver.complete('DecisionTask', DECIDER.marketReview!, { decision: 'grant', decisionContent: '预包装食品销售' });
    await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
    const receipt = await driver.variable<string>('receiptNumber');
    for (const timer of await waitForTimers(driver, 2)) await system.admin.post(`/job/${timer.id}/execute`, {});

    // one gap found 未整改 (the other's check stays open): told in writing, with the last period
    const check = await driver.task('CheckToleratedGapTask');
    await driver.completeTask({ ...check, group: 'marketReview' }, { gapRemedied: '未整改', gapCheckNote: '消毒设施仍未安装' });
    const last = computeDeadline(await loadCalendar(system.db), today, GAP_RECTIFICATION_WORKING_DAYS, system.config.deadlines);
    expect(instant(await driver.fireTimer('GapRectificationPeriodExpiredEvent'))).to.equal(instant(last.dueAt));
    const notice = await expectDocument(await documentsOf(driver.businessKey, ['gap-rectification']), 'gap-rectification', receipt,
      ['限期整改通知书', chineseDate(last.deadline), `${GAP_RECTIFICATION_WORKING_DAYS}个工作日内`, '消毒设施仍未安装', '逾期仍未整改的，视为未履行信用承诺']);
    const sms = await system.db('outbox_message').where({ channel: 'sms' }).whereRaw("payload->>'receiptNumber' = ? and payload->>'kind' = 'gap-rectification'", [receipt]).first('payload');
    expect(sms?.payload.text).to.contain(chineseDate(last.deadline)).and.to.contain(notice.documentNumber);

    // still 未整改 at the 复查: the credit promise is broken
    const recheck = await driver.task('RecheckToleratedGapTask');
    expect(instant(recheck.due!)).to.equal(instant(last.dueAt));
    await driver.complete('RecheckToleratedGapTask', MEMBER.marketReview!, { gapRecheckResult: '未整改', gapRecheckNote: '限期届满仍未安装消毒设施' });
    expect(await driver.waitForEnd()).to.equal('DecisionRevokedEndEvent');
    expect(await driver.path()).to.include.members(['GapNotRemediedEndEvent', 'ToleratedGapNotRemediedBoundaryEvent', 'RevokeDecisionTask', 'PublishRevocationTask', 'RecordBreachCreditTask', 'RecordBreachStatusTask']);
    expect(await licenceForCase(system.db, driver.businessKey)).to.include({ status: '撤销' });
    expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ outcome: '撤销' });
    const credit = await listCreditRecords(system.db, { businessKey: driver.businessKey });
    expect(credit.find((record) => record.kind === '不良记录')).to.include({ rule: '容缺勘验缺项限期整改后仍未整改' });
    await expectDocument(await documentsOf(driver.businessKey, ['revocation']), 'revocation', receipt, ['容缺勘验容许的缺项经限期整改仍未整改']);
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const statuses = (await caseEvents(system.db, record.id)).map((event) => event.status);
    expect(statuses).to.include.members(['容缺缺项已核查', '容缺缺项限期整改', '容缺缺项已复查', '未履行承诺, 办件终止']);
    // the other gap's check ended with the case
    expect(await system.admin.get<unknown[]>(`/task?processInstanceBusinessKey=${driver.businessKey}`)).to.deep.equal([]);
  });

  async function waitForTimers(driver: CaseDriver, count: number): Promise<Array<{ id: string; dueDate: string }>> {
    for (const started = Date.now(); Date.now() - started < 30_000; await new Promise((resolve) => setTimeout(resolve, 200))) {
      const jobs: Array<{ id: string; dueDate: string }> = [];
      for (const id of await driver.instances()) jobs.push(...await system.admin.get<Array<{ id: string; dueDate: string }>>(`/job?processInstanceId=${id}&activityId=GapRemedyPeriodExpiredEvent`));
      if (jobs.length === count) return jobs;
    }
    throw new Error(`expected ${count} gap timers`);
  }
});
