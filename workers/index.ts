// The registry of every worker shenpi runs; index only re-exports.
import type { WorkerDefinition } from './runtime/worker.js';
import { worker as validateApplication } from './validation/application.worker.js';
import { worker as registerCase } from './cases/register.worker.js';
import { worker as recordCaseStatus } from './cases/record-status.worker.js';
import { worker as computeDeadline } from './deadlines/compute.worker.js';
import { worker as extendDeadline } from './deadlines/extend.worker.js';
import { worker as stopClock } from './deadlines/stop-clock.worker.js';
import { worker as restartClock } from './deadlines/restart-clock.worker.js';
import { worker as raiseAlert } from './supervision/alert.worker.js';
import { worker as issueLicence } from './licences/issue.worker.js';
import { worker as revokeLicence } from './licences/revoke.worker.js';
import { worker as checkCreditEligibility } from './credit/check-eligibility.worker.js';
import { worker as recordCredit } from './credit/record.worker.js';
import { worker as preparePromiseNotice } from './promises/prepare-notice.worker.js';
import { worker as validateSupplement } from './validation/supplement.worker.js';
import { worker as publishLicence } from './publication/licence.worker.js';
import { worker as pushToSupervision } from './publication/supervision.worker.js';
import { worker as validateBundle } from './bundles/validate.worker.js';
import { worker as collectBundleResults } from './bundles/collect-results.worker.js';
import { worker as recordInspectionOpinion } from './bundles/record-opinion.worker.js';
import { worker as mergeInspectionOpinions } from './bundles/merge-opinions.worker.js';
import { worker as recordRatingStep } from './ratings/record-step.worker.js';
import { worker as publishRatingOutcome } from './ratings/publish-outcome.worker.js';
import { worker as recordComplaintStatus } from './complaints/record-status.worker.js';
import { worker as handOverComplaint } from './complaints/hand-over.worker.js';
import { worker as escalateComplaint } from './complaints/escalate.worker.js';
import { worker as recordGovernmentBreach } from './complaints/record-breach.worker.js';
import { worker as remindPromise } from './notices/remind-promise.worker.js';
import { awaitingCalendar } from './deadlines/calendar-wait.js';
import { CALENDAR_TOPICS } from './topics.js';

// the workers that count working days wait for an unpublished year (待发布工作日历)
export const WORKERS: WorkerDefinition[] = [
  validateApplication, registerCase, recordCaseStatus, computeDeadline, extendDeadline, stopClock, restartClock, raiseAlert, issueLicence,
  revokeLicence, checkCreditEligibility, recordCredit, preparePromiseNotice, validateSupplement, publishLicence, pushToSupervision,
  validateBundle, collectBundleResults, recordInspectionOpinion, mergeInspectionOpinions,
  recordRatingStep, publishRatingOutcome, recordComplaintStatus, handOverComplaint, escalateComplaint, recordGovernmentBreach, remindPromise,
].map((worker) => (CALENDAR_TOPICS.includes(worker.topic) ? awaitingCalendar(worker) : worker));

export { startWorkers, type RunningWorkers, type WorkerSettings } from './runtime/start-workers.js';
export { createWorkerServices, type WorkerServices } from './runtime/services.js';
export { TOPICS } from './topics.js';
export { BPMN_ERRORS } from './bpmn-errors.js';
