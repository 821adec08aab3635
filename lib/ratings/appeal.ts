// 申诉: the applicant says a bad rating was given by mistake (误评). The appeal goes to the
// bad rating's process (message RatingAppealFiled), where the 好差评 office decides it; the
// handling section may appeal too, from its verification task. Only before the verification.
import { EngineRequestError, toVariables } from '../engine/client.js';
import { fileRatingAppeal, findRatingByReceipt } from '../repositories/ratings.js';
import { NotFound } from '../errors.js';
import { InputError, StateError, problem } from '../validation/input-error.js';
import { inputChecker } from '../validation/input-schema.js';
import type { ProcessDeps } from '../process-deps.js';
import { isBadRating, RATING_APPEAL_MESSAGE } from './levels.js';

export interface AppealInput {
  receiptNumber: string;
  /** why the rating was a mistake */
  reason: string;
  /** who appeals (shown to the office): the applicant, as the online platform or the window took it */
  appellant?: string;
}

export interface AppealResult {
  ratingId: number;
  status: '申诉待审核';
  /** true when this rating had been appealed before: nothing new was sent */
  replayed: boolean;
}

const checkAppeal = inputChecker({
  type: 'object',
  required: ['receiptNumber', 'reason'],
  properties: { receiptNumber: { type: 'string', trimmedMinLength: 1 }, reason: { type: 'string', trimmedMinLength: 4, maxLength: 500 } },
}, {
  receiptNumber: { rule: 'required', message: '缺少受理编号 receiptNumber' },
  reason: { rule: 'length', message: '申诉理由 reason 应为 4 至 500 个字符, 说明评价为何有误' },
});

export async function appealRating(deps: ProcessDeps, input: AppealInput): Promise<AppealResult> {
  const problems = checkAppeal(input);
  if (problems.length) throw new InputError('申诉无效', problems);
  const receiptNumber = input.receiptNumber.trim();
  const rating = await findRatingByReceipt(deps.db, receiptNumber);
  if (!rating) {
    const message = `受理编号为 ${receiptNumber} 的办件没有评价`;
    throw new NotFound(message, [problem('receiptNumber', 'ratingExists', message)]);
  }
  if (!isBadRating(rating.level) || !rating.businessKey) throw new InputError('申诉无效', [problem('receiptNumber', 'badRating', '只有差评 (不满意、非常不满意) 可以申诉')]);
  if (rating.appealReason) return { ratingId: Number(rating.id), status: '申诉待审核', replayed: true };
  return deps.db.transaction(async (trx) => {
    if (!(await fileRatingAppeal(trx, rating.id, input.reason.trim()))) return { ratingId: Number(rating.id), status: '申诉待审核' as const, replayed: true };
    try {
      await deps.engine.post('/message', {
        messageName: RATING_APPEAL_MESSAGE, businessKey: rating.businessKey,
        processVariables: toVariables({ appealReason: input.reason.trim(), appellant: input.appellant?.trim() || '申请人' }),
      });
    } catch (error) {
      if (error instanceof EngineRequestError && error.status === 400) {
        // not waiting for an appeal: either not yet (the rating is being registered) or no more
        const reached = await deps.engine.get<unknown[]>(`/history/task?processInstanceBusinessKey=${encodeURIComponent(rating.businessKey!)}&taskDefinitionKey=VerifyRatingTask`);
        if (reached.length === 0) throw new StateError('not-ready', '该差评正在登记, 请稍后重试申诉');
        throw new StateError('not-waiting', '该差评已经核实 (或已处理完毕), 不能再申诉: 申诉须在办理科室核实之前提出');
      }
      throw error;
    }
    return { ratingId: Number(rating.id), status: '申诉待审核' as const, replayed: false };
  });
}
