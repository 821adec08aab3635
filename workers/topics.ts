// Every external-task topic shenpi serves. The static check compares these with each
// camunda:topic in processes/, so a topic has a worker and a worker has a process.
export const TOPICS = {
  validateApplication: 'validation.application',
  registerCase: 'case.register',
  recordCaseStatus: 'case.record-status',
  computeDeadline: 'deadline.compute',
  extendDeadline: 'deadline.extend',
  stopClock: 'deadline.stop-clock',
  restartClock: 'deadline.restart-clock',
  raiseAlert: 'supervision.alert',
  issueLicence: 'licence.issue',
  revokeLicence: 'licence.revoke',
  checkCreditEligibility: 'credit.check-eligibility',
  recordCredit: 'credit.record',
  preparePromiseNotice: 'promise.prepare-notice',
  validateSupplement: 'validation.supplement',
  publishLicence: 'publication.licence',
  pushToSupervision: 'supervision.push',
  validateBundle: 'validation.bundle',
  collectBundleResults: 'bundle.collect-results',
  recordInspectionOpinion: 'inspection.record-opinion',
  mergeInspectionOpinions: 'inspection.merge-opinions',
  recordRatingStep: 'rating.record-step',
  publishRatingOutcome: 'rating.publish-outcome',
  recordComplaintStatus: 'complaint.record-status',
  handOverComplaint: 'complaint.hand-over',
  escalateComplaint: 'complaint.escalate',
  recordGovernmentBreach: 'complaint.record-breach',
  remindPromise: 'notice.promise-reminder',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/**
 * The topics whose workers count working days. When a date falls in a year the calendar does
 * not know yet, the task ends in the BPMN error WORK_CALENDAR_YEAR_UNPUBLISHED and the case
 * waits (待发布工作日历) until the year is published: the generator (lib/bpmn/builder.ts) adds
 * that wait to every task of these topics.
 */
export const CALENDAR_TOPICS: readonly Topic[] = [TOPICS.computeDeadline, TOPICS.extendDeadline, TOPICS.restartClock, TOPICS.preparePromiseNotice];
