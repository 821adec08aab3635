// 好差评 (processes/services/service-rating.bpmn) on the real engine: a named bad rating is
// verified by the handling section, visited by the 好差评 office, rectified within 5 working
// days and published; an applicant's appeal withdraws a rating made by mistake; a section's
// appeal that fails leads to an explanation.
import { expect } from 'chai';
import { appealRating, monthlyRatingFigures, submitRating } from '../../../lib/ratings/index.js';
import { findRatingByReceipt, ratingSteps } from '../../../lib/repositories/ratings.js';
import { alertsFor, notificationsFor } from '../../../lib/repositories/supervision.js';
import { InputError, StateError } from '../../../lib/validation/input-error.js';
import { CaseDriver, instant, MEMBER } from '../../support/cases.js';
import { waitFor } from '../../support/process.js';
import { useSystem } from '../../support/system.js';
import { webBase } from '../../support/web.js';
import { endedCase } from './support.js';
import { ratingBusinessKey } from '../../../lib/cases/identity.js';

async function rate(input: { receiptNumber: string; level: 1 | 2 | 3 | 4 | 5; named: boolean; ratedOn: string; comment?: string }) {
  const system = await useSystem();
  const result = await submitRating({ db: system.db, engine: system.admin, config: system.config }, { channel: '窗口评价器', comment: '等了很久, 窗口人员态度冷淡', ...input });
  const driver = new CaseDriver(system.admin, 'service-rating', result.badRatingCase?.businessKey);
  driver.processInstanceId = result.badRatingCase?.processInstanceId ?? '';
  return { result, driver };
}

describe('差评处理 (service-rating)', function () {
  this.timeout(120_000);

  it('should verify a named bad rating, visit the applicant, rectify within 5 working days (over National Day) and publish the outcome', async () => {
    const system = await useSystem();
    const { receiptNumber, businessKey: caseKey } = await endedCase(system.db);
    const { result, driver } = await rate({ receiptNumber, level: 1, named: true, ratedOn: '2026-09-30' });
    expect(result).to.deep.include({ level: 1, levelName: '非常不满意', replayed: false });
    expect(result.badRatingCase!.businessKey).to.equal(ratingBusinessKey(receiptNumber));

    // 5 working days after 9-30: 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13
    const verify = await driver.task('VerifyRatingTask');
    expect(instant(verify.due!)).to.equal(instant('2026-10-13T23:59:59+08:00'));
    expect((await driver.openTasks())[0]!.group).to.equal('marketReview');
    await driver.complete('VerifyRatingTask', MEMBER.marketReview!, { verificationFinding: '当日窗口人手不足, 排队超过 1 小时', verificationResult: 'confirmed' });
    await driver.complete('ReturnVisitTask', MEMBER.ratingOffice!, { applicantReached: true, returnVisitNote: '已电话回访, 申请人希望增加高峰时段窗口' });

    // the deadline passes: a red card for the section, the task goes on
    expect(instant(await driver.fireTimer('RectifyOverdueTimer'))).to.equal(instant('2026-10-13T23:59:59+08:00'));
    const alert = await waitFor('the red card', async () => (await alertsFor(system.db, driver.businessKey))[0]);
    expect(alert).to.include({ level: 'red', responsibleGroup: 'marketReview', activityId: 'RectifyTask', deadline: '2026-10-13' });

    // a rectification without its measures is refused by the engine
    const rectify = await driver.task('RectifyTask');
    const refused = await system.admin.as({ username: MEMBER.marketReview!, password: 'shenpi-demo' }).post(`/task/${rectify.id}/complete`, { variables: { rectificationKind: { value: '整改', type: 'String' } } }).catch((e: Error) => e);
    expect((refused as Error).message).to.contain('(rectificationMeasures) 必填');
    await driver.complete('RectifyTask', MEMBER.marketReview!, { rectificationKind: '整改', rectificationMeasures: '高峰时段增开 2 个窗口, 对窗口人员进行服务规范培训' });

    expect((await driver.waitForEnd()).split(',')).to.have.members(['RectifyOverdueAlertedEndEvent', 'BadRatingHandledEndEvent']);
    const path = await driver.path();
    expect(path).to.include.members(['VerifyRatingTask', 'ReturnVisitTask', 'RecordReturnVisitTask', 'RectifyTask', 'RecordRectificationTask', 'PublishRatingOutcomeTask']);
    expect(path).not.to.include('ReviewAppealTask');

    const rating = (await findRatingByReceipt(system.db, receiptNumber))!;
    expect(rating).to.include({ status: '已整改', rectificationKind: '整改', rectifiedInTime: true, counted: true, departmentGroup: 'marketReview', publishedOn: '2026-09-30' });
    expect(rating.returnVisit).to.contain('已电话回访');
    expect((await ratingSteps(system.db, rating.id)).map((step) => step.step)).to.deep.equal(['return-visit', 'rectified']);
    // 结果公开 without the applicant, and the applicant is told
    const feed = (await (await fetch(`${webBase(system)}/public/ratings/outcomes.json`)).json()) as { outcomes: Array<Record<string, unknown>> };
    const published = feed.outcomes.find((outcome) => outcome.receiptNumber === receiptNumber)!;
    expect(published).to.include({ level: '非常不满意', department: '市场准入审批科' });
    expect(String(published.outcome)).to.contain('已整改').and.contain('增开 2 个窗口');
    expect(JSON.stringify(published)).not.to.contain('青城餐饮');
    expect((await notificationsFor(system.db, 'applicant', caseKey)).map((n) => n.title)).to.include('差评处理结果');

    // the figures of September count it as rectified in time
    const september = await monthlyRatingFigures(system.db, { month: '2026-09' });
    const item = september.departments.find((d) => d.group === 'marketReview')!.items.find((i) => i.itemKey === 'food-business-licence')!;
    expect(item).to.include({ bad: 1, rectified: 1, inTime: 1, pending: 0 });

    // a second submission for the case returns the first rating, and starts nothing
    const again = await submitRating({ db: system.db, engine: system.admin, config: system.config }, { receiptNumber, level: 5, named: false, channel: '一网通办' });
    expect(again).to.deep.include({ ratingId: result.ratingId, level: 1, replayed: true });
    expect(await system.admin.get<Array<unknown>>(`/history/process-instance?processInstanceBusinessKey=rating:${receiptNumber}`)).to.have.length(1);
  });

  it('should withdraw a rating the applicant appeals as a mistake, once the 好差评 office upholds it', async () => {
    const system = await useSystem();
    const { receiptNumber } = await endedCase(system.db);
    const { driver } = await rate({ receiptNumber, level: 2, named: false, ratedOn: '2026-10-09' });
    await driver.task('VerifyRatingTask');
    const deps = { db: system.db, engine: system.admin, config: system.config };
    expect(await appealRating(deps, { receiptNumber, reason: '误点了评价器上的「不满意」, 其实很满意' })).to.deep.include({ status: '申诉待审核', replayed: false });
    expect(await appealRating(deps, { receiptNumber, reason: '再次申诉' })).to.deep.include({ replayed: true });
    expect((await driver.openTasks()).map((task) => [task.taskDefinitionKey, task.group])).to.deep.equal([['ReviewAppealTask', 'ratingOffice']]);
    await driver.complete('ReviewAppealTask', MEMBER.ratingOffice!, { appealDecision: 'upheld', appealDecisionNote: '经核对评价器记录和回访, 属误评' });

    expect(await driver.waitForEnd()).to.equal('BadRatingHandledEndEvent');
    const path = await driver.path();
    expect(path).to.include.members(['AppealFiledBoundaryEvent', 'ReviewAppealTask', 'RecordAppealUpheldTask', 'PublishRatingOutcomeTask']);
    expect(path).not.to.include('RectifyTask');
    const rating = (await findRatingByReceipt(system.db, receiptNumber))!;
    expect(rating).to.include({ counted: false, status: '申诉成立 (误评, 不计入统计)' });
    expect(rating.appealReason).to.contain('误点');

    const october = await monthlyRatingFigures(system.db, { month: '2026-10' });
    const item = october.departments.find((d) => d.group === 'marketReview')!.items.find((i) => i.itemKey === 'food-business-licence')!;
    expect(item.withdrawn).to.be.at.least(1);
  });

  it('should NOT take an appeal once the section has verified the rating, nor one for a good rating', async () => {
    const system = await useSystem();
    const deps = { db: system.db, engine: system.admin, config: system.config };
    const { receiptNumber } = await endedCase(system.db);
    const { driver } = await rate({ receiptNumber, level: 2, named: false, ratedOn: '2026-10-09' });
    await driver.complete('VerifyRatingTask', MEMBER.marketReview!, { verificationFinding: '材料退回未说明原因', verificationResult: 'confirmed' });
    await driver.task('RectifyTask');
    const late = await appealRating(deps, { receiptNumber, reason: '评价有误, 申请撤回' }).catch((e: Error) => e);
    expect(late).to.be.instanceOf(StateError);
    expect((late as StateError).message).to.contain('不能再申诉');
    expect((await findRatingByReceipt(system.db, receiptNumber))!.appealReason).to.equal(null);

    const good = await endedCase(system.db);
    await submitRating(deps, { receiptNumber: good.receiptNumber, level: 4, named: true, channel: '一网通办', ratedOn: '2026-10-09' });
    const refused = await appealRating(deps, { receiptNumber: good.receiptNumber, reason: '评价有误' }).catch((e: Error) => e);
    expect((refused as InputError).problems).to.deep.equal([{ field: 'receiptNumber', rule: 'badRating', message: '只有差评 (不满意、非常不满意) 可以申诉' }]);
    await driver.cancel();
  });

  it('should lead a section appeal that fails to an explanation, without a return visit for an anonymous rating', async () => {
    const system = await useSystem();
    const { receiptNumber } = await endedCase(system.db, { itemKey: 'hotel-special-trade-licence' });
    const { driver } = await rate({ receiptNumber, level: 2, named: false, ratedOn: '2026-10-12' });
    await driver.complete('VerifyRatingTask', MEMBER.publicSecurityReview!, { verificationFinding: '申请人不满意的是法定审查要求', verificationResult: 'appeal', appealReason: '评价针对的是法定条件, 不是服务' });
    await driver.complete('ReviewAppealTask', MEMBER.ratingOffice!, { appealDecision: 'rejected', appealDecisionNote: '评价针对办事体验, 申诉不成立' });
    await driver.complete('RectifyTask', MEMBER.publicSecurityReview!, { rectificationKind: '说明', explanation: '消防安全条件为法定要求, 已向申请人说明依据' });
    expect(await driver.waitForEnd()).to.equal('BadRatingHandledEndEvent');
    const path = await driver.path();
    expect(path).to.include.members(['ReviewAppealTask', 'RecordAppealRejectedTask', 'RectifyTask', 'RecordRectificationTask']);
    expect(path).not.to.include('ReturnVisitTask');
    const rating = (await findRatingByReceipt(system.db, receiptNumber))!;
    expect(rating).to.include({ status: '已说明', rectificationKind: '说明', counted: true, departmentGroup: 'publicSecurityReview' });
    expect(rating.appealDecision).to.contain('不成立');
  });
});
