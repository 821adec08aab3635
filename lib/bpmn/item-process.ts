// The process of one catalogue item, composed of the building blocks: 受理 → 审查 → (现场勘验)
// → 决定 → (制证) → 出件 for a 承诺件; 受理 → 决定 on the spot at the window → 出件 for a 即办件.
// The flags it branches on (site inspection, major decision) come from the catalogue version
// the case started with, so the diagram runs as is for any entry.
import type { CatalogueEntry } from '../catalogue/entry.js';
import { startFormFields, startFormRules } from '../catalogue/start-form.js';
import { TOPICS } from '../process/topics.js';
import type { Flow, Node, ProcessModel } from './builder.js';
import { TOLERATED_GAP_NOT_REMEDIED_ERROR } from './tolerated-gap-follow-up.js';

/** Working days the applicant has to bring what the 一次性告知 listed before the case closes. */
export const SUPPLEMENT_WORKING_DAYS = 30;

export const RESUBMISSION_MESSAGE = 'ApplicationResubmitted';

/** 撤回: the applicant withdraws before the decision (POST …/withdrawal); the case ends wherever it is. */
export const WITHDRAWAL_MESSAGE = 'ApplicationWithdrawn';

/** 信用承诺 + 择期补充勘验: the inspection after the licence is due within these working days. */
export const FOLLOW_UP_INSPECTION_WORKING_DAYS = 20;

/** A full catalogue entry also gives the front-desk start form; the flags alone give the flow. */
export function itemProcess(entry: Pick<CatalogueEntry, 'key' | 'name' | 'processingType' | 'promisedTimeLimit' | 'legalTimeLimit'> | CatalogueEntry): ProcessModel {
  const full = 'materials' in entry ? entry : undefined;
  const instant = entry.processingType === '即办件';
  const nodes: Node[] = [
    full
      ? { kind: 'start', id: 'ApplicationReceivedStartEvent', name: '收到申请', form: `${entry.key}-start`, guard: JSON.stringify(startFormRules(full)), defaults: { itemKey: entry.key } }
      : { kind: 'start', id: 'ApplicationReceivedStartEvent', name: '收到申请' },
    // a case started at the desk: 受理 makes the application of the start form's fields
    { kind: 'call', id: 'AcceptanceCallActivity', name: '受理', calledElement: 'acceptance', ...(full ? { passIn: startFormFields(full) } : {}) },
    { kind: 'xor', id: 'AcceptanceOutcomeGateway', name: '受理结果' },
    { kind: 'end', id: 'NotAcceptedEndEvent', name: '不予受理' },
    { kind: 'service', id: 'ComputeSupplementDeadlineTask', name: '计算补正期限', topic: TOPICS.computeDeadline, inputs: { deadlineName: 'supplement', deadlineFrom: '${noticeGivenOn}', deadlineWorkingDays: String(SUPPLEMENT_WORKING_DAYS) } },
    { kind: 'eventGateway', id: 'AwaitSupplementGateway', name: '等待补正' },
    { kind: 'messageCatch', id: 'ApplicationResubmittedEvent', name: '收到补正材料', message: 'ApplicationResubmittedMessage' },
    { kind: 'service', id: 'RecordResubmissionTask', name: '记录补正', topic: TOPICS.recordCaseStatus, inputs: { caseStatus: '已补正' } },
    { kind: 'timerCatch', id: 'SupplementPeriodExpiredEvent', name: '补正期满', date: '${supplementDueAt}' },
    { kind: 'service', id: 'RecordClosedWithoutSupplementTask', name: '记录未补正办结', topic: TOPICS.recordCaseStatus, inputs: { caseStatus: '未补正办结' } },
    { kind: 'end', id: 'ClosedWithoutSupplementEndEvent', name: '未补正办结' },
    { kind: 'service', id: 'ComputeDecisionDeadlineTask', name: '计算办结期限', topic: TOPICS.computeDeadline, inputs: { deadlineName: 'decision', deadlineFrom: '${acceptedOn}', deadlineWorkingDays: '${decisionWorkingDays}' } },
    { kind: 'inclusive', id: 'PromiseSplitGateway', name: '有承诺?' },
    { kind: 'call', id: 'DeferredSupplementCallActivity', name: '容缺补正', calledElement: 'deferred-supplement', outputs: ['supplementOutcome'] },
    { kind: 'xor', id: 'SupplementOutcomeGateway', name: '按期补正?' },
    { kind: 'call', id: 'DeferralBreachCallActivity', name: '违诺处理 (容缺)', calledElement: 'promise-breach', outputs: [] },
    { kind: 'end', id: 'CaseTerminatedEndEvent', name: '办件终止', terminate: true },
    { kind: 'call', id: 'CommitmentVerificationCallActivity', name: '告知承诺核查', calledElement: 'commitment-verification', outputs: ['commitmentOutcome'] },
    { kind: 'xor', id: 'CommitmentOutcomeGateway', name: '履行承诺?' },
    { kind: 'call', id: 'CommitmentBreachCallActivity', name: '违诺处理 (告知承诺)', calledElement: 'promise-breach', outputs: [] },
    { kind: 'end', id: 'DecisionRevokedEndEvent', name: '决定撤销', terminate: true },
    { kind: 'xor', id: 'FollowUpInspectionGateway', name: '发证后补充勘验?' },
    { kind: 'service', id: 'ComputeFollowUpDeadlineTask', name: '计算补充勘验期限', topic: TOPICS.computeDeadline, inputs: { deadlineName: 'followUp', deadlineFrom: '${decidedOn}', deadlineWorkingDays: String(FOLLOW_UP_INSPECTION_WORKING_DAYS) } },
    { kind: 'user', id: 'FollowUpInspectionTask', name: '补充勘验', groups: '${reviewGroup}', form: 'site-inspection-follow-up', due: '${followUpDueAt}' },
    { kind: 'service', id: 'RecordFollowUpInspectionTask', name: '记录补充勘验', topic: TOPICS.recordCaseStatus, inputs: { caseStatus: '补充勘验完成' } },
    // 容缺勘验: each gap the inspection tolerated is checked when its deadline falls due
    { kind: 'call', id: 'ToleratedGapFollowUpCallActivity', name: '容缺缺项核查', calledElement: 'tolerated-gap-follow-up',
      multiInstance: { collection: '${toleratedGapKeys}', elementVariable: 'toleratedGapKey' }, inputs: {
        gapDescription: "${toleratedGapSchedule.prop(toleratedGapKey).prop('gap').stringValue()}",
        gapDeadline: "${toleratedGapSchedule.prop(toleratedGapKey).prop('deadline').stringValue()}",
        gapDueAt: "${toleratedGapSchedule.prop(toleratedGapKey).prop('dueAt').stringValue()}",
        // 电子监察: the check task's yellow warning
        gapWarningAt: "${toleratedGapSchedule.prop(toleratedGapKey).prop('warningAt').stringValue()}",
      } },
    // a gap still not remedied after the 限期整改: the credit promise is broken (every gap's follow-up ends)
    { kind: 'boundaryError', id: 'ToleratedGapNotRemediedBoundaryEvent', name: '缺项逾期未整改', attachedTo: 'ToleratedGapFollowUpCallActivity', error: TOLERATED_GAP_NOT_REMEDIED_ERROR.id },
    { kind: 'call', id: 'ToleratedGapBreachCallActivity', name: '违诺处理 (容缺勘验)', calledElement: 'promise-breach', inputs: { promiseKind: '容缺勘验' }, outputs: [] },
    { kind: 'inclusive', id: 'PromiseJoinGateway', name: '' },
    { kind: 'call', id: 'DecisionCallActivity', name: instant ? '当场决定' : '决定', calledElement: 'decision', inputs: { decisionGroup: instant ? 'window' : '${reviewGroup}' } },
    { kind: 'xor', id: 'GrantedGateway', name: '准予?' },
    { kind: 'call', id: 'ResultIssueCallActivity', name: '制证', calledElement: 'result-issue' },
    { kind: 'xor', id: 'ResultReadyGateway', name: '' },
    { kind: 'service', id: 'PushToSupervisionTask', name: '推送监管部门 (审管衔接)', topic: TOPICS.pushToSupervision },
    { kind: 'xor', id: 'DeliveryNeededGateway', name: '出件方式' },
    { kind: 'call', id: 'DeliveryCallActivity', name: '出件', calledElement: 'delivery' },
    { kind: 'end', id: 'CaseClosedEndEvent', name: '办结' },
  ];
  const flows: Flow[] = [
    { id: 'ToAcceptanceFlow', from: 'ApplicationReceivedStartEvent', to: 'AcceptanceCallActivity' },
    { id: 'ToAcceptanceOutcomeGatewayFlow', from: 'AcceptanceCallActivity', to: 'AcceptanceOutcomeGateway' },
    { id: 'AcceptedFlow', name: '受理', from: 'AcceptanceOutcomeGateway', to: 'ComputeDecisionDeadlineTask', condition: "${acceptanceOutcome == 'accepted'}" },
    { id: 'NotifiedFlow', name: '一次性告知', from: 'AcceptanceOutcomeGateway', to: 'ComputeSupplementDeadlineTask', condition: "${acceptanceOutcome == 'notified'}" },
    { id: 'NotAcceptedFlow', name: '不予受理', from: 'AcceptanceOutcomeGateway', to: 'NotAcceptedEndEvent', condition: "${acceptanceOutcome != 'accepted' && acceptanceOutcome != 'notified'}" },
    { id: 'ToAwaitSupplementFlow', from: 'ComputeSupplementDeadlineTask', to: 'AwaitSupplementGateway' },
    { id: 'ToResubmittedFlow', from: 'AwaitSupplementGateway', to: 'ApplicationResubmittedEvent' },
    { id: 'ToSupplementExpiredFlow', from: 'AwaitSupplementGateway', to: 'SupplementPeriodExpiredEvent' },
    // 补正 (window or online, POST …/resubmission): the same case, a new check and a new 5-day period
    { id: 'ToRecordResubmissionFlow', from: 'ApplicationResubmittedEvent', to: 'RecordResubmissionTask' },
    { id: 'ResubmittedFlow', from: 'RecordResubmissionTask', to: 'AcceptanceCallActivity' },
    { id: 'SupplementExpiredFlow', from: 'SupplementPeriodExpiredEvent', to: 'RecordClosedWithoutSupplementTask' },
    { id: 'ClosedWithoutSupplementFlow', from: 'RecordClosedWithoutSupplementTask', to: 'ClosedWithoutSupplementEndEvent' },
    { id: 'GrantFlow', name: '准予', from: 'GrantedGateway', to: 'ResultIssueCallActivity', condition: "${decision == 'grant'}" },
    { id: 'DenyFlow', name: '不予', from: 'GrantedGateway', to: 'ResultReadyGateway', condition: "${decision == 'deny'}" },
    { id: 'ResultIssuedFlow', from: 'ResultIssueCallActivity', to: 'ResultReadyGateway' },
    { id: 'ToPushToSupervisionFlow', from: 'ResultReadyGateway', to: 'PushToSupervisionTask' },
    { id: 'ToDeliveryNeededGatewayFlow', from: 'PushToSupervisionTask', to: 'DeliveryNeededGateway' },
    { id: 'ToDeliveryFlow', name: '本事项出件', from: 'DeliveryNeededGateway', to: 'DeliveryCallActivity', condition: "${execution.getVariable('bundleAccepted') != true}" },
    { id: 'DeliveredWithBundleFlow', name: '一件事统一出件', from: 'DeliveryNeededGateway', to: 'FollowUpInspectionGateway', condition: "${execution.getVariable('bundleAccepted') == true}" },
    { id: 'ToFollowUpInspectionGatewayFlow', from: 'DeliveryCallActivity', to: 'FollowUpInspectionGateway' },
    { id: 'NoFollowUpInspectionFlow', name: '否', from: 'FollowUpInspectionGateway', to: 'PromiseJoinGateway', condition: "${inspectionMode != '择期补充勘验' && !(inspectionMode == '容缺勘验' && decision == 'grant' && execution.getVariable('toleratedGapKeys') != null)}" },
    { id: 'ToleratedGapFollowUpFlow', name: '容缺勘验缺项', from: 'FollowUpInspectionGateway', to: 'ToleratedGapFollowUpCallActivity', condition: "${inspectionMode == '容缺勘验' && decision == 'grant' && execution.getVariable('toleratedGapKeys') != null}" },
    { id: 'ToleratedGapsCheckedFlow', from: 'ToleratedGapFollowUpCallActivity', to: 'PromiseJoinGateway' },
    { id: 'ToleratedGapNotRemediedFlow', from: 'ToleratedGapNotRemediedBoundaryEvent', to: 'ToleratedGapBreachCallActivity' },
    { id: 'ToleratedGapBreachHandledFlow', from: 'ToleratedGapBreachCallActivity', to: 'DecisionRevokedEndEvent' },
    { id: 'FollowUpInspectionFlow', name: '择期补充勘验', from: 'FollowUpInspectionGateway', to: 'ComputeFollowUpDeadlineTask', condition: "${inspectionMode == '择期补充勘验'}" },
    { id: 'ToFollowUpInspectionFlow', from: 'ComputeFollowUpDeadlineTask', to: 'FollowUpInspectionTask' },
    { id: 'ToRecordFollowUpInspectionFlow', from: 'FollowUpInspectionTask', to: 'RecordFollowUpInspectionTask' },
    { id: 'FollowUpInspectedFlow', from: 'RecordFollowUpInspectionTask', to: 'PromiseJoinGateway' },
    { id: 'CaseClosedFlow', from: 'PromiseJoinGateway', to: 'CaseClosedEndEvent' },
    { id: 'ToPromiseSplitFlow', from: 'ComputeDecisionDeadlineTask', to: 'PromiseSplitGateway' },
    { id: 'DeferralFlow', name: '容缺受理', from: 'PromiseSplitGateway', to: 'DeferredSupplementCallActivity', condition: "${acceptanceMode == 'deferral'}" },
    { id: 'ToSupplementOutcomeFlow', from: 'DeferredSupplementCallActivity', to: 'SupplementOutcomeGateway' },
    { id: 'SuppliedInTimeFlow', name: '是', from: 'SupplementOutcomeGateway', to: 'PromiseJoinGateway', condition: "${supplementOutcome == 'supplied'}" },
    { id: 'SupplementMissedFlow', name: '否', from: 'SupplementOutcomeGateway', to: 'DeferralBreachCallActivity', condition: "${supplementOutcome != 'supplied'}" },
    { id: 'CaseTerminatedFlow', from: 'DeferralBreachCallActivity', to: 'CaseTerminatedEndEvent' },
    { id: 'CommitmentFlow', name: '告知承诺', from: 'PromiseSplitGateway', to: 'CommitmentVerificationCallActivity', condition: "${acceptanceMode == 'commitment' && commitmentPending}" },
    { id: 'ToCommitmentOutcomeFlow', from: 'CommitmentVerificationCallActivity', to: 'CommitmentOutcomeGateway' },
    { id: 'CommitmentFulfilledFlow', name: '是', from: 'CommitmentOutcomeGateway', to: 'PromiseJoinGateway', condition: "${commitmentOutcome == 'fulfilled'}" },
    { id: 'CommitmentBreachedFlow', name: '否', from: 'CommitmentOutcomeGateway', to: 'CommitmentBreachCallActivity', condition: "${commitmentOutcome != 'fulfilled'}" },
    { id: 'DecisionRevokedFlow', from: 'CommitmentBreachCallActivity', to: 'DecisionRevokedEndEvent' },
    { id: 'ToGrantedGatewayFlow', from: 'DecisionCallActivity', to: 'GrantedGateway' },
  ];
  if (instant) {
    flows.push(
      { id: 'ToDecisionFlow', name: '办理', from: 'PromiseSplitGateway', to: 'DecisionCallActivity', condition: '${true}' },
      // on the spot there is no review to go back to: the window decides again
      { id: 'ReturnedFlow', name: '退回重审', from: 'GrantedGateway', to: 'DecisionCallActivity', condition: "${decision == 'return'}" },
    );
  } else {
    nodes.push(
      { kind: 'call', id: 'ReviewCallActivity', name: '审查', calledElement: 'review' },
      { kind: 'xor', id: 'SiteInspectionGateway', name: '需要现场勘验?' },
      { kind: 'call', id: 'SiteInspectionCallActivity', name: '现场勘验', calledElement: 'site-inspection' },
      { kind: 'xor', id: 'SiteInspectionDoneGateway', name: '' },
    );
    flows.push(
      { id: 'ToReviewFlow', name: '办理', from: 'PromiseSplitGateway', to: 'ReviewCallActivity', condition: '${true}' },
      { id: 'ToSiteInspectionGatewayFlow', from: 'ReviewCallActivity', to: 'SiteInspectionGateway' },
      // a 一件事 with 联合踏勘 has inspected already
      { id: 'SiteInspectionNeededFlow', name: '是', from: 'SiteInspectionGateway', to: 'SiteInspectionCallActivity', condition: "${siteInspection && execution.getVariable('jointInspected') != true}" },
      { id: 'SiteInspectionNotNeededFlow', name: '否', from: 'SiteInspectionGateway', to: 'SiteInspectionDoneGateway', condition: "${!siteInspection || execution.getVariable('jointInspected') == true}" },
      { id: 'SiteInspectedFlow', from: 'SiteInspectionCallActivity', to: 'SiteInspectionDoneGateway' },
      { id: 'ToDecisionFlow', from: 'SiteInspectionDoneGateway', to: 'DecisionCallActivity' },
      // 退回: the decision-maker sends the case back to the review section (the deadline runs on)
      { id: 'ReturnedFlow', name: '退回重审', from: 'GrantedGateway', to: 'ReviewCallActivity', condition: "${decision == 'return'}" },
    );
  }
  const limits = instant ? '即办件, 当场办结' : `承诺件, 承诺 ${entry.promisedTimeLimit} 个工作日 (法定 ${entry.legalTimeLimit} 个工作日)`;
  return {
    id: entry.key,
    name: entry.name,
    documentation: `${entry.name} (${limits}). 受理、审查、决定等环节见各调用的构件流程; 时限、是否勘验、是否法制审核取自办件受理时的事项清单版本.`,
    messages: [{ id: 'ApplicationResubmittedMessage', name: RESUBMISSION_MESSAGE }, { id: 'ApplicationWithdrawnMessage', name: WITHDRAWAL_MESSAGE }],
    errors: [TOLERATED_GAP_NOT_REMEDIED_ERROR],
    nodes,
    flows,
    eventSubprocesses: [{
      id: 'WithdrawalSubProcess',
      name: '撤回',
      nodes: [
        { kind: 'start', id: 'ApplicationWithdrawnStartEvent', name: '申请人撤回申请', message: 'ApplicationWithdrawnMessage' },
        { kind: 'service', id: 'RecordWithdrawnTask', name: '记录撤回', topic: TOPICS.recordCaseStatus, inputs: { caseStatus: '已撤回' } },
        { kind: 'end', id: 'WithdrawnEndEvent', name: '已撤回' },
      ],
      flows: [
        { id: 'ToRecordWithdrawnFlow', from: 'ApplicationWithdrawnStartEvent', to: 'RecordWithdrawnTask' },
        { id: 'WithdrawnFlow', from: 'RecordWithdrawnTask', to: 'WithdrawnEndEvent' },
      ],
    }],
  };
}
