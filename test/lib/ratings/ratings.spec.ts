// submitRating and monthlyRatingFigures against the real database (and the real engine for the
// all-or-nothing start of a bad rating's process).
import { expect } from 'chai';
import { monthlyRatingFigures, submitRating, type RatingInput } from '../../../lib/ratings/index.js';
import { findRatingByReceipt } from '../../../lib/repositories/ratings.js';
import { Conflict, NotFound } from '../../../lib/errors.js';
import { InputError } from '../../../lib/validation/input-error.js';
import { useSystem } from '../../support/system.js';
import { endedCase } from '../../processes/services/support.js';

async function deps() {
  const system = await useSystem();
  return { db: system.db, engine: system.admin, config: system.config };
}

async function problemsOf(input: RatingInput, kind: typeof InputError | typeof NotFound | typeof Conflict = InputError): Promise<Array<{ field: string; rule: string; message: string }>> {
  const error = await submitRating(await deps(), input).catch((e: Error) => e);
  expect(error, `a ${kind.name}`).to.be.instanceOf(kind);
  return (error as InputError).problems;
}

describe('好差评 (lib/ratings)', function () {
  this.timeout(60_000);

  describe('#submitRating', () => {
    it('should list every problem of a bad input at once, in Chinese, and store nothing', async () => {
      const { receiptNumber } = await endedCase((await deps()).db);
      const problems = await problemsOf({ receiptNumber, level: 0 as never, named: 'yes' as never, channel: '', ratedOn: '2026/10/01' });
      expect(problems.map((p) => `${p.field}:${p.rule}`)).to.deep.equal(['level:enum', 'named:type', 'channel:required', 'ratedOn:date']);
      expect(problems[0]!.message).to.contain('评价等级 level 应为 1 至 5 的整数');
      expect(await findRatingByReceipt((await deps()).db, receiptNumber)).to.equal(undefined);
    });

    it('should NOT take a bad rating without its reason', async () => {
      const { receiptNumber } = await endedCase((await deps()).db);
      expect(await problemsOf({ receiptNumber, level: 2, named: true, channel: '窗口评价器', comment: ' ' })).to.deep.equal([
        { field: 'comment', rule: 'requiredForBadRating', message: '差评 (不满意、非常不满意) 须填写评价内容, 说明不满意的原因' },
      ]);
    });

    it('should NOT rate an unknown receipt number', async () => {
      expect(await problemsOf({ receiptNumber: 'SP20260930999999', level: 5, named: false, channel: '一网通办' }, NotFound)).to.deep.equal([
        { field: 'receiptNumber', rule: 'caseExists', message: '没有受理编号为 SP20260930999999 的办件' },
      ]);
    });

    it('should NOT rate a case that has not ended', async () => {
      const { receiptNumber } = await endedCase((await deps()).db, { outcome: null });
      const [problem] = await problemsOf({ receiptNumber, level: 5, named: false, channel: '一网通办' }, Conflict);
      expect(problem).to.include({ field: 'receiptNumber', rule: 'caseEnded' });
      expect(problem!.message).to.contain('尚未办结');
      expect(await findRatingByReceipt((await deps()).db, receiptNumber)).to.equal(undefined);
    });

    it('should NOT take a named rating from someone who is not the applicant', async () => {
      const { receiptNumber } = await endedCase((await deps()).db);
      expect((await problemsOf({ receiptNumber, level: 4, named: true, channel: '一网通办', applicantCode: '11010519491231002X' }))[0]).to.include({ field: 'applicantCode', rule: 'matchesApplicant' });
    });

    it('should store nothing when the engine refuses to start the bad rating process', async () => {
      const system = await useSystem();
      const { receiptNumber } = await endedCase(system.db);
      const refusing = { db: system.db, engine: system.admin.as({ username: 'nobody', password: 'wrong' }), config: system.config };
      const error = await submitRating(refusing, { receiptNumber, level: 1, named: true, channel: '窗口评价器', comment: '态度差', ratedOn: '2026-10-09' }).catch((e: Error) => e);
      expect((error as Error).message).to.contain('401');
      expect(await findRatingByReceipt(system.db, receiptNumber)).to.equal(undefined);
      expect(await system.admin.get<unknown[]>(`/history/process-instance?processInstanceBusinessKey=rating:${receiptNumber}`)).to.deep.equal([]);
    });

    it('should store a good rating without a process, and return it unchanged when the case is rated again', async () => {
      const { receiptNumber } = await endedCase((await deps()).db);
      const [first, second] = await Promise.all([
        submitRating(await deps(), { receiptNumber, level: 5, named: true, channel: '一网通办', ratedOn: '2026-10-09' }),
        submitRating(await deps(), { receiptNumber, level: 1, named: true, channel: '一网通办', comment: '不满意', ratedOn: '2026-10-09' }),
      ]);
      expect(second.ratingId).to.equal(first.ratingId);
      expect(second.level).to.equal(first.level);
      expect([first.replayed, second.replayed].sort()).to.deep.equal([false, true]);
      expect((await findRatingByReceipt((await deps()).db, receiptNumber))!.level).to.equal(first.level);
    });
  });

  describe('#monthlyRatingFigures', () => {
    it('should count a month per department and item: levels, satisfaction rate, bad ratings pending', async () => {
      const d = await deps();
      const rate = async (itemKey: string, level: 1 | 2 | 3 | 4 | 5) => {
        const { receiptNumber } = await endedCase(d.db, { itemKey });
        await submitRating(d, { receiptNumber, level, named: false, channel: '窗口评价器', comment: level <= 2 ? '办理时间太长' : undefined, ratedOn: '2026-07-15' });
      };
      for (const level of [5, 4, 3, 1] as const) await rate('food-business-licence', level);
      await rate('bank-account-opening', 5);
      await rate('hotel-special-trade-licence', 4);
      const { month, departments } = await monthlyRatingFigures(d.db, { month: '2026-07' });
      expect(month).to.equal('2026-07');
      const market = departments.find((dep) => dep.group === 'marketReview')!;
      expect(market).to.deep.include({ name: '市场准入审批科', total: 5, levels: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 2 }, satisfactionRate: 0.8, bad: 1, pending: 1, rectified: 0, explained: 0 });
      expect(market.items.map((item) => [item.itemKey, item.total, item.satisfactionRate])).to.deep.equal([['bank-account-opening', 1, 1], ['food-business-licence', 4, 0.75]]);
      expect(departments.find((dep) => dep.group === 'publicSecurityReview')).to.deep.include({ total: 1, satisfactionRate: 1, bad: 0 });
      expect((await monthlyRatingFigures(d.db, { month: '2020-06' })).departments).to.deep.equal([]);
    });

    it('should NOT take a month that is not YYYY-MM', async () => {
      const error = await monthlyRatingFigures((await deps()).db, { month: '2026-13' }).catch((e: Error) => e);
      expect((error as InputError).problems).to.deep.equal([{ field: 'month', rule: 'month', message: '统计月份 month 应为 YYYY-MM, 如 2026-10' }]);
    });
  });
});
