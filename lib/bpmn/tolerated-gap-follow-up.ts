// 容缺勘验 (信用承诺 + 远程勘验, seed 000): the licence was issued with gaps the inspection tolerated
// on the applicant's credit promise. Each gap is checked when its deadline falls due. Not remedied:
// the applicant is told in writing (限期整改通知书) and given a last period; still not remedied then,
// the promise is broken as under 容缺受理 (domain: "not supplied → a decision already taken is
// revoked and the applicant gets a bad-credit record"): the block ends with the BPMN error
// TOLERATED_GAP_NOT_REMEDIED, which the item process catches on its call (ending every gap's
// follow-up) and hands to 违诺处理 (promise-breach).
import { BPMN_ERRORS } from '../process/bpmn-errors.js';
import { TOPICS } from '../process/topics.js';
import type { ProcessModel } from './builder.js';
import { recordStatus } from './status-step.js';

/** The last period (working days, from the day the section found the gap unremedied) in the 限期整改通知书: the office's choice, not a figure of law. */
export const GAP_RECTIFICATION_WORKING_DAYS = 10;

/** Thrown by the block's end, caught on the item process's call activity. */
export const TOLERATED_GAP_NOT_REMEDIED_ERROR = { id: 'ToleratedGapNotRemediedError', name: '容缺勘验缺项逾期未整改', code: BPMN_ERRORS.toleratedGapNotRemedied };

export const toleratedGapFollowUpBlock: ProcessModel = {
  id: 'tolerated-gap-follow-up',
  name: '容缺勘验缺项核查',
  documentation: '容缺勘验容许的一个缺项: 整改期限 (工作日, 勘验时登记) 届满时, 审查科室核查是否已整改, 结论记入办件. '
    + `未整改的, 向申请人发出限期整改通知书, 最后整改期限 ${GAP_RECTIFICATION_WORKING_DAYS} 个工作日; 届满复查仍未整改的, 视为未履行信用承诺, 由事项流程转违诺处理 (撤销许可, 记不良记录).`,
  errors: [TOLERATED_GAP_NOT_REMEDIED_ERROR],
  nodes: [
    { kind: 'start', id: 'GapFollowUpStartEvent', name: '缺项已登记' },
    { kind: 'timerCatch', id: 'GapRemedyPeriodExpiredEvent', name: '整改期限届满', date: '${gapDueAt}' },
    { kind: 'user', id: 'CheckToleratedGapTask', name: '容缺缺项核查', groups: '${reviewGroup}', form: 'tolerated-gap-follow-up-check', due: '${gapDueAt}' },
    // also sets gapCheckedOn: the last period counts from the day of the check
    { kind: 'service', id: 'RecordGapCheckTask', name: '记录缺项核查', topic: TOPICS.recordCaseStatus, inputs: { caseStatus: '容缺缺项已核查' }, outputs: { gapCheckedOn: '${gapCheckedOn}' } },
    { kind: 'xor', id: 'GapRemediedGateway', name: '已整改?' },
    { kind: 'end', id: 'GapCheckedEndEvent', name: '缺项已核查' },
    { kind: 'service', id: 'ComputeGapRectificationDeadlineTask', name: `计算最后整改期限 (${GAP_RECTIFICATION_WORKING_DAYS} 个工作日)`, topic: TOPICS.computeDeadline,
      inputs: { deadlineName: 'gapRectification', deadlineFrom: '${gapCheckedOn}', deadlineWorkingDays: String(GAP_RECTIFICATION_WORKING_DAYS) } },
    recordStatus('OrderGapRectificationTask', '限期整改通知书', '容缺缺项限期整改'),
    { kind: 'timerCatch', id: 'GapRectificationPeriodExpiredEvent', name: '最后整改期限届满', date: '${gapRectificationDueAt}' },
    { kind: 'user', id: 'RecheckToleratedGapTask', name: '容缺缺项复查', groups: '${reviewGroup}', form: 'tolerated-gap-follow-up-recheck', due: '${gapRectificationDueAt}' },
    recordStatus('RecordGapRecheckTask', '记录缺项复查', '容缺缺项已复查'),
    { kind: 'xor', id: 'GapRemediedLateGateway', name: '已整改?' },
    { kind: 'end', id: 'GapRemediedLateEndEvent', name: '限期内已整改' },
    { kind: 'end', id: 'GapNotRemediedEndEvent', name: '逾期未整改 (违诺)', error: TOLERATED_GAP_NOT_REMEDIED_ERROR.id },
  ],
  flows: [
    { id: 'ToGapRemedyPeriodFlow', from: 'GapFollowUpStartEvent', to: 'GapRemedyPeriodExpiredEvent' },
    { id: 'ToCheckToleratedGapFlow', from: 'GapRemedyPeriodExpiredEvent', to: 'CheckToleratedGapTask' },
    { id: 'ToRecordGapCheckFlow', from: 'CheckToleratedGapTask', to: 'RecordGapCheckTask' },
    { id: 'ToGapRemediedGatewayFlow', from: 'RecordGapCheckTask', to: 'GapRemediedGateway' },
    { id: 'GapCheckedFlow', name: '已整改', from: 'GapRemediedGateway', to: 'GapCheckedEndEvent', condition: "${gapRemedied == '已整改'}" },
    { id: 'GapNotRemediedFlow', name: '未整改', from: 'GapRemediedGateway', to: 'ComputeGapRectificationDeadlineTask', condition: "${gapRemedied != '已整改'}" },
    { id: 'ToOrderGapRectificationFlow', from: 'ComputeGapRectificationDeadlineTask', to: 'OrderGapRectificationTask' },
    { id: 'ToGapRectificationPeriodFlow', from: 'OrderGapRectificationTask', to: 'GapRectificationPeriodExpiredEvent' },
    { id: 'ToRecheckToleratedGapFlow', from: 'GapRectificationPeriodExpiredEvent', to: 'RecheckToleratedGapTask' },
    { id: 'ToRecordGapRecheckFlow', from: 'RecheckToleratedGapTask', to: 'RecordGapRecheckTask' },
    { id: 'ToGapRemediedLateGatewayFlow', from: 'RecordGapRecheckTask', to: 'GapRemediedLateGateway' },
    { id: 'GapRemediedLateFlow', name: '已整改', from: 'GapRemediedLateGateway', to: 'GapRemediedLateEndEvent', condition: "${gapRecheckResult == '已整改'}" },
    { id: 'GapStillNotRemediedFlow', name: '仍未整改', from: 'GapRemediedLateGateway', to: 'GapNotRemediedEndEvent', condition: "${gapRecheckResult != '已整改'}" },
  ],
};
