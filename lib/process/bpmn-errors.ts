// Domain outcomes that a worker reports as BPMN errors. The codes are the errorCode values of
// the <bpmn:error> elements in processes/; the static check keeps both sides in step.
export const BPMN_ERRORS = {
  itemNotInCatalogue: 'ITEM_NOT_IN_CATALOGUE',
  extensionNotAllowed: 'EXTENSION_NOT_ALLOWED',
  /** a deadline needs a year whose holiday schedule is not published yet: wait for it */
  calendarYearUnpublished: 'WORK_CALENDAR_YEAR_UNPUBLISHED',
  /** 容缺勘验: a gap still not remedied after the 限期整改 (thrown by the block's end event, not a worker) */
  toleratedGapNotRemedied: 'TOLERATED_GAP_NOT_REMEDIED',
} as const;

export type BpmnErrorCode = (typeof BPMN_ERRORS)[keyof typeof BPMN_ERRORS];

/** Thrown by a worker handler for a domain outcome the process models with an error event. */
export class BpmnError extends Error {
  constructor(readonly code: BpmnErrorCode, message: string, readonly variables: Record<string, unknown> = {}) {
    super(message);
    this.name = 'BpmnError';
  }
}
