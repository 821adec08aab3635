// The building blocks every item process calls (受理, 审查, 现场勘验, 决定, 制证, 出件). Each is a
// process of its own, called with all variables in and out, so that an item's diagram stays a
// short row of call activities and a fix to a block reaches every item.
import { BPMN_ERRORS } from '../process/bpmn-errors.js';
import { TOPICS } from '../process/topics.js';
import { BINDING_OPINION_LISTENER, SEPARATION_OF_DUTIES_LISTENER, type CompleteRule, type Flow, type Node, type ProcessModel, type ReasonRule } from './builder.js';
import { recordStatus } from './status-step.js';
import { toleratedGapFollowUpBlock } from './tolerated-gap-follow-up.js';

const requireReason = (choiceVariable: string, choice: string, requiredVariable: string, message: string): ReasonRule =>
  ({ choiceVariable, choice, requiredVariable, message });

/** 审查与决定分离: 审查 records its clerk, 决定 refuses that clerk (unless the catalogue entry allows it) */
const separation = (role: 'record' | 'check'): CompleteRule => ({ listener: SEPARATION_OF_DUTIES_LISTENER, fields: { role } });
/** 法制审核 不同意 binds: the case goes back to review or is denied, never granted */
const legalReviewBinds: CompleteRule = {
  listener: BINDING_OPINION_LISTENER,
  fields: { opinionVariable: 'legalReviewOpinion', opinion: '不同意', choiceVariable: 'decision', refusedChoice: 'grant', message: '法制审核不同意的, 不得准予许可: 请退回重新审查或作出不予许可决定' },
};

/** 电子监察 on a human task: a yellow warning and a red card, neither interrupting the work. */
export function supervised(taskId: string, taskName: string, group: string, prefix: string): { nodes: Node[]; flows: Flow[] } {
  const nodes: Node[] = [];
  const flows: Flow[] = [];
  for (const [level, label, date] of [['Warning', '黄牌预警', '${decisionWarningAt}'], ['Overdue', '红牌警告', '${decisionDueAt}']] as const) {
    nodes.push(
      { kind: 'boundaryTimer', id: `${prefix}${level}Timer`, name: label, attachedTo: taskId, date, interrupting: false },
      { kind: 'service', id: `${prefix}${level}AlertTask`, name: `电子监察${label}`, topic: TOPICS.raiseAlert, inputs: { alertLevel: level === 'Warning' ? 'yellow' : 'red', alertActivityId: taskId, alertActivityName: taskName, alertGroup: group } },
      { kind: 'end', id: `${prefix}${level}AlertedEndEvent`, name: `已${label}` },
    );
    flows.push(
      { id: `${prefix}${level}Flow`, from: `${prefix}${level}Timer`, to: `${prefix}${level}AlertTask` },
      { id: `${prefix}${level}AlertedFlow`, from: `${prefix}${level}AlertTask`, to: `${prefix}${level}AlertedEndEvent` },
    );
  }
  return { nodes, flows };
}

export { recordStatus } from './status-step.js';

/** the desk clerk who started the case from the start form (none for online applications) */
const DESK_CLERK = "${execution.getVariable('deskClerk')}";

export const acceptanceBlock: ProcessModel = {
  id: 'acceptance',
  name: '受理',
  documentation: '一窗受理: 按事项清单校验申请 (清单之外无审批), 登记收件并编受理编号; 材料齐全的受理或不予受理 (须说明理由), 不齐全的一次性告知全部需补正内容; 收到材料 5 个工作日内未告知的, 自收到材料之日起视为受理 (《行政许可法》第三十二条).',
  errors: [{ id: 'ItemNotInCatalogueError', name: '清单之外无审批', code: BPMN_ERRORS.itemNotInCatalogue }],
  nodes: [
    { kind: 'start', id: 'ApplicationReceivedStartEvent', name: '收到申请' },
    { kind: 'service', id: 'CheckApplicationTask', name: '校验申请', topic: TOPICS.validateApplication },
    { kind: 'boundaryError', id: 'ItemNotInCatalogueBoundaryEvent', name: '清单之外', attachedTo: 'CheckApplicationTask', error: 'ItemNotInCatalogueError' },
    { kind: 'xor', id: 'ItemKnownGateway', name: '事项在清单中?' },
    { kind: 'service', id: 'RegisterRefusedCaseTask', name: '登记收件', topic: TOPICS.registerCase },
    recordStatus('RecordNotInForceTask', '记录不予受理 (事项不在实施中)', '不予受理'),
    { kind: 'end', id: 'NotInCatalogueEndEvent', name: '不予受理 (清单之外)' },
    { kind: 'service', id: 'RegisterCaseTask', name: '登记收件', topic: TOPICS.registerCase },
    { kind: 'service', id: 'ComputeNoticeDeadlineTask', name: '计算告知期限', topic: TOPICS.computeDeadline, inputs: { deadlineName: 'notice', deadlineFrom: '${receivedOn}', deadlineWorkingDays: '5' } },
    { kind: 'xor', id: 'MaterialsCompleteGateway', name: '材料情况' },
    { kind: 'service', id: 'CheckCreditEligibilityTask', name: '信用核查', topic: TOPICS.checkCreditEligibility },
    { kind: 'xor', id: 'CreditEligibleGateway', name: '可容缺或告知承诺?' },
    { kind: 'service', id: 'PreparePromiseNoticeTask', name: '生成承诺告知书', topic: TOPICS.preparePromiseNotice },
    { kind: 'user', id: 'OfferPromiseTask', assignee: DESK_CLERK, name: '容缺 / 告知承诺受理', groups: 'window', form: 'acceptance-offer-promise', due: '${noticeDueAt}', rules: [requireReason('acceptanceDecision', 'refuse', 'refusalReason', '不予受理必须说明理由')] },
    { kind: 'boundaryTimer', id: 'OfferPromiseDeemedTimer', name: '5 个工作日未处理', attachedTo: 'OfferPromiseTask', date: '${noticeDueAt}', interrupting: true },
    recordStatus('RecordPromiseAcceptedTask', '记录承诺受理', '已受理', { acceptedAs: '${acceptancePath}' }),
    { kind: 'service', id: 'RecordCreditPromiseTask', name: '记录信用承诺', topic: TOPICS.recordCredit, inputs: { creditKind: '承诺', creditRule: "${promiseKind == '容缺' ? '容缺受理书面承诺' : '告知承诺书'}" } },
    { kind: 'user', id: 'ReviewMaterialsTask', assignee: DESK_CLERK, name: '受理审核', groups: 'window', form: 'acceptance-review-materials', due: '${noticeDueAt}', rules: [requireReason('acceptanceDecision', 'refuse', 'refusalReason', '不予受理必须说明理由')] },
    { kind: 'boundaryTimer', id: 'ReviewMaterialsDeemedTimer', name: '5 个工作日未处理', attachedTo: 'ReviewMaterialsTask', date: '${noticeDueAt}', interrupting: true },
    { kind: 'user', id: 'NotifyDeficienciesTask', assignee: DESK_CLERK, name: '一次性告知', groups: 'window', form: 'acceptance-notify-deficiencies', due: '${noticeDueAt}', rules: [requireReason('acceptanceDecision', 'refuse', 'refusalReason', '不予受理必须说明理由')] },
    { kind: 'boundaryTimer', id: 'NotifyDeficienciesDeemedTimer', name: '5 个工作日未告知', attachedTo: 'NotifyDeficienciesTask', date: '${noticeDueAt}', interrupting: true },
    { kind: 'xor', id: 'AcceptanceDecisionGateway', name: '受理决定' },
    recordStatus('RecordAcceptedTask', '记录受理', '已受理', { acceptedAs: 'standard' }),
    recordStatus('RecordDeemedAcceptanceTask', '记录视为受理', '已受理', { deemed: 'true', acceptedAs: 'standard' }),
    recordStatus('RecordNotAcceptedTask', '记录不予受理', '不予受理'),
    recordStatus('RecordNoticeGivenTask', '记录一次性告知', '已告知补正'),
    { kind: 'end', id: 'AcceptedEndEvent', name: '已受理' },
    { kind: 'end', id: 'NotAcceptedEndEvent', name: '不予受理' },
    { kind: 'end', id: 'DeficienciesNotifiedEndEvent', name: '已一次性告知' },
  ],
  flows: [
    { id: 'ToCheckApplicationFlow', from: 'ApplicationReceivedStartEvent', to: 'CheckApplicationTask' },
    { id: 'NotInCatalogueFlow', from: 'ItemNotInCatalogueBoundaryEvent', to: 'ItemKnownGateway' },
    // an item of the catalogue that is suspended or repealed: the case gets its receipt number and the written refusal
    { id: 'ItemNotInForceFlow', name: '暂停或停止实施', from: 'ItemKnownGateway', to: 'RegisterRefusedCaseTask', condition: "${execution.getVariable('itemVersion') != null}" },
    { id: 'ItemUnknownFlow', name: '清单中无此事项', from: 'ItemKnownGateway', to: 'NotInCatalogueEndEvent', condition: "${execution.getVariable('itemVersion') == null}" },
    { id: 'ToRecordNotInForceFlow', from: 'RegisterRefusedCaseTask', to: 'RecordNotInForceTask' },
    { id: 'NotInForceRecordedFlow', from: 'RecordNotInForceTask', to: 'NotInCatalogueEndEvent' },
    { id: 'ToRegisterCaseFlow', from: 'CheckApplicationTask', to: 'RegisterCaseTask' },
    { id: 'ToComputeNoticeDeadlineFlow', from: 'RegisterCaseTask', to: 'ComputeNoticeDeadlineTask' },
    { id: 'ToMaterialsCompleteGatewayFlow', from: 'ComputeNoticeDeadlineTask', to: 'MaterialsCompleteGateway' },
    // the layout places a gateway's branches in flow order (this order lays out cleanly)
    { id: 'PromisePossibleFlow', name: '仅缺可容缺或已承诺的材料', from: 'MaterialsCompleteGateway', to: 'CheckCreditEligibilityTask', condition: "${acceptancePath == 'deferral' || acceptancePath == 'commitment'}" },
    { id: 'MaterialsCompleteFlow', name: '齐全', from: 'MaterialsCompleteGateway', to: 'ReviewMaterialsTask', condition: "${acceptancePath == 'complete' && execution.getVariable('bundleAccepted') != true}" },
    { id: 'MaterialsDeficientFlow', name: '不齐全', from: 'MaterialsCompleteGateway', to: 'NotifyDeficienciesTask', condition: "${acceptancePath == 'deficient'}" },
    // an item of a 一件事 was accepted once, for the whole bundle, at the window
    { id: 'AcceptedWithBundleFlow', name: '一件事已受理', from: 'MaterialsCompleteGateway', to: 'RecordAcceptedTask', condition: "${acceptancePath == 'complete' && execution.getVariable('bundleAccepted') == true}" },
    { id: 'ToCreditEligibleGatewayFlow', from: 'CheckCreditEligibilityTask', to: 'CreditEligibleGateway' },
    { id: 'CreditEligibleFlow', name: '是', from: 'CreditEligibleGateway', to: 'PreparePromiseNoticeTask', condition: '${creditEligible}' },
    { id: 'CreditIneligibleFlow', name: '否 (失信或曾违诺)', from: 'CreditEligibleGateway', to: 'NotifyDeficienciesTask', condition: '${!creditEligible}' },
    { id: 'ToOfferPromiseFlow', from: 'PreparePromiseNoticeTask', to: 'OfferPromiseTask' },
    { id: 'PromiseOfferedFlow', from: 'OfferPromiseTask', to: 'AcceptanceDecisionGateway' },
    { id: 'OfferPromiseDeemedFlow', from: 'OfferPromiseDeemedTimer', to: 'RecordDeemedAcceptanceTask' },
    { id: 'AcceptOnPromiseFlow', name: '承诺受理', from: 'AcceptanceDecisionGateway', to: 'RecordPromiseAcceptedTask', condition: "${acceptanceDecision == 'accept-promise'}" },
    { id: 'ToRecordCreditPromiseFlow', from: 'RecordPromiseAcceptedTask', to: 'RecordCreditPromiseTask' },
    { id: 'PromiseAcceptedFlow', from: 'RecordCreditPromiseTask', to: 'AcceptedEndEvent' },
    { id: 'MaterialsReviewedFlow', from: 'ReviewMaterialsTask', to: 'AcceptanceDecisionGateway' },
    { id: 'DeficienciesHandledFlow', from: 'NotifyDeficienciesTask', to: 'AcceptanceDecisionGateway' },
    { id: 'AcceptFlow', name: '受理', from: 'AcceptanceDecisionGateway', to: 'RecordAcceptedTask', condition: "${acceptanceDecision == 'accept'}" },
    { id: 'RefuseFlow', name: '不予受理', from: 'AcceptanceDecisionGateway', to: 'RecordNotAcceptedTask', condition: "${acceptanceDecision == 'refuse'}" },
    { id: 'NotifyFlow', name: '一次性告知', from: 'AcceptanceDecisionGateway', to: 'RecordNoticeGivenTask', condition: "${acceptanceDecision == 'notify'}" },
    { id: 'ReviewMaterialsDeemedFlow', from: 'ReviewMaterialsDeemedTimer', to: 'RecordDeemedAcceptanceTask' },
    { id: 'NotifyDeficienciesDeemedFlow', from: 'NotifyDeficienciesDeemedTimer', to: 'RecordDeemedAcceptanceTask' },
    { id: 'AcceptedFlow', from: 'RecordAcceptedTask', to: 'AcceptedEndEvent' },
    { id: 'DeemedAcceptedFlow', from: 'RecordDeemedAcceptanceTask', to: 'AcceptedEndEvent' },
    { id: 'NotAcceptedFlow', from: 'RecordNotAcceptedTask', to: 'NotAcceptedEndEvent' },
    { id: 'NoticeGivenFlow', from: 'RecordNoticeGivenTask', to: 'DeficienciesNotifiedEndEvent' },
  ],
};

const reviewAlerts = supervised('ReviewTask', '审查', '${reviewGroup}', 'Review');

export const reviewBlock: ProcessModel = {
  id: 'review',
  name: '审查',
  documentation: '审查科室审查申请, 期限为办结期限 (电子监察: 剩余 1 个工作日黄牌预警, 逾期红牌警告). 经负责人批准可延长一次 10 个工作日并说明理由 (第四十二条); 听证、检验、检测、专家评审等特别程序暂停计时并书面告知, 结束后恢复计时 (第四十五条).',
  errors: [{ id: 'ExtensionNotAllowedError', name: '不得再次延长', code: BPMN_ERRORS.extensionNotAllowed }],
  nodes: [
    { kind: 'start', id: 'ReviewStartEvent', name: '开始审查' },
    { kind: 'user', id: 'ReviewTask', name: '审查', groups: '${reviewGroup}', form: 'review-examine', due: '${decisionDueAt}', rules: [
      requireReason('reviewAction', 'extend', 'extensionReason', '申请延长期限必须说明理由'),
      requireReason('reviewAction', 'suspend', 'specialProcedureReason', '启动特别程序必须说明理由'),
    requireReason('reviewAction', 'consult', 'consultationQuestion', '征求意见必须写明征求的事项'),
    ], checks: [separation('record')] },
    ...reviewAlerts.nodes,
    { kind: 'xor', id: 'ReviewActionGateway', name: '办理方式' },
    { kind: 'end', id: 'ReviewedEndEvent', name: '审查完成' },
    { kind: 'user', id: 'ApproveExtensionTask', name: '批准延长期限', groups: 'leaders', form: 'review-approve-extension', due: '${decisionDueAt}' },
    { kind: 'xor', id: 'ExtensionApprovedGateway', name: '批准延长?' },
    { kind: 'service', id: 'ExtendDeadlineTask', name: '延长期限 10 个工作日', topic: TOPICS.extendDeadline },
    { kind: 'boundaryError', id: 'ExtensionNotAllowedBoundaryEvent', name: '已延长过', attachedTo: 'ExtendDeadlineTask', error: 'ExtensionNotAllowedError' },
    { kind: 'service', id: 'StopClockTask', name: '暂停计时并书面告知', topic: TOPICS.stopClock },
    { kind: 'user', id: 'SpecialProcedureTask', name: '特别程序', groups: '${reviewGroup}', form: 'review-special-procedure' },
    { kind: 'service', id: 'RestartClockTask', name: '恢复计时', topic: TOPICS.restartClock },
    // 征求意见: another section answers within the working days the reviewer gave; 审查 (so 决定) waits for it
    recordStatus('RecordConsultationTask', '记录征求意见', '征求意见'),
    { kind: 'service', id: 'ComputeConsultationDeadlineTask', name: '计算答复期限', topic: TOPICS.computeDeadline, inputs: { deadlineName: 'consultation', deadlineFrom: '${consultationRequestedOn}', deadlineWorkingDays: '${consultationWorkingDays}' } },
    { kind: 'user', id: 'AnswerConsultationTask', name: '答复征求意见', groups: '${consultationGroup}', form: 'review-answer-consultation', due: '${consultationDueAt}' },
    recordStatus('RecordConsultationAnswerTask', '记录征求意见答复', '征求意见已答复'),
  ],
  flows: [
    { id: 'ToReviewFlow', from: 'ReviewStartEvent', to: 'ReviewTask' },
    ...reviewAlerts.flows,
    { id: 'ToReviewActionGatewayFlow', from: 'ReviewTask', to: 'ReviewActionGateway' },
    { id: 'ReviewSubmittedFlow', name: '提交审查意见', from: 'ReviewActionGateway', to: 'ReviewedEndEvent', condition: "${reviewAction == 'submit'}" },
    { id: 'ExtensionRequestedFlow', name: '申请延长期限', from: 'ReviewActionGateway', to: 'ApproveExtensionTask', condition: "${reviewAction == 'extend'}" },
    { id: 'SpecialProcedureRequestedFlow', name: '启动特别程序', from: 'ReviewActionGateway', to: 'StopClockTask', condition: "${reviewAction == 'suspend'}" },
    { id: 'ToExtensionApprovedGatewayFlow', from: 'ApproveExtensionTask', to: 'ExtensionApprovedGateway' },
    { id: 'ExtensionApprovedFlow', name: '批准', from: 'ExtensionApprovedGateway', to: 'ExtendDeadlineTask', condition: '${extensionApproved}' },
    { id: 'ExtensionRejectedFlow', name: '不批准', from: 'ExtensionApprovedGateway', to: 'ReviewTask', condition: '${!extensionApproved}' },
    { id: 'DeadlineExtendedFlow', from: 'ExtendDeadlineTask', to: 'ReviewTask' },
    { id: 'ExtensionNotAllowedFlow', from: 'ExtensionNotAllowedBoundaryEvent', to: 'ReviewTask' },
    { id: 'ToSpecialProcedureFlow', from: 'StopClockTask', to: 'SpecialProcedureTask' },
    { id: 'ToRestartClockFlow', from: 'SpecialProcedureTask', to: 'RestartClockTask' },
    { id: 'ClockRestartedFlow', from: 'RestartClockTask', to: 'ReviewTask' },
    { id: 'ConsultationRequestedFlow', name: '征求意见', from: 'ReviewActionGateway', to: 'RecordConsultationTask', condition: "${reviewAction == 'consult'}" },
    { id: 'ToComputeConsultationDeadlineFlow', from: 'RecordConsultationTask', to: 'ComputeConsultationDeadlineTask' },
    { id: 'ToAnswerConsultationFlow', from: 'ComputeConsultationDeadlineTask', to: 'AnswerConsultationTask' },
    { id: 'ToRecordConsultationAnswerFlow', from: 'AnswerConsultationTask', to: 'RecordConsultationAnswerTask' },
    { id: 'ConsultationAnsweredFlow', from: 'RecordConsultationAnswerTask', to: 'ReviewTask' },
  ],
};

const inspectionAlerts = supervised('SiteInspectionTask', '现场勘验', '${reviewGroup}', 'SiteInspection');

export const siteInspectionBlock: ProcessModel = {
  id: 'site-inspection',
  name: '现场勘验',
  documentation: '审查科室到现场核查, 记录勘验结论和意见; 期限与电子监察同审查. 申请人作出信用承诺的, 可选择先发证、后择期补充勘验 (由事项流程在出件后安排), 或当场勘验、容许缺项 (容缺勘验, 缺项记入勘验意见).',
  nodes: [
    { kind: 'start', id: 'SiteInspectionStartEvent', name: '开始勘验' },
    { kind: 'xor', id: 'InspectionModeGateway', name: '勘验方式' },
    recordStatus('RecordInspectionDeferredTask', '记录择期补充勘验', '择期补充勘验 (信用承诺)'),
    { kind: 'end', id: 'InspectionDeferredEndEvent', name: '发证后补充勘验' },
    { kind: 'user', id: 'SiteInspectionTask', name: '现场勘验', groups: '${reviewGroup}', form: 'site-inspection-inspect', due: '${decisionDueAt}' },
    ...inspectionAlerts.nodes,
    { kind: 'xor', id: 'ToleratedGapsGateway', name: '容缺勘验?' },
    { kind: 'service', id: 'ScheduleToleratedGapsTask', name: '登记缺项及整改期限', topic: TOPICS.scheduleToleratedGaps },
    { kind: 'xor', id: 'InspectionDoneGateway', name: '' },
    { kind: 'end', id: 'SiteInspectedEndEvent', name: '勘验完成' },
  ],
  flows: [
    { id: 'ToInspectionModeGatewayFlow', from: 'SiteInspectionStartEvent', to: 'InspectionModeGateway' },
    { id: 'InspectNowFlow', name: '现场勘验 / 容缺勘验', from: 'InspectionModeGateway', to: 'SiteInspectionTask', condition: "${inspectionMode != '择期补充勘验'}" },
    { id: 'InspectLaterFlow', name: '择期补充勘验', from: 'InspectionModeGateway', to: 'RecordInspectionDeferredTask', condition: "${inspectionMode == '择期补充勘验'}" },
    { id: 'InspectionDeferredFlow', from: 'RecordInspectionDeferredTask', to: 'InspectionDeferredEndEvent' },
    ...inspectionAlerts.flows,
    { id: 'ToToleratedGapsGatewayFlow', from: 'SiteInspectionTask', to: 'ToleratedGapsGateway' },
    { id: 'ToleratedGapsFlow', name: '容缺勘验', from: 'ToleratedGapsGateway', to: 'ScheduleToleratedGapsTask', condition: "${inspectionMode == '容缺勘验'}" },
    { id: 'NoToleratedGapsFlow', name: '否', from: 'ToleratedGapsGateway', to: 'InspectionDoneGateway', condition: "${inspectionMode != '容缺勘验'}" },
    { id: 'GapsScheduledFlow', from: 'ScheduleToleratedGapsTask', to: 'InspectionDoneGateway' },
    { id: 'SiteInspectedFlow', from: 'InspectionDoneGateway', to: 'SiteInspectedEndEvent' },
  ],
};

const legalAlerts = supervised('LegalReviewTask', '法制审核', 'legalReview', 'LegalReview');
const decisionAlerts = supervised('DecisionTask', '决定', '${decisionGroup}', 'Decision');

export const decisionBlock: ProcessModel = {
  id: 'decision',
  name: '决定',
  documentation: '作出准予或不予许可的决定; 不予许可必须说明理由. 重大行政许可决定前先经法制审核. 期限与电子监察同审查. 审查不充分的, 可说明理由退回审查科室重新审查 (退回), 办结期限照算.',
  nodes: [
    { kind: 'start', id: 'DecisionStartEvent', name: '开始决定' },
    { kind: 'xor', id: 'MajorDecisionGateway', name: '重大行政许可?' },
    { kind: 'user', id: 'LegalReviewTask', name: '法制审核', groups: 'legalReview', form: 'decision-legal-review', due: '${decisionDueAt}' },
    ...legalAlerts.nodes,
    { kind: 'xor', id: 'LegalReviewDoneGateway', name: '' },
    { kind: 'user', id: 'DecisionTask', name: '决定', groups: '${decisionGroup}', form: 'decision-decide', due: '${decisionDueAt}', rules: [requireReason('decision', 'deny', 'decisionReason', '不予许可必须说明理由'), requireReason('decision', 'return', 'returnReason', '退回重审必须说明理由')], checks: [separation('check'), legalReviewBinds] },
    ...decisionAlerts.nodes,
    { kind: 'xor', id: 'DecisionKindGateway', name: '决定或退回?' },
    recordStatus('RecordDecisionTask', '记录决定', '已决定'),
    { kind: 'end', id: 'DecidedEndEvent', name: '已决定' },
    recordStatus('RecordReturnTask', '记录退回重审', '退回重审'),
    { kind: 'end', id: 'ReturnedEndEvent', name: '已退回重审' },
  ],
  flows: [
    { id: 'ToMajorDecisionGatewayFlow', from: 'DecisionStartEvent', to: 'MajorDecisionGateway' },
    { id: 'MajorDecisionFlow', name: '是', from: 'MajorDecisionGateway', to: 'LegalReviewTask', condition: '${majorDecision}' },
    { id: 'OrdinaryDecisionFlow', name: '否', from: 'MajorDecisionGateway', to: 'LegalReviewDoneGateway', condition: '${!majorDecision}' },
    ...legalAlerts.flows,
    { id: 'LegalReviewedFlow', from: 'LegalReviewTask', to: 'LegalReviewDoneGateway' },
    { id: 'ToDecisionFlow', from: 'LegalReviewDoneGateway', to: 'DecisionTask' },
    ...decisionAlerts.flows,
    { id: 'ToDecisionKindGatewayFlow', from: 'DecisionTask', to: 'DecisionKindGateway' },
    { id: 'ToRecordDecisionFlow', name: '准予或不予', from: 'DecisionKindGateway', to: 'RecordDecisionTask', condition: "${decision != 'return'}" },
    { id: 'DecidedFlow', from: 'RecordDecisionTask', to: 'DecidedEndEvent' },
    { id: 'ReturnFlow', name: '退回重审', from: 'DecisionKindGateway', to: 'RecordReturnTask', condition: "${decision == 'return'}" },
    { id: 'ReturnedFlow', from: 'RecordReturnTask', to: 'ReturnedEndEvent' },
  ],
};

export const resultIssueBlock: ProcessModel = {
  id: 'result-issue',
  name: '制证',
  documentation: '准予的办件生成证照编号和电子证照记录 (每个办件只编号一次), 当日双公示 (行政许可信息经校验、脱敏后记入公示台账并推送信用平台).',
  nodes: [
    { kind: 'start', id: 'ResultIssueStartEvent', name: '开始制证' },
    { kind: 'service', id: 'IssueLicenceTask', name: '制证', topic: TOPICS.issueLicence },
    { kind: 'service', id: 'PublishLicenceTask', name: '双公示', topic: TOPICS.publishLicence, inputs: { publicationAction: '准予' } },
    { kind: 'end', id: 'ResultIssuedEndEvent', name: '已制证' },
  ],
  flows: [
    { id: 'ToIssueLicenceFlow', from: 'ResultIssueStartEvent', to: 'IssueLicenceTask' },
    { id: 'ToPublishLicenceFlow', from: 'IssueLicenceTask', to: 'PublishLicenceTask' },
    { id: 'LicencePublishedFlow', from: 'PublishLicenceTask', to: 'ResultIssuedEndEvent' },
  ],
};

export const deliveryBlock: ProcessModel = {
  id: 'delivery',
  name: '出件',
  documentation: '统一窗口出件: 结果 (证照或不予许可决定书) 在受理窗口交申请人, 或按申请邮寄送达.',
  nodes: [
    { kind: 'start', id: 'DeliveryStartEvent', name: '开始出件' },
    { kind: 'xor', id: 'DeliveryMethodGateway', name: '送达方式' },
    { kind: 'user', id: 'HandOverTask', name: '窗口出件', groups: 'window', form: 'delivery-hand-over' },
    { kind: 'user', id: 'MailResultTask', name: '邮寄送达', groups: 'window', form: 'delivery-mail' },
    { kind: 'xor', id: 'DeliveredGateway', name: '' },
    recordStatus('RecordDeliveredTask', '记录办结', '已办结'),
    { kind: 'end', id: 'DeliveredEndEvent', name: '已办结' },
  ],
  flows: [
    { id: 'ToDeliveryMethodGatewayFlow', from: 'DeliveryStartEvent', to: 'DeliveryMethodGateway' },
    { id: 'HandOverFlow', name: '窗口领取', from: 'DeliveryMethodGateway', to: 'HandOverTask', condition: "${deliveryMethod != '邮寄'}" },
    { id: 'MailFlow', name: '邮寄', from: 'DeliveryMethodGateway', to: 'MailResultTask', condition: "${deliveryMethod == '邮寄'}" },
    { id: 'HandedOverFlow', from: 'HandOverTask', to: 'DeliveredGateway' },
    { id: 'MailedFlow', from: 'MailResultTask', to: 'DeliveredGateway' },
    { id: 'ToRecordDeliveredFlow', from: 'DeliveredGateway', to: 'RecordDeliveredTask' },
    { id: 'DeliveredFlow', from: 'RecordDeliveredTask', to: 'DeliveredEndEvent' },
  ],
};

/**
 * A reminder 3 working days before the promise runs out (promiseReminderAt), not interrupting
 * the wait; a material that arrives first ends the wait, and the reminder with it.
 */
function promiseReminder(waitingTaskId: string, prefix: string, name: string): { nodes: Node[]; flows: Flow[] } {
  return {
    nodes: [
      { kind: 'boundaryTimer', id: `${prefix}ReminderTimer`, name: '期满前 3 个工作日', attachedTo: waitingTaskId, date: '${promiseReminderAt}', interrupting: false },
      { kind: 'service', id: `Remind${prefix}Task`, name, topic: TOPICS.remindPromise },
      { kind: 'end', id: `${prefix}RemindedEndEvent`, name: '已提醒' },
    ],
    flows: [
      { id: `${prefix}ReminderFlow`, from: `${prefix}ReminderTimer`, to: `Remind${prefix}Task` },
      { id: `${prefix}RemindedFlow`, from: `Remind${prefix}Task`, to: `${prefix}RemindedEndEvent` },
    ],
  };
}

export const DEFERRED_SUPPLEMENT_MESSAGE = 'DeferredMaterialsSupplied';
export const COMMITMENT_FULFILLED_MESSAGE = 'CommitmentFulfilled';

export const deferredSupplementBlock: ProcessModel = {
  id: 'deferred-supplement',
  name: '容缺补正',
  documentation: '容缺受理后, 办件照常审查; 申请人须在补正期限 (不超过承诺时限) 内补齐容缺材料: 在窗口交件 (本任务) 或经接口提交 (消息 DeferredMaterialsSupplied), 经核对齐全即履约; 逾期未补齐的, 交由违诺处理 (终止办件或撤销决定, 记不良记录).',
  messages: [{ id: 'DeferredMaterialsSuppliedMessage', name: DEFERRED_SUPPLEMENT_MESSAGE }],
  nodes: [
    { kind: 'start', id: 'DeferredSupplementStartEvent', name: '开始容缺补正' },
    { kind: 'user', id: 'AwaitSupplementTask', name: '接收容缺补正材料', groups: 'window', form: 'deferred-supplement-receive', due: '${promiseDueAt}' },
    { kind: 'boundaryMessage', id: 'SupplementReceivedEvent', name: '经接口补正', attachedTo: 'AwaitSupplementTask', message: 'DeferredMaterialsSuppliedMessage' },
    { kind: 'boundaryTimer', id: 'SupplementDeadlineTimer', name: '补正期满', attachedTo: 'AwaitSupplementTask', date: '${promiseDueAt}', interrupting: true },
    ...promiseReminder('AwaitSupplementTask', 'Supplement', '提醒补正').nodes,
    { kind: 'service', id: 'CheckSupplementTask', name: '核对补正材料', topic: TOPICS.validateSupplement },
    { kind: 'xor', id: 'SupplementCompleteGateway', name: '已补齐?' },
    { kind: 'service', id: 'RecordSupplementFulfilledTask', name: '记录履约', topic: TOPICS.recordCredit, inputs: { creditKind: '履约', creditRule: '容缺受理按期补正' }, outputs: { supplementOutcome: 'supplied' } },
    { kind: 'end', id: 'SuppliedEndEvent', name: '已补正' },
    recordStatus('RecordSupplementExpiredTask', '记录逾期未补正', '容缺逾期未补正'),
    { kind: 'end', id: 'SupplementExpiredEndEvent', name: '逾期未补正' },
  ],
  flows: [
    { id: 'ToAwaitSupplementFlow', from: 'DeferredSupplementStartEvent', to: 'AwaitSupplementTask' },
    { id: 'SuppliedAtWindowFlow', from: 'AwaitSupplementTask', to: 'CheckSupplementTask' },
    { id: 'SuppliedOnlineFlow', from: 'SupplementReceivedEvent', to: 'CheckSupplementTask' },
    { id: 'ToSupplementCompleteGatewayFlow', from: 'CheckSupplementTask', to: 'SupplementCompleteGateway' },
    { id: 'SupplementCompleteFlow', name: '是', from: 'SupplementCompleteGateway', to: 'RecordSupplementFulfilledTask', condition: '${supplementComplete}' },
    { id: 'SupplementIncompleteFlow', name: '否', from: 'SupplementCompleteGateway', to: 'AwaitSupplementTask', condition: '${!supplementComplete}' },
    { id: 'SuppliedFlow', from: 'RecordSupplementFulfilledTask', to: 'SuppliedEndEvent' },
    { id: 'SupplementExpiredFlow', from: 'SupplementDeadlineTimer', to: 'RecordSupplementExpiredTask' },
    { id: 'ToSupplementExpiredEndFlow', from: 'RecordSupplementExpiredTask', to: 'SupplementExpiredEndEvent' },
    ...promiseReminder('AwaitSupplementTask', 'Supplement', '提醒补正').flows,
  ],
};

/**
 * One stage of waiting for the promised proof: the window receives it (or the API sends
 * CommitmentFulfilled), a reviewer verifies it, a verified proof is recorded as 履约; a proof
 * found wanting sends the stage back to waiting. `ids` keeps the BPMN ids readable.
 */
function fulfilmentStage(ids: { receive: string; received: string; verify: string; gateway: string; record: string; end: string; prefix: string },
  names: { receive: string; received: string; verify: string; record: string; end: string }, due: string, creditRule: string): { nodes: Node[]; flows: Flow[] } {
  return {
    nodes: [
      { kind: 'user', id: ids.receive, name: names.receive, groups: 'window', form: 'commitment-verification-receive', due },
      { kind: 'boundaryMessage', id: ids.received, name: names.received, attachedTo: ids.receive, message: 'CommitmentFulfilledMessage' },
      { kind: 'user', id: ids.verify, name: names.verify, groups: '${reviewGroup}', form: 'commitment-verification-verify', due },
      { kind: 'xor', id: ids.gateway, name: '属实?' },
      { kind: 'service', id: ids.record, name: names.record, topic: TOPICS.recordCredit, inputs: { creditKind: '履约', creditRule }, outputs: { commitmentOutcome: 'fulfilled' } },
      { kind: 'end', id: ids.end, name: names.end },
    ],
    flows: [
      { id: `${ids.prefix}FulfilmentAtWindowFlow`, from: ids.receive, to: ids.verify },
      { id: `${ids.prefix}FulfilmentOnlineFlow`, from: ids.received, to: ids.verify },
      { id: `To${ids.gateway}Flow`, from: ids.verify, to: ids.gateway },
      { id: `${ids.prefix}FulfilmentVerifiedFlow`, name: '是', from: ids.gateway, to: ids.record, condition: '${fulfilmentVerified}' },
      { id: `${ids.prefix}FulfilmentRejectedFlow`, name: '否', from: ids.gateway, to: ids.receive, condition: '${!fulfilmentVerified}' },
      { id: `${ids.prefix}FulfilledFlow`, from: ids.record, to: ids.end },
    ],
  };
}

const onTime = fulfilmentStage(
  { prefix: '', receive: 'AwaitFulfilmentTask', received: 'FulfilmentReceivedEvent', verify: 'VerifyFulfilmentTask', gateway: 'FulfilmentVerifiedGateway', record: 'RecordFulfilmentTask', end: 'FulfilledEndEvent' },
  { receive: '接收履约材料', received: '经接口提交', verify: '核查承诺履行', record: '记录履约', end: '已履约' },
  '${promiseDueAt}', '告知承诺按期履行');
const late = fulfilmentStage(
  { prefix: 'Late', receive: 'AwaitLateFulfilmentTask', received: 'LateFulfilmentReceivedEvent', verify: 'VerifyLateFulfilmentTask', gateway: 'LateFulfilmentVerifiedGateway', record: 'RecordLateFulfilmentTask', end: 'LateFulfilledEndEvent' },
  { receive: '接收逾期履约材料', received: '经接口补交', verify: '核查逾期履行', record: '记录逾期履约 (取消推送)', end: '已履约 (逾期)' },
  '${breachPushStartsAt}', '告知承诺期满后、推送前履行');

export const commitmentVerificationBlock: ProcessModel = {
  id: 'commitment-verification',
  name: '告知承诺核查',
  documentation: '告知承诺制: 决定不等待承诺的证明材料; 申请人在承诺期限内提交 (窗口或消息 CommitmentFulfilled), 审查科室核查属实即履约. 期满未履行的, 自期满后第 7 个工作日起将不履行承诺信息推送信用平台并撤销决定; 在此之前补交并经核查属实的, 取消推送.',
  messages: [{ id: 'CommitmentFulfilledMessage', name: COMMITMENT_FULFILLED_MESSAGE }],
  nodes: [
    { kind: 'start', id: 'CommitmentStartEvent', name: '开始承诺核查' },
    ...onTime.nodes,
    { kind: 'boundaryTimer', id: 'CommitmentExpiredTimer', name: '承诺期满', attachedTo: 'AwaitFulfilmentTask', date: '${promiseDueAt}', interrupting: true },
    ...promiseReminder('AwaitFulfilmentTask', 'Commitment', '提醒履行承诺').nodes,
    { kind: 'service', id: 'ComputeBreachPushDateTask', name: '计算失信推送日 (期满后第 7 个工作日)', topic: TOPICS.computeDeadline, inputs: { deadlineName: 'breachPush', deadlineFrom: '${promiseDeadline}', deadlineWorkingDays: '7' } },
    recordStatus('RecordCommitmentExpiredTask', '记录承诺期满', '承诺期满未履行'),
    ...late.nodes,
    { kind: 'boundaryTimer', id: 'BreachPushTimer', name: '期满后第 7 个工作日', attachedTo: 'AwaitLateFulfilmentTask', date: '${breachPushStartsAt}', interrupting: true },
    { kind: 'end', id: 'CommitmentBreachedEndEvent', name: '未履行承诺' },
  ],
  flows: [
    { id: 'ToAwaitFulfilmentFlow', from: 'CommitmentStartEvent', to: 'AwaitFulfilmentTask' },
    ...onTime.flows,
    { id: 'CommitmentExpiredFlow', from: 'CommitmentExpiredTimer', to: 'ComputeBreachPushDateTask' },
    { id: 'ToRecordCommitmentExpiredFlow', from: 'ComputeBreachPushDateTask', to: 'RecordCommitmentExpiredTask' },
    { id: 'ToAwaitLateFulfilmentFlow', from: 'RecordCommitmentExpiredTask', to: 'AwaitLateFulfilmentTask' },
    ...late.flows,
    { id: 'CommitmentBreachedFlow', from: 'BreachPushTimer', to: 'CommitmentBreachedEndEvent' },
    ...promiseReminder('AwaitFulfilmentTask', 'Commitment', '提醒履行承诺').flows,
  ],
};

export const promiseBreachBlock: ProcessModel = {
  id: 'promise-breach',
  name: '违诺处理',
  documentation: '未履行容缺补正、容缺勘验整改或告知承诺: 撤销已作出的决定 (证照状态改为撤销), 记不良记录 (容缺) 或违约记录 (告知承诺) 并推送信用平台, 告知申请人; 办件终止.',
  nodes: [
    { kind: 'start', id: 'BreachStartEvent', name: '违诺处理' },
    { kind: 'service', id: 'RevokeDecisionTask', name: '撤销决定', topic: TOPICS.revokeLicence, inputs: { revocationReason: "${promiseKind == '容缺' ? '容缺受理后逾期未补正材料' : promiseKind == '容缺勘验' ? '容缺勘验容许的缺项经限期整改仍未整改, 未履行信用承诺' : '告知承诺期满未履行承诺'}" } },
    { kind: 'service', id: 'PublishRevocationTask', name: '公示撤销', topic: TOPICS.publishLicence, inputs: { publicationAction: '撤销' } },
    { kind: 'service', id: 'RecordBreachCreditTask', name: '记录失信并推送', topic: TOPICS.recordCredit, inputs: { creditKind: "${promiseKind == '容缺' || promiseKind == '容缺勘验' ? '不良记录' : '违约'}", creditRule: "${promiseKind == '容缺' ? '容缺受理逾期未补正' : promiseKind == '容缺勘验' ? '容缺勘验缺项限期整改后仍未整改' : '不履行承诺信息 (告知承诺期满后第 7 个工作日推送)'}" } },
    recordStatus('RecordBreachStatusTask', '记录终止并告知申请人', '未履行承诺, 办件终止'),
    { kind: 'end', id: 'BreachHandledEndEvent', name: '已处理' },
  ],
  flows: [
    { id: 'ToRevokeDecisionFlow', from: 'BreachStartEvent', to: 'RevokeDecisionTask' },
    { id: 'ToPublishRevocationFlow', from: 'RevokeDecisionTask', to: 'PublishRevocationTask' },
    { id: 'ToRecordBreachCreditFlow', from: 'PublishRevocationTask', to: 'RecordBreachCreditTask' },
    { id: 'ToRecordBreachStatusFlow', from: 'RecordBreachCreditTask', to: 'RecordBreachStatusTask' },
    { id: 'BreachHandledFlow', from: 'RecordBreachStatusTask', to: 'BreachHandledEndEvent' },
  ],
};

export const BLOCKS: ProcessModel[] = [acceptanceBlock, reviewBlock, siteInspectionBlock, toleratedGapFollowUpBlock, decisionBlock, resultIssueBlock, deliveryBlock, deferredSupplementBlock, commitmentVerificationBlock, promiseBreachBlock];
