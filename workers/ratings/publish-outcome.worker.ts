// rating.publish-outcome: 结果公开 — the outcome of a bad rating's handling is published once
// (item, handling section, level, what was done; never the applicant) and the applicant is told.
import { GROUPS } from '../../lib/engine/directory.js';
import { LEVEL_NAMES, type RatingLevel } from '../../lib/ratings/levels.js';
import { findRatingByBusinessKey, publishRatingOutcome } from '../../lib/repositories/ratings.js';
import { notifyApplicant } from '../../lib/repositories/supervision.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { requireBusinessKey } from '../runtime/variables.js';

const GROUP_NAMES = new Map<string, string>(Object.values(GROUPS).map((group) => [group.id, group.name]));

export const worker: WorkerDefinition = {
  topic: TOPICS.publishRatingOutcome,
  options: { lockDuration: 30_000, variables: ['clockDate'] },
  template: { name: '差评处理结果公开', description: '差评整改或说明的结果公开一次 (事项、办理科室、评价等级、处理情况, 不含申请人), 并告知申请人' },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const rating = await findRatingByBusinessKey(services.db, businessKey);
    if (!rating) throw new Error(`差评 ${businessKey} 不存在`);
    const outcome = rating.counted
      ? `${rating.rectificationKind === '整改' ? '已整改' : '已说明'}: ${rating.rectification ?? ''}`
      : `申诉成立, 评价有误, 不计入统计: ${rating.appealDecision ?? ''}`;
    const publishedOn = services.today(task);
    await publishRatingOutcome(services.db, businessKey, publishedOn, {
      receiptNumber: rating.receiptNumber, itemName: rating.itemName, department: GROUP_NAMES.get(rating.departmentGroup) ?? rating.departmentGroup,
      level: LEVEL_NAMES[rating.level as RatingLevel], ratedOn: rating.ratedOn, outcome, rectifiedInTime: rating.rectifiedInTime, publishedOn,
    });
    await notifyApplicant(services.db, rating.caseBusinessKey, '差评处理结果',
      `您对「${rating.itemName}」(受理编号 ${rating.receiptNumber}) 的评价「${LEVEL_NAMES[rating.level as RatingLevel]}」已处理: ${outcome}`, `rating-outcome:${businessKey}`);
    return {};
  },
};
