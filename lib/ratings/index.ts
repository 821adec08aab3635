// 好差评: rating an ended case, the applicant's appeal of a bad rating, the monthly figures.
export { submitRating, type RatingInput, type RatingResult } from './submit.js';
export { appealRating, type AppealInput, type AppealResult } from './appeal.js';
export { monthlyRatingFigures, type DepartmentFigures, type RatingFigures } from './figures.js';
export { LEVEL_NAMES, isBadRating, RECTIFICATION_WORKING_DAYS, BAD_RATING_PROCESS, RATING_APPEAL_MESSAGE, type RatingLevel } from './levels.js';
export { ratingBusinessKey } from '../cases/identity.js';
export type { ProcessDeps } from '../process-deps.js';
