// 好差评 levels (1 … 5): 非常不满意, 不满意 are 差评 and start their own handling process.
export type RatingLevel = 1 | 2 | 3 | 4 | 5;

export const LEVEL_NAMES: Record<RatingLevel, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

export const isBadRating = (level: number): boolean => level <= 2;

/** A bad rating is rectified, or explained, within these working days of the rating. */
export const RECTIFICATION_WORKING_DAYS = 5;

/** The process that handles a bad rating (processes/services/service-rating.bpmn). */
export const BAD_RATING_PROCESS = 'service-rating';

/** Message of an applicant's appeal (评价有误) to the bad rating's process. */
export const RATING_APPEAL_MESSAGE = 'RatingAppealFiled';

