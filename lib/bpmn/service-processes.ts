// Processes of the office's own services, beside the items: the handling of a bad 好差评 rating,
// and a 政务失信 complaint. Generated like the blocks (bin/generate-processes.ts), into
// processes/services/.
import { RECTIFICATION_WORKING_DAYS, RATING_APPEAL_MESSAGE } from '../ratings/levels.js';
import { COMPLAINT_DEADLINES } from '../complaints/rules.js';
import { TOPICS } from '../process/topics.js';
import type { Node, ProcessModel, ReasonRule } from './builder.js';

const rule = (choiceVariable: string, choice: string, requiredVariable: string, message: string): ReasonRule => ({ choiceVariable, choice, requiredVariable, message });
const ratingStep = (id: string, name: string, step: string): Node => ({ kind: 'service', id, name, topic: TOPICS.recordRatingStep, inputs: { ratingStep: step } });
const complaintStatus = (id: string, name: string, status: string): Node => ({ kind: 'service', id, name, topic: TOPICS.recordComplaintStatus, inputs: { complaintStatus: status } });

/** A red card (电子监察) when a task's deadline `<name>` passes, the task going on. */
function overdueAlert(taskId: string, taskName: string, group: string, deadline: string, prefix: string, subject: { number: string; name: string }): { nodes: Node[]; flows: ProcessModel['flows'] } {
  return {
    nodes: [
      { kind: 'boundaryTimer', id: `${prefix}OverdueTimer`, name: '逾期', attachedTo: taskId, date: `\${${deadline}DueAt}`, interrupting: false },
      { kind: 'service', id: `${prefix}OverdueAlertTask`, name: '电子监察红牌警告', topic: TOPICS.raiseAlert, inputs: {
        alertLevel: 'red', alertActivityId: taskId, alertActivityName: taskName, alertGroup: group,
        // the alert worker reads the decision deadline's names: hand it this task's deadline
        decisionDeadline: `\${${deadline}Deadline}`, decisionDueAt: `\${${deadline}DueAt}`, decisionWarningAt: `\${${deadline}WarningAt}`,
        receiptNumber: subject.number, itemName: subject.name,
      } },
      { kind: 'end', id: `${prefix}OverdueAlertedEndEvent`, name: '已红牌警告' },
    ],
    flows: [
      { id: `${prefix}OverdueFlow`, from: `${prefix}OverdueTimer`, to: `${prefix}OverdueAlertTask` },
      { id: `${prefix}OverdueAlertedFlow`, from: `${prefix}OverdueAlertTask`, to: `${prefix}OverdueAlertedEndEvent` },
    ],
  };
}

const rectifyOverdue = overdueAlert('RectifyTask', '差评整改', '${reviewGroup}', 'rectification', 'Rectify', { number: '${receiptNumber}', name: '${itemName} (差评)' });

export const serviceRatingProcess: ProcessModel = {
  id: 'service-rating',
  name: '差评处理 (好差评)',
  documentation: `申请人对办结的办件作出差评 (不满意、非常不满意) 后: 办理科室核实; 实名差评由好差评管理人员回访; 自评价之日起 ${RECTIFICATION_WORKING_DAYS} 个工作日内整改或作出说明 (逾期红牌警告); 处理结果公开并告知申请人. 评价有误的, 申请人 (消息 ${RATING_APPEAL_MESSAGE}) 或办理科室可在核实前申诉, 由好差评管理人员审核: 申诉成立的差评撤销, 不计入统计.`,
  messages: [{ id: 'RatingAppealFiledMessage', name: RATING_APPEAL_MESSAGE }],
  nodes: [
    { kind: 'start', id: 'BadRatingReceivedStartEvent', name: '收到差评' },
    { kind: 'service', id: 'ComputeRectificationDeadlineTask', name: `计算整改期限 (${RECTIFICATION_WORKING_DAYS} 个工作日)`, topic: TOPICS.computeDeadline,
      inputs: { deadlineName: 'rectification', deadlineFrom: '${ratedOn}', deadlineWorkingDays: String(RECTIFICATION_WORKING_DAYS) } },
    { kind: 'user', id: 'VerifyRatingTask', name: '核实差评', groups: '${reviewGroup}', form: 'service-rating-verify', due: '${rectificationDueAt}',
      rules: [rule('verificationResult', 'appeal', 'appealReason', '申诉 (评价有误) 必须说明理由')] },
    { kind: 'boundaryMessage', id: 'AppealFiledBoundaryEvent', name: '申请人申诉', attachedTo: 'VerifyRatingTask', message: 'RatingAppealFiledMessage' },
    { kind: 'xor', id: 'VerificationResultGateway', name: '核实结果' },
    { kind: 'user', id: 'ReviewAppealTask', name: '审核申诉', groups: 'ratingOffice', form: 'service-rating-review-appeal', due: '${rectificationDueAt}',
      rules: [rule('appealDecision', 'upheld', 'appealDecisionNote', '申诉成立须写明理由'), rule('appealDecision', 'rejected', 'appealDecisionNote', '申诉不成立须写明理由')] },
    { kind: 'xor', id: 'AppealDecisionGateway', name: '申诉成立?' },
    ratingStep('RecordAppealUpheldTask', '记录申诉成立 (撤销差评)', 'appeal-upheld'),
    ratingStep('RecordAppealRejectedTask', '记录申诉不成立', 'appeal-rejected'),
    { kind: 'xor', id: 'NamedRatingGateway', name: '实名差评?' },
    { kind: 'user', id: 'ReturnVisitTask', name: '回访', groups: 'ratingOffice', form: 'service-rating-return-visit', due: '${rectificationDueAt}' },
    ratingStep('RecordReturnVisitTask', '记录回访', 'return-visit'),
    { kind: 'xor', id: 'ReturnVisitDoneGateway', name: '' },
    { kind: 'user', id: 'RectifyTask', name: '整改或说明', groups: '${reviewGroup}', form: 'service-rating-rectify', due: '${rectificationDueAt}',
      rules: [rule('rectificationKind', '整改', 'rectificationMeasures', '整改必须写明整改措施'), rule('rectificationKind', '说明', 'explanation', '不整改的必须作出说明')] },
    ...rectifyOverdue.nodes,
    ratingStep('RecordRectificationTask', '记录整改结果', 'rectified'),
    { kind: 'xor', id: 'OutcomeReadyGateway', name: '' },
    { kind: 'service', id: 'PublishRatingOutcomeTask', name: '结果公开', topic: TOPICS.publishRatingOutcome },
    { kind: 'end', id: 'BadRatingHandledEndEvent', name: '差评已处理' },
  ],
  flows: [
    { id: 'ToComputeRectificationDeadlineFlow', from: 'BadRatingReceivedStartEvent', to: 'ComputeRectificationDeadlineTask' },
    { id: 'ToVerifyRatingFlow', from: 'ComputeRectificationDeadlineTask', to: 'VerifyRatingTask' },
    { id: 'ToVerificationResultGatewayFlow', from: 'VerifyRatingTask', to: 'VerificationResultGateway' },
    { id: 'SectionAppealFlow', name: '评价有误, 申诉', from: 'VerificationResultGateway', to: 'ReviewAppealTask', condition: "${verificationResult == 'appeal'}" },
    { id: 'VerifiedFlow', name: '属实 / 不属实', from: 'VerificationResultGateway', to: 'NamedRatingGateway', condition: "${verificationResult != 'appeal'}" },
    { id: 'ApplicantAppealFlow', from: 'AppealFiledBoundaryEvent', to: 'ReviewAppealTask' },
    { id: 'ToAppealDecisionGatewayFlow', from: 'ReviewAppealTask', to: 'AppealDecisionGateway' },
    { id: 'AppealUpheldFlow', name: '成立', from: 'AppealDecisionGateway', to: 'RecordAppealUpheldTask', condition: "${appealDecision == 'upheld'}" },
    { id: 'AppealRejectedFlow', name: '不成立', from: 'AppealDecisionGateway', to: 'RecordAppealRejectedTask', condition: "${appealDecision != 'upheld'}" },
    { id: 'ToNamedRatingGatewayFlow', from: 'RecordAppealRejectedTask', to: 'NamedRatingGateway' },
    { id: 'NamedRatingFlow', name: '实名', from: 'NamedRatingGateway', to: 'ReturnVisitTask', condition: '${ratingNamed}' },
    { id: 'AnonymousRatingFlow', name: '匿名', from: 'NamedRatingGateway', to: 'ReturnVisitDoneGateway', condition: '${!ratingNamed}' },
    { id: 'ToRecordReturnVisitFlow', from: 'ReturnVisitTask', to: 'RecordReturnVisitTask' },
    { id: 'ReturnVisitedFlow', from: 'RecordReturnVisitTask', to: 'ReturnVisitDoneGateway' },
    { id: 'ToRectifyFlow', from: 'ReturnVisitDoneGateway', to: 'RectifyTask' },
    ...rectifyOverdue.flows,
    { id: 'ToRecordRectificationFlow', from: 'RectifyTask', to: 'RecordRectificationTask' },
    { id: 'RectificationRecordedFlow', from: 'RecordRectificationTask', to: 'OutcomeReadyGateway' },
    { id: 'AppealUpheldRecordedFlow', from: 'RecordAppealUpheldTask', to: 'OutcomeReadyGateway' },
    { id: 'ToPublishRatingOutcomeFlow', from: 'OutcomeReadyGateway', to: 'PublishRatingOutcomeTask' },
    { id: 'RatingOutcomePublishedFlow', from: 'PublishRatingOutcomeTask', to: 'BadRatingHandledEndEvent' },
  ],
};

const complaint = { number: '${complaintNumber}', name: '政务失信投诉' };
const reviewOverdue = overdueAlert('PreliminaryReviewTask', '投诉初审', 'complaintWindow', 'preliminary', 'PreliminaryReview', complaint);
// the department's assessment is late: 督查室 is told, to press the department
const assessOverdue = overdueAlert('AssessTask', '部门研判', 'supervisors', 'assessment', 'Assess', complaint);

export const integrityComplaintProcess: ProcessModel = {
  id: 'integrity-complaint',
  name: '政务失信投诉',
  documentation: `对政府部门 (含机关和事业单位) 在政府采购、招标投标、招商引资、政府和社会资本合作、产业扶持、政府投资等领域违约毁约的投诉: 诚信建设投诉窗口按受理标准初审 (${COMPLAINT_DEADLINES.preliminaryReview} 个工作日); 窗口受理的移交 12345 平台 (数据推送); 部门研判 (${COMPLAINT_DEADLINES.assessment} 个工作日, 逾期红牌); 属实的由督查室督办, 限 ${COMPLAINT_DEADLINES.rectification} 个工作日整改, 逾期挂牌督办 (领导红牌, 再限 ${COMPLAINT_DEADLINES.escalation} 个工作日), 再逾期或拒不整改的确认为违约失信, 记入信用记录并推送信用平台; 整改后跟踪问效.`,
  nodes: [
    { kind: 'start', id: 'ComplaintReceivedStartEvent', name: '收到投诉' },
    { kind: 'service', id: 'ComputePreliminaryDeadlineTask', name: '计算初审期限', topic: TOPICS.computeDeadline,
      inputs: { deadlineName: 'preliminary', deadlineFrom: '${receivedOn}', deadlineWorkingDays: String(COMPLAINT_DEADLINES.preliminaryReview) } },
    { kind: 'user', id: 'PreliminaryReviewTask', name: '初审', groups: 'complaintWindow', form: 'integrity-complaint-preliminary-review', due: '${preliminaryDueAt}',
      rules: [rule('preliminaryDecision', 'reject', 'rejectionReason', '不予受理必须说明理由'), rule('preliminaryDecision', 'accept', 'respondentCreditCode', '受理须填写被投诉单位的统一社会信用代码')] },
    ...reviewOverdue.nodes,
    { kind: 'xor', id: 'PreliminaryDecisionGateway', name: '符合受理标准?' },
    complaintStatus('RecordNotAcceptedTask', '记录不予受理并告知', '不予受理'),
    { kind: 'end', id: 'NotAcceptedEndEvent', name: '不予受理' },
    complaintStatus('RecordAcceptedTask', '记录受理', '已受理'),
    { kind: 'service', id: 'HandOverTask', name: '移交 12345 平台', topic: TOPICS.handOverComplaint },
    { kind: 'service', id: 'ComputeAssessmentDeadlineTask', name: '计算研判期限', topic: TOPICS.computeDeadline,
      inputs: { deadlineName: 'assessment', deadlineFrom: '${acceptedOn}', deadlineWorkingDays: String(COMPLAINT_DEADLINES.assessment) } },
    { kind: 'user', id: 'AssessTask', name: '部门研判', groups: 'complaintWindow', form: 'integrity-complaint-assess', due: '${assessmentDueAt}',
      documentation: '被投诉部门经 12345 平台或书面答复的研判结果, 由投诉窗口专员录入.' },
    ...assessOverdue.nodes,
    complaintStatus('RecordAssessmentTask', '记录研判结果', '已研判'),
    { kind: 'xor', id: 'BreachConfirmedGateway', name: '失信属实?' },
    complaintStatus('RecordUnfoundedTask', '记录不属实并告知', '不属实'),
    { kind: 'end', id: 'UnfoundedEndEvent', name: '不属实' },
    { kind: 'user', id: 'SuperviseTask', name: '督办', groups: 'supervisors', form: 'integrity-complaint-supervise' },
    complaintStatus('RecordSupervisionTask', '记录督办', '已督办'),
    { kind: 'service', id: 'ComputeRectificationDeadlineTask', name: '计算整改期限', topic: TOPICS.computeDeadline,
      inputs: { deadlineName: 'rectification', deadlineFrom: '${supervisedOn}', deadlineWorkingDays: String(COMPLAINT_DEADLINES.rectification) } },
    complaintStatus('RecordRectificationDeadlineTask', '记录整改期限', '整改期限'),
    { kind: 'user', id: 'TrackRectificationTask', name: '整改跟踪', groups: 'supervisors', form: 'integrity-complaint-track-rectification', due: '${rectificationDueAt}',
      rules: [rule('rectificationResult', 'refused', 'refusalFacts', '拒不整改须写明事实')] },
    { kind: 'boundaryTimer', id: 'RectificationOverdueTimer', name: '整改期限届满', attachedTo: 'TrackRectificationTask', date: '${rectificationDueAt}', interrupting: true },
    { kind: 'xor', id: 'EscalatedBeforeGateway', name: '已挂牌督办?' },
    { kind: 'service', id: 'EscalateTask', name: '挂牌督办 (领导红牌)', topic: TOPICS.escalateComplaint },
    { kind: 'service', id: 'ComputeEscalatedDeadlineTask', name: '计算挂牌督办期限', topic: TOPICS.computeDeadline,
      inputs: { deadlineName: 'rectification', deadlineFrom: '${rectificationDeadline}', deadlineWorkingDays: String(COMPLAINT_DEADLINES.escalation) } },
    complaintStatus('RecordEscalatedDeadlineTask', '记录挂牌督办期限', '整改期限'),
    { kind: 'xor', id: 'RectificationResultGateway', name: '整改情况' },
    { kind: 'user', id: 'FollowUpTask', name: '跟踪问效', groups: 'supervisors', form: 'integrity-complaint-follow-up' },
    { kind: 'xor', id: 'FollowUpEffectiveGateway', name: '整改见效?' },
    complaintStatus('RecordNotEffectiveTask', '记录整改未见成效', '整改未见成效'),
    complaintStatus('RecordRectifiedTask', '记录整改办结并告知', '已整改'),
    { kind: 'end', id: 'RectifiedEndEvent', name: '已整改' },
    { kind: 'xor', id: 'BreachGateway', name: '' },
    { kind: 'service', id: 'RecordGovernmentBreachTask', name: '确认违约失信并推送', topic: TOPICS.recordGovernmentBreach },
    { kind: 'end', id: 'BreachRecordedEndEvent', name: '违约失信' },
  ],
  flows: [
    { id: 'ToComputePreliminaryDeadlineFlow', from: 'ComplaintReceivedStartEvent', to: 'ComputePreliminaryDeadlineTask' },
    { id: 'ToPreliminaryReviewFlow', from: 'ComputePreliminaryDeadlineTask', to: 'PreliminaryReviewTask' },
    ...reviewOverdue.flows,
    { id: 'ToPreliminaryDecisionGatewayFlow', from: 'PreliminaryReviewTask', to: 'PreliminaryDecisionGateway' },
    { id: 'AcceptFlow', name: '受理', from: 'PreliminaryDecisionGateway', to: 'RecordAcceptedTask', condition: "${preliminaryDecision == 'accept'}" },
    { id: 'RejectFlow', name: '不予受理', from: 'PreliminaryDecisionGateway', to: 'RecordNotAcceptedTask', condition: "${preliminaryDecision != 'accept'}" },
    { id: 'NotAcceptedFlow', from: 'RecordNotAcceptedTask', to: 'NotAcceptedEndEvent' },
    { id: 'ToHandOverFlow', from: 'RecordAcceptedTask', to: 'HandOverTask' },
    { id: 'ToComputeAssessmentDeadlineFlow', from: 'HandOverTask', to: 'ComputeAssessmentDeadlineTask' },
    { id: 'ToAssessFlow', from: 'ComputeAssessmentDeadlineTask', to: 'AssessTask' },
    ...assessOverdue.flows,
    { id: 'ToRecordAssessmentFlow', from: 'AssessTask', to: 'RecordAssessmentTask' },
    { id: 'ToBreachConfirmedGatewayFlow', from: 'RecordAssessmentTask', to: 'BreachConfirmedGateway' },
    { id: 'BreachConfirmedFlow', name: '属实', from: 'BreachConfirmedGateway', to: 'SuperviseTask', condition: '${breachConfirmed}' },
    { id: 'BreachUnfoundedFlow', name: '不属实', from: 'BreachConfirmedGateway', to: 'RecordUnfoundedTask', condition: '${!breachConfirmed}' },
    { id: 'UnfoundedFlow', from: 'RecordUnfoundedTask', to: 'UnfoundedEndEvent' },
    { id: 'ToRecordSupervisionFlow', from: 'SuperviseTask', to: 'RecordSupervisionTask' },
    { id: 'ToComputeRectificationDeadlineFlow', from: 'RecordSupervisionTask', to: 'ComputeRectificationDeadlineTask' },
    { id: 'ToRecordRectificationDeadlineFlow', from: 'ComputeRectificationDeadlineTask', to: 'RecordRectificationDeadlineTask' },
    { id: 'ToTrackRectificationFlow', from: 'RecordRectificationDeadlineTask', to: 'TrackRectificationTask' },
    { id: 'RectificationOverdueFlow', from: 'RectificationOverdueTimer', to: 'EscalatedBeforeGateway' },
    { id: 'EscalateFlow', name: '否', from: 'EscalatedBeforeGateway', to: 'EscalateTask', condition: '${!escalated}' },
    { id: 'OverdueAgainFlow', name: '是 (逾期仍未整改)', from: 'EscalatedBeforeGateway', to: 'BreachGateway', condition: '${escalated}' },
    { id: 'ToComputeEscalatedDeadlineFlow', from: 'EscalateTask', to: 'ComputeEscalatedDeadlineTask' },
    { id: 'ToRecordEscalatedDeadlineFlow', from: 'ComputeEscalatedDeadlineTask', to: 'RecordEscalatedDeadlineTask' },
    { id: 'BackToTrackRectificationFlow', from: 'RecordEscalatedDeadlineTask', to: 'TrackRectificationTask' },
    { id: 'ToRectificationResultGatewayFlow', from: 'TrackRectificationTask', to: 'RectificationResultGateway' },
    { id: 'RectifiedFlow', name: '已整改', from: 'RectificationResultGateway', to: 'FollowUpTask', condition: "${rectificationResult == 'rectified'}" },
    { id: 'RefusedFlow', name: '拒不整改', from: 'RectificationResultGateway', to: 'BreachGateway', condition: "${rectificationResult != 'rectified'}" },
    { id: 'ToFollowUpEffectiveGatewayFlow', from: 'FollowUpTask', to: 'FollowUpEffectiveGateway' },
    { id: 'EffectiveFlow', name: '是', from: 'FollowUpEffectiveGateway', to: 'RecordRectifiedTask', condition: '${followUpEffective}' },
    { id: 'NotEffectiveFlow', name: '否', from: 'FollowUpEffectiveGateway', to: 'RecordNotEffectiveTask', condition: '${!followUpEffective}' },
    { id: 'BackToTrackingFlow', from: 'RecordNotEffectiveTask', to: 'TrackRectificationTask' },
    { id: 'RectifiedRecordedFlow', from: 'RecordRectifiedTask', to: 'RectifiedEndEvent' },
    { id: 'ToRecordGovernmentBreachFlow', from: 'BreachGateway', to: 'RecordGovernmentBreachTask' },
    { id: 'BreachRecordedFlow', from: 'RecordGovernmentBreachTask', to: 'BreachRecordedEndEvent' },
  ],
};

export const SERVICE_PROCESSES: ProcessModel[] = [serviceRatingProcess, integrityComplaintProcess];
