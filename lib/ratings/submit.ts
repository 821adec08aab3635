// 好差评: the applicant rates an ended case once. A bad rating (非常不满意, 不满意) starts its
// handling process in the same transaction as the rating is stored: if the engine refuses the
// start, nothing is stored.
import { todayIn } from '../calendar/deadlines.js';
import { log as rootLog } from './log.js';
import { findCaseByReceipt } from '../repositories/cases.js';
import { getVersion } from '../repositories/catalogue.js';
import { findRatingByReceipt, insertRating, lockCaseRating, setRatingProcess, type RatingRecord } from '../repositories/ratings.js';
import { InputError, problem } from '../validation/input-error.js';
import { inputChecker } from '../validation/input-schema.js';
import type { ValidationProblem } from '../validation/application-validator.js';
import type { ProcessDeps } from '../process-deps.js';
import { BAD_RATING_PROCESS, isBadRating, LEVEL_NAMES, type RatingLevel } from './levels.js';
import { ratingBusinessKey, unknownCase } from '../cases/identity.js';
import { Conflict } from '../errors.js';
import { startInTransaction } from '../cases/start.js';

export interface RatingInput {
  receiptNumber: string;
  level: RatingLevel;
  comment?: string;
  /** 实名评价: the applicant is known and gets a return visit on a bad rating */
  named: boolean;
  /** where the rating was given: 窗口评价器, 一网通办, 12345, APP … */
  channel: string;
  applicantCode?: string;
  /** the day of the rating when entered after the fact (补录); default today in the office's time zone */
  ratedOn?: string;
}

export interface RatingResult {
  ratingId: number;
  level: RatingLevel;
  levelName: string;
  /** the process handling a bad rating */
  badRatingCase?: { businessKey: string; processInstanceId: string };
  /** true when the case had been rated before: the first rating is returned unchanged */
  replayed: boolean;
}

const COMMENT_MAX = 500;

const RATING_SCHEMA = {
  type: 'object',
  required: ['receiptNumber', 'level', 'named', 'channel'],
  properties: {
    receiptNumber: { type: 'string', trimmedMinLength: 1 },
    level: { type: 'integer', minimum: 1, maximum: 5 },
    comment: { type: ['string', 'null'], maxLength: COMMENT_MAX },
    named: { type: 'boolean' },
    channel: { type: 'string', trimmedMinLength: 1, maxLength: 32 },
    applicantCode: { type: 'string', trimmedMinLength: 1 },
    ratedOn: { type: 'string', format: 'date' },
  },
};

const checkRating = inputChecker(RATING_SCHEMA, {
  receiptNumber: { rule: 'required', message: '缺少受理编号 receiptNumber' },
  level: { rule: 'enum', message: '评价等级 level 应为 1 至 5 的整数 (5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意)' },
  comment: { rule: 'maxLength', message: `评价内容 comment 应为不超过 ${COMMENT_MAX} 个字符的文本` },
  named: { rule: 'type', message: '是否实名 named 应为 true 或 false' },
  channel: { rule: 'required', message: '评价渠道 channel 应为不超过 32 个字符的文本, 如 窗口评价器、一网通办' },
  applicantCode: { rule: 'type', message: '申请人证件号码 applicantCode 应为文本' },
  ratedOn: { rule: 'date', message: '评价日期 ratedOn 应为日期 YYYY-MM-DD' },
});

function checkInput(input: RatingInput): ValidationProblem[] {
  const { level, comment } = input as unknown as Record<string, unknown>;
  const bad = Number.isInteger(level) && (level as number) >= 1 && (level as number) <= 5 && isBadRating(level as number);
  return checkRating(input, bad && (typeof comment !== 'string' || comment.trim().length < 2) ? [problem('comment', 'requiredForBadRating', '差评 (不满意、非常不满意) 须填写评价内容, 说明不满意的原因')] : []);
}

const result = (rating: Pick<RatingRecord, 'id' | 'level' | 'businessKey' | 'processInstanceId'>, replayed: boolean): RatingResult => ({
  ratingId: Number(rating.id),
  level: Number(rating.level) as RatingLevel,
  levelName: LEVEL_NAMES[rating.level as RatingLevel],
  ...(rating.businessKey && rating.processInstanceId ? { badRatingCase: { businessKey: rating.businessKey, processInstanceId: rating.processInstanceId } } : {}),
  replayed,
});

export async function submitRating(deps: ProcessDeps, input: RatingInput): Promise<RatingResult> {
  const problems = checkInput(input);
  if (problems.length) throw new InputError('评价无效', problems);
  const { db, engine, config } = deps;
  const receiptNumber = input.receiptNumber.trim();
  return startInTransaction(db, engine, rootLog, async (trx, start) => {
    await lockCaseRating(trx, receiptNumber);
    const existing = await findRatingByReceipt(trx, receiptNumber);
    if (existing) return result(existing, true);
    const record = await findCaseByReceipt(trx, receiptNumber);
    if (!record) throw unknownCase(receiptNumber);
    if (!record.outcome) {
      const message = `办件 ${receiptNumber} 尚未办结 (当前状态: ${record.status}), 办结后才能评价`;
      throw new Conflict('case-not-ended', message, [problem('receiptNumber', 'caseEnded', message)]);
    }
    const applicantCode = input.applicantCode?.trim().toUpperCase();
    if (input.named && applicantCode && record.applicantCode && applicantCode !== record.applicantCode.toUpperCase()) {
      throw new InputError('评价无效', [problem('applicantCode', 'matchesApplicant', '实名评价的证件号码与该办件的申请人不一致')]);
    }
    const version = await getVersion(trx, record.itemKey, record.itemVersion);
    if (!version) throw new Error(`办件 ${receiptNumber} 的事项 ${record.itemKey} 版本 ${record.itemVersion} 不在事项清单中`);
    const ratedOn = input.ratedOn ?? todayIn(config.deadlines.utcOffset);
    const bad = isBadRating(input.level);
    const businessKey = bad ? ratingBusinessKey(receiptNumber) : null;
    const comment = input.comment?.trim() || null;
    const id = await insertRating(trx, {
      receiptNumber, caseBusinessKey: record.businessKey, itemKey: record.itemKey, itemName: record.itemName, departmentGroup: version.entry.reviewGroup,
      level: input.level, comment, named: input.named, channel: input.channel.trim(), applicantCode: applicantCode ?? (input.named ? record.applicantCode : null),
      ratedOn, status: bad ? '差评待核实' : '已评价', businessKey,
    });
    if (!businessKey) return result({ id, level: input.level, businessKey: null, processInstanceId: null }, false);
    const processInstanceId = await start(BAD_RATING_PROCESS, {
      businessKey,
      variables: {
        ratingId: id, receiptNumber, caseBusinessKey: record.businessKey, itemName: record.itemName, applicantName: record.applicantName,
        ratingLevel: input.level, ratingLevelName: LEVEL_NAMES[input.level], ratingComment: comment ?? '', ratingNamed: input.named, ratingChannel: input.channel.trim(),
        reviewGroup: version.entry.reviewGroup, ratedOn,
        // a rating entered after the fact (补录, tests) runs on its own date
        ...(input.ratedOn ? { clockDate: input.ratedOn } : {}),
      },
    });
    await setRatingProcess(trx, id, processInstanceId);
    rootLog.info('bad rating process started', { receiptNumber, businessKey, processInstanceId, level: input.level });
    return result({ id, level: input.level, businessKey, processInstanceId }, false);
  });
}
