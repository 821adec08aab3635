// What each called process (building block) takes from its caller and hands back: the call
// activities pass these variables by name, never `variables="all"`, so that a block sees only
// what it works with and a case gets back only the facts a block establishes (issue 14).
//
// `in`: what the block reads and does not set itself — its `${…}` expressions, the variables its
// workers fetch (workers/**: options.variables), the task-list columns of its human tasks
// (TASK_LIST_COLUMNS), the business date `clockDate`. `out`: what its forms, workers and
// listeners set that the case needs afterwards. A variable handed back is handed in as well, so
// that a block that does not set it gives the caller its own value back (not null). A call
// activity may hand back fewer (`outputs` of its node: a block beside the main path hands back
// only its outcome). A called process with no entry here cannot be called (builder.ts).
// test/static/processes.spec.ts derives each block's reads (test/support/block-reads.ts) and
// checks these lists cover them and that every caller passes them.

export interface BlockVariables {
  in: readonly string[];
  out: readonly string[];
}

/** case.record-status fetches the facts of every status it writes (and its document) */
const RECORD_STATUS_FACTS = ['acceptedAs', 'deemed', 'receivedOn', 'refusalReason', 'applicationProblemSummary', 'decision', 'decisionReason', 'returnReason',
  'decisionContent', 'promiseDeadline', 'breachPushDeadline', 'promiseKind', 'revokedLicenceNumber', 'siteInspectionResult', 'siteInspectionOpinion', 'deliveryMethod',
  // 补正, 撤回 and 征求意见 in the timeline (lib/cases)
  'resubmissionChannel', 'withdrawalChannel', 'withdrawalReason', 'consultationGroup', 'consultationQuestion', 'consultationAnswer',
  // 容缺勘验: the check of a gap when its deadline falls due, the 限期整改 if it was not remedied
  'gapDescription', 'gapDeadline', 'gapRemedied', 'gapCheckNote', 'gapRectificationDeadline', 'gapRecheckResult', 'gapRecheckNote',
  // a step that closes a 一件事: the outcome it keeps, its open items withdrawn with it
  'caseOutcome', 'withdrawOpenItems'];
/** what a clerk sees of a case in the task list (TASK_LIST_COLUMNS) and its forms' link to the case record, what workers name it by, the business date */
const CASE = ['receiptNumber', 'applicantName', 'itemName', 'caseRecordUrl', 'clockDate'];
/** 待发布工作日历 (builder.ts withCalendarWait): the year a case waits for and when it looks again */
const CALENDAR_WAIT = ['calendarAwaitedYear', 'calendarRecheckAt'];
const deadline = (name: string): string[] => ['Deadline', 'StartsAt', 'DueAt', 'WarningAt'].map((suffix) => `${name}${suffix}`);

export const BLOCK_VARIABLES: Record<string, BlockVariables> = {
  acceptance: {
    // the item's start-form fields come in too (item-process.ts): the application is made of them
    // 试点期代码: case.register records the desk's waiver of a credit code's check digit with its reason
    in: [...CASE, ...RECORD_STATUS_FACTS, 'itemKey', 'itemVersion', 'application', 'initiator', 'reservedReceiptNumber', 'bundleAccepted',
      'applicantCreditCode', 'creditCodeOverride', 'creditCodeOverrideReason'],
    out: [
      // validation.application: the catalogue version the case is pinned to, and the application
      'acceptancePath', 'pendingMaterials', 'promiseKind', 'decisionWorkingDays', 'commitmentPending', 'inspectionMode', 'itemVersion', 'itemName', 'itemCode',
      'itemType', 'processingType', 'promisedTimeLimit', 'legalTimeLimit', 'siteInspection', 'majorDecision', 'reviewerMayDecide', 'reviewGroup', 'resultName',
      'applicantName', 'deliveryMethod', 'applicationValid', 'applicationProblems', 'applicationProblemCount', 'applicationProblemSummary', 'application', 'deskClerk',
      // case.register, the notice deadline, credit, the promise notice
      'receiptNumber', 'receivedOn', 'caseRecordUrl', ...deadline('notice'), 'creditEligible', 'creditIneligibleReasons', 'promiseNotice', ...deadline('promise'), 'promiseReminderAt',
      // the clerk's forms and the recorded outcome
      'acceptanceDecision', 'refusalReason', 'noticeChannel', 'acceptanceOutcome', 'acceptedOn', 'acceptanceDeemed', 'acceptanceMode', 'noticeGivenOn',
      ...CALENDAR_WAIT,
    ],
  },
  review: {
    // returnReason, reviewReturned: a case 决定 sent back (退回) shows why
    // RECORD_STATUS_FACTS: 征求意见 is a step of the timeline (case.record-status)
    in: [...CASE, ...RECORD_STATUS_FACTS, 'reviewGroup', ...deadline('decision'), 'extensionUsed', 'returnReason', 'reviewReturned', 'consultationGroupName', 'consultationRequestedOn'],
    out: ['reviewOpinion', 'reviewAction', 'extensionReason', 'specialProcedure', 'specialProcedureReason', 'extensionApproved', 'leaderComment', 'specialProcedureResult',
      ...deadline('decision'), 'extensionUsed', 'extensionRefusal', 'clockPauseId', 'clockStoppedOn', 'specialProcedureNotice', 'clockPausedWorkingDays',
      // 审查与决定分离 (SeparationOfDutiesListener)
      'reviewedBy', ...CALENDAR_WAIT],
  },
  'site-inspection': {
    in: [...CASE, ...RECORD_STATUS_FACTS, 'reviewGroup', 'inspectionMode', ...deadline('decision')],
    out: ['siteInspectionResult', 'toleratedGaps', 'siteInspectionOpinion', 'toleratedGapWorkingDays', 'toleratedGapKeys', 'toleratedGapSchedule', ...CALENDAR_WAIT],
  },
  'tolerated-gap-follow-up': {
    // one gap of toleratedGapSchedule, handed in by the item process; its last period (限期整改) may wait for the calendar
    in: [...CASE, ...RECORD_STATUS_FACTS, 'reviewGroup', 'gapDescription', ...deadline('gap'), ...CALENDAR_WAIT],
    out: [],
  },
  decision: {
    // decisionGroup: the caller gives it (the review section, or the window for a 即办件)
    // the decider reads what was found before: 审查, 勘验, 联合踏勘 (the 决定 form shows them)
    in: [...CASE, ...RECORD_STATUS_FACTS, 'decisionGroup', 'majorDecision', ...deadline('decision'), 'reviewOpinion', 'reviewedBy', 'reviewerMayDecide',
      'siteInspectionResult', 'siteInspectionOpinion', 'jointOpinion', 'jointConditions'],
    out: ['legalReviewOpinion', 'legalReviewComment', 'decision', 'decisionContent', 'decisionReason', 'returnReason', 'decidedOn', 'decisionOutcome', 'reviewReturned'],
  },
  'result-issue': {
    in: [...CASE, 'itemKey', 'itemVersion', 'application', 'decidedOn', 'decisionContent', 'jointConditions'],
    out: ['licenceNumber', 'licenceValidFrom', 'licenceValidUntil', 'publicationVersion'],
  },
  delivery: {
    in: [...CASE, ...RECORD_STATUS_FACTS, 'licenceNumber'],
    out: ['receivedBy', 'trackingNumber'],
  },
  'deferred-supplement': {
    // suppliedMaterials: what the applicant hands in online (message DeferredMaterialsSupplied)
    in: [...CASE, ...RECORD_STATUS_FACTS, 'application', 'pendingMaterials', 'promiseNotice', ...deadline('promise'), 'promiseReminderAt', 'suppliedMaterials'],
    out: ['supplementOutcome'],
  },
  'commitment-verification': {
    in: [...CASE, ...RECORD_STATUS_FACTS, 'application', 'pendingMaterials', 'promiseNotice', 'reviewGroup', ...deadline('promise'), 'promiseReminderAt', ...CALENDAR_WAIT],
    out: ['commitmentOutcome'],
  },
  'promise-breach': {
    in: [...CASE, ...RECORD_STATUS_FACTS, 'application', 'pendingMaterials'],
    out: [],
  },
  'joint-inspection': {
    in: [...CASE, 'jointInspectionGroups', 'jointInspectionRule', 'jointInspectionSize', 'jointDecided', ...deadline('bundle')],
    out: ['jointOpinion', 'jointConditions', 'jointRefusalReasons'],
  },
  'joint-inspection-opinion': {
    // inspectionGroup: the multi-instance element, one department per instance
    in: [...CASE, 'inspectionGroup', 'jointInspectionRule', 'jointInspectionSize', ...deadline('bundle')],
    // jointDecided: the 会签 rule's outcome is settled (the multi-instance completion condition)
    out: ['inspectionOpinion', 'inspectionConditions', 'inspectionReason', 'inspector', 'jointDecided'],
  },
};
