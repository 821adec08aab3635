// 政务失信投诉 (processes/services/integrity-complaint.bpmn) on the real engine: a complaint taken
// at the 诚信建设投诉窗口 goes through 初审, the hand-over to the 12345 platform, the department's
// assessment, 督办 with its deadline, 挂牌督办 when it passes, and a 违约失信 record when the body
// refuses; a complaint from 12345 is not handed back; a fix is followed up (跟踪问效).
import { expect } from 'chai';
import { BREACH_RULE } from '../../../lib/complaints/rules.js';
import { fileComplaint, type ComplaintInput } from '../../../lib/complaints/index.js';
import { idempotencyKey } from '../../../lib/outbox/credit-platform.js';
import { findComplaint } from '../../../lib/repositories/complaints.js';
import { listCreditRecords } from '../../../lib/repositories/credit.js';
import { alertsFor, notificationsFor } from '../../../lib/repositories/supervision.js';
import { CaseDriver, instant, MEMBER } from '../../support/cases.js';
import { waitFor } from '../../support/process.js';
import { creditPlatform, useSystem } from '../../support/system.js';
import { basic, webBase } from '../../support/web.js';
import { governmentCreditCode } from './support.js';
import { complaintBusinessKey } from '../../../lib/cases/identity.js';

const COMPLAINT = {
  complainant: { name: '内蒙古塞北建材有限公司', phone: '13904711234' },
  respondent: { name: '某旗招商引资服务中心' },
  field: '招商引资',
  promise: '2025 年招商引资协议第 8 条: 项目投产后 6 个月内兑现设备补贴 300 万元',
  facts: '项目已于 2025-12-01 投产, 至今未兑现补贴, 多次催告无答复',
  request: '按协议兑现补贴',
} satisfies Partial<ComplaintInput>;

async function driverFor(complaintNumber: string, processInstanceId: string): Promise<CaseDriver> {
  const system = await useSystem();
  const driver = new CaseDriver(system.admin, 'integrity-complaint', complaintBusinessKey(complaintNumber));
  driver.processInstanceId = processInstanceId;
  return driver;
}

async function acceptAndConfirm(driver: CaseDriver, respondentCreditCode: string): Promise<void> {
  await driver.complete('PreliminaryReviewTask', MEMBER.complaintWindow!, { respondentIsGovernment: true, promiseInScope: true, factsSpecific: true, preliminaryDecision: 'accept', respondentCreditCode, preliminaryOpinion: '符合受理标准' });
  await driver.complete('AssessTask', MEMBER.complaintWindow!, { assessingDepartment: '某旗人民政府', breachConfirmed: true, assessmentOpinion: '协议属实, 补贴未兑现' });
  await driver.complete('SuperviseTask', MEMBER.supervisors!, { superviseNotice: '责令立即兑现补贴, 10 个工作日内报告整改情况' });
}

describe('政务失信投诉 (integrity-complaint)', function () {
  this.timeout(120_000);

  it('should take a complaint at the window, hand it to 12345, supervise it, escalate a missed deadline and record 违约失信 when the body refuses', async () => {
    const system = await useSystem();
    const post = (user: string) => fetch(`${webBase(system)}/api/complaints`, {
      method: 'POST', headers: { authorization: basic(user), 'content-type': 'application/json' }, body: JSON.stringify({ ...COMPLAINT, receivedOn: '2026-09-28' }),
    });
    expect((await post('window1')).status).to.equal(403);
    const response = await post('complaint1');
    expect(response.status).to.equal(201);
    const filed = (await response.json()) as { complaintNumber: string; processInstanceId: string };
    expect(filed.complaintNumber).to.match(/^TS20260928\d{6}$/);
    const driver = await driverFor(filed.complaintNumber, filed.processInstanceId);

    // 初审 within 3 working days: 9-29, 9-30, 10-08
    const review = await driver.task('PreliminaryReviewTask');
    expect(instant(review.due!)).to.equal(instant('2026-10-08T23:59:59+08:00'));
    const code = governmentCreditCode();
    await driver.complete('PreliminaryReviewTask', MEMBER.complaintWindow!, { respondentIsGovernment: true, promiseInScope: true, factsSpecific: true, preliminaryDecision: 'accept', respondentCreditCode: code, preliminaryOpinion: '符合受理标准' });

    // handed over to the 12345 platform once
    const platform = creditPlatform();
    const handedOver = await waitFor('the complaint at the 12345 platform', async () => platform.hotline.get(idempotencyKey(filed.complaintNumber)));
    expect(handedOver.deliveries).to.equal(1);
    expect(handedOver.body).to.deep.include({ complaintNumber: filed.complaintNumber, category: '政府违约失信', field: '招商引资' });

    // 研判 within 5 working days (9-29 … 10-10, a make-up Saturday); late: 督查室 gets a red card
    const assess = await driver.task('AssessTask');
    expect(instant(assess.due!)).to.equal(instant('2026-10-10T23:59:59+08:00'));
    await driver.fireTimer('AssessOverdueTimer');
    await waitFor('the red card for 督查室', async () => (await alertsFor(system.db, driver.businessKey)).find((a) => a.responsibleGroup === 'supervisors'));
    await driver.complete('AssessTask', MEMBER.complaintWindow!, { assessingDepartment: '某旗人民政府', breachConfirmed: true, assessmentOpinion: '协议属实, 补贴未兑现' });
    await driver.complete('SuperviseTask', MEMBER.supervisors!, { superviseNotice: '责令立即兑现补贴, 10 个工作日内报告整改情况' });

    // 10 working days from 9-28 → 10-16; missed → 挂牌督办, leaders' red card, 5 more → 10-23
    const tracking = await driver.task('TrackRectificationTask');
    expect(instant(tracking.due!)).to.equal(instant('2026-10-16T23:59:59+08:00'));
    await driver.fireTimer('RectificationOverdueTimer');
    await waitFor('the escalated deadline', async () => {
      const task = await driver.task('TrackRectificationTask');
      return instant(task.due!) === instant('2026-10-23T23:59:59+08:00') ? task : undefined;
    });
    const escalation = (await alertsFor(system.db, driver.businessKey)).find((a) => a.responsibleGroup === 'leaders')!;
    expect(escalation).to.include({ level: 'red', deadline: '2026-10-16' });
    expect(escalation.message).to.contain('挂牌督办');

    // refusing needs the facts
    const task = await driver.task('TrackRectificationTask');
    const refused = await system.admin.as({ username: MEMBER.supervisors!, password: 'shenpi-demo' }).post(`/task/${task.id}/complete`, { variables: { rectificationResult: { value: 'refused', type: 'String' } } }).catch((e: Error) => e);
    expect((refused as Error).message).to.contain('(refusalFacts) 必填');
    await driver.complete('TrackRectificationTask', MEMBER.supervisors!, { rectificationResult: 'refused', refusalFacts: '挂牌督办后仍书面表示不予兑现' });

    expect((await driver.waitForEnd()).split(',')).to.have.members(['AssessOverdueAlertedEndEvent', 'BreachRecordedEndEvent']);
    const path = await driver.path();
    expect(path).to.include.members(['PreliminaryReviewTask', 'RecordAcceptedTask', 'HandOverTask', 'AssessTask', 'AssessOverdueAlertTask', 'SuperviseTask', 'RectificationOverdueTimer', 'EscalateTask', 'RecordGovernmentBreachTask']);
    expect(path).not.to.include('FollowUpTask');

    const complaint = (await findComplaint(system.db, filed.complaintNumber))!;
    expect(complaint).to.include({ outcome: '违约失信', escalated: true, breachConfirmed: true, respondentCode: code, rectificationDeadline: '2026-10-23', handOver: '已推送 12345 平台' });
    const records = await listCreditRecords(system.db, { businessKey: driver.businessKey });
    expect(records.map((r) => [r.kind, r.subjectCode, r.subjectName, r.rule])).to.deep.equal([['失信', code, '某旗招商引资服务中心', BREACH_RULE]]);
    const pushed = await waitFor('the 违约失信 record at the credit platform', async () => platform.records.get(idempotencyKey(records[0]!.eventKey)));
    expect(pushed.deliveries).to.equal(1);
    expect((await notificationsFor(system.db, 'applicant', driver.businessKey)).map((n) => n.body).join()).to.contain('违约失信');

    const read = await fetch(`${webBase(system)}/api/complaints/${filed.complaintNumber}`, { headers: { authorization: basic('supervisor1') } });
    const body = (await read.json()) as { steps: Array<{ status: string }> };
    expect(body.steps.map((step) => step.status)).to.deep.equal(['已受理', '移交 12345', '已研判', '已督办', '整改期限', '挂牌督办', '整改期限', '违约失信']);
  });

  it('should record 违约失信 when the escalated deadline passes too', async () => {
    const system = await useSystem();
    const filed = await fileComplaint({ db: system.db, engine: system.admin, config: system.config }, { ...COMPLAINT, channel: '窗口', receivedOn: '2026-09-28', respondent: { name: '某区发展和改革委员会', creditCode: governmentCreditCode() } });
    const driver = await driverFor(filed.complaintNumber, filed.processInstanceId);
    await acceptAndConfirm(driver, (await findComplaint(system.db, filed.complaintNumber))!.respondentCode!);
    await driver.fireTimer('RectificationOverdueTimer');
    expect(instant(await driver.fireTimer('RectificationOverdueTimer'))).to.equal(instant('2026-10-23T23:59:59+08:00'));
    expect(await driver.waitForEnd()).to.equal('BreachRecordedEndEvent');
    expect(await driver.path()).to.include.members(['EscalateTask', 'RecordGovernmentBreachTask']);
    expect((await listCreditRecords(system.db, { businessKey: driver.businessKey }))[0]).to.include({ kind: '失信' });
  });

  it('should NOT hand a 12345 ticket back to 12345, take a repeated ticket once, and close a complaint found unfounded', async () => {
    const system = await useSystem();
    const deps = { db: system.db, engine: system.admin, config: system.config };
    const ticket = `12345-${Date.now()}`;
    const input: ComplaintInput = { ...COMPLAINT, channel: '12345', externalId: ticket, receivedOn: '2026-10-09', respondent: { name: '某区住房和城乡建设局', creditCode: governmentCreditCode() } };
    const [first, second] = await Promise.all([fileComplaint(deps, input), fileComplaint(deps, input)]);
    expect(second.complaintNumber).to.equal(first.complaintNumber);
    expect([first.replayed, second.replayed].sort()).to.deep.equal([false, true]);
    const driver = await driverFor(first.complaintNumber, first.processInstanceId);
    await driver.complete('PreliminaryReviewTask', MEMBER.complaintWindow!, { preliminaryDecision: 'accept', respondentCreditCode: input.respondent.creditCode, preliminaryOpinion: '12345 转来, 符合受理标准' });
    await driver.complete('AssessTask', MEMBER.complaintWindow!, { assessingDepartment: '某区住房和城乡建设局', breachConfirmed: false, assessmentOpinion: '协议约定的兑现条件尚未成就' });
    expect(await driver.waitForEnd()).to.equal('UnfoundedEndEvent');
    expect(await driver.variable('handOver')).to.equal('from-12345');
    expect(creditPlatform().hotline.has(idempotencyKey(first.complaintNumber))).to.equal(false);
    expect((await findComplaint(system.db, first.complaintNumber))!).to.include({ outcome: '不属实', breachConfirmed: false });
    expect(await listCreditRecords(system.db, { businessKey: driver.businessKey })).to.deep.equal([]);
  });

  it('should follow up a rectification and send it back when it has not worked', async () => {
    const system = await useSystem();
    const filed = await fileComplaint({ db: system.db, engine: system.admin, config: system.config }, { ...COMPLAINT, channel: '窗口', receivedOn: '2026-10-12' });
    const driver = await driverFor(filed.complaintNumber, filed.processInstanceId);
    await acceptAndConfirm(driver, governmentCreditCode());
    await driver.complete('TrackRectificationTask', MEMBER.supervisors!, { rectificationResult: 'rectified', rectificationReport: '已兑现 150 万元' });
    await driver.complete('FollowUpTask', MEMBER.supervisors!, { followUpEffective: false, followUpNote: '仅兑现一半, 投诉人不认可' });
    await driver.complete('TrackRectificationTask', MEMBER.supervisors!, { rectificationResult: 'rectified', rectificationReport: '已全额兑现 300 万元' });
    await driver.complete('FollowUpTask', MEMBER.supervisors!, { followUpEffective: true, followUpNote: '投诉人确认全额到账' });
    expect(await driver.waitForEnd()).to.equal('RectifiedEndEvent');
    expect(await driver.path()).to.include('RecordNotEffectiveTask');
    expect((await findComplaint(system.db, filed.complaintNumber))!).to.include({ outcome: '已整改' });
    expect(await listCreditRecords(system.db, { businessKey: driver.businessKey })).to.deep.equal([]);
  });
});
