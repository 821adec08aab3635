// The process of one catalogue item, composed of the building blocks: 受理 → 审查 → (现场勘验)
// → 决定 → (制证) → 出件 for a 承诺件; 受理 → 决定 on the spot at the window → 出件 for a 即办件.
// The flags it branches on (site inspection, major decision) come from the catalogue version
// the case started with, so the diagram runs as is for any entry.
import type { CatalogueEntry } from '../catalogue/entry.js';
import { TOPICS } from '../../workers/topics.js';
import type { Flow, Node, ProcessModel } from './builder.js';

/** Working days the applicant has to bring what the 一次性告知 listed before the case closes. */
export const SUPPLEMENT_WORKING_DAYS = 30;

export const RESUBMISSION_MESSAGE = 'ApplicationResubmitted';

export function itemProcess(entry: Pick<CatalogueEntry, 'key' | 'name' | 'processingType' | 'promisedTimeLimit' | 'legalTimeLimit'>): ProcessModel {
  const instant = entry.processingType === '即办件';
  const nodes: Node[] = [
    { kind: 'start', id: 'ApplicationReceivedStartEvent', name: '收到申请' },
    { kind: 'call', id: 'AcceptanceCallActivity', name: '受理', calledElement: 'acceptance' },
    { kind: 'xor', id: 'AcceptanceOutcomeGateway', name: '受理结果' },
    { kind: 'end', id: 'NotAcceptedEndEvent', name: '不予受理' },
    { kind: 'service', id: 'ComputeSupplementDeadlineTask', name: '计算补正期限', topic: TOPICS.computeDeadline, inputs: { deadlineName: 'supplement', deadlineFrom: '${noticeGivenOn}', deadlineWorkingDays: String(SUPPLEMENT_WORKING_DAYS) } },
    { kind: 'eventGateway', id: 'AwaitSupplementGateway', name: '等待补正' },
    { kind: 'messageCatch', id: 'ApplicationResubmittedEvent', name: '收到补正材料', message: 'ApplicationResubmittedMessage' },
    { kind: 'timerCatch', id: 'SupplementPeriodExpiredEvent', name: '补正期满', date: '${supplementDueAt}' },
    { kind: 'service', id: 'RecordClosedWithoutSupplementTask', name: '记录未补正办结', topic: TOPICS.recordCaseStatus, inputs: { caseStatus: '未补正办结' } },
    { kind: 'end', id: 'ClosedWithoutSupplementEndEvent', name: '未补正办结' },
    { kind: 'service', id: 'ComputeDecisionDeadlineTask', name: '计算办结期限', topic: TOPICS.computeDeadline, inputs: { deadlineName: 'decision', deadlineFrom: '${acceptedOn}', deadlineWorkingDays: '${promisedTimeLimit}' } },
    { kind: 'call', id: 'DecisionCallActivity', name: instant ? '当场决定' : '决定', calledElement: 'decision', inputs: { decisionGroup: instant ? 'window' : '${reviewGroup}' } },
    { kind: 'xor', id: 'GrantedGateway', name: '准予?' },
    { kind: 'call', id: 'ResultIssueCallActivity', name: '制证', calledElement: 'result-issue' },
    { kind: 'xor', id: 'ResultReadyGateway', name: '' },
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
    { id: 'ResubmittedFlow', from: 'ApplicationResubmittedEvent', to: 'AcceptanceCallActivity' },
    { id: 'SupplementExpiredFlow', from: 'SupplementPeriodExpiredEvent', to: 'RecordClosedWithoutSupplementTask' },
    { id: 'ClosedWithoutSupplementFlow', from: 'RecordClosedWithoutSupplementTask', to: 'ClosedWithoutSupplementEndEvent' },
    { id: 'GrantFlow', name: '准予', from: 'GrantedGateway', to: 'ResultIssueCallActivity', condition: "${decision == 'grant'}" },
    { id: 'DenyFlow', name: '不予', from: 'GrantedGateway', to: 'ResultReadyGateway', condition: "${decision != 'grant'}" },
    { id: 'ResultIssuedFlow', from: 'ResultIssueCallActivity', to: 'ResultReadyGateway' },
    { id: 'ToDeliveryFlow', from: 'ResultReadyGateway', to: 'DeliveryCallActivity' },
    { id: 'CaseClosedFlow', from: 'DeliveryCallActivity', to: 'CaseClosedEndEvent' },
    { id: 'ToGrantedGatewayFlow', from: 'DecisionCallActivity', to: 'GrantedGateway' },
  ];
  if (instant) {
    flows.push({ id: 'ToDecisionFlow', from: 'ComputeDecisionDeadlineTask', to: 'DecisionCallActivity' });
  } else {
    nodes.push(
      { kind: 'call', id: 'ReviewCallActivity', name: '审查', calledElement: 'review' },
      { kind: 'xor', id: 'SiteInspectionGateway', name: '需要现场勘验?' },
      { kind: 'call', id: 'SiteInspectionCallActivity', name: '现场勘验', calledElement: 'site-inspection' },
      { kind: 'xor', id: 'SiteInspectionDoneGateway', name: '' },
    );
    flows.push(
      { id: 'ToReviewFlow', from: 'ComputeDecisionDeadlineTask', to: 'ReviewCallActivity' },
      { id: 'ToSiteInspectionGatewayFlow', from: 'ReviewCallActivity', to: 'SiteInspectionGateway' },
      { id: 'SiteInspectionNeededFlow', name: '是', from: 'SiteInspectionGateway', to: 'SiteInspectionCallActivity', condition: '${siteInspection}' },
      { id: 'SiteInspectionNotNeededFlow', name: '否', from: 'SiteInspectionGateway', to: 'SiteInspectionDoneGateway', condition: '${!siteInspection}' },
      { id: 'SiteInspectedFlow', from: 'SiteInspectionCallActivity', to: 'SiteInspectionDoneGateway' },
      { id: 'ToDecisionFlow', from: 'SiteInspectionDoneGateway', to: 'DecisionCallActivity' },
    );
  }
  const limits = instant ? '即办件, 当场办结' : `承诺件, 承诺 ${entry.promisedTimeLimit} 个工作日 (法定 ${entry.legalTimeLimit} 个工作日)`;
  return {
    id: entry.key,
    name: entry.name,
    documentation: `${entry.name} (${limits}). 受理、审查、决定等环节见各调用的构件流程; 时限、是否勘验、是否法制审核取自办件受理时的事项清单版本.`,
    messages: [{ id: 'ApplicationResubmittedMessage', name: RESUBMISSION_MESSAGE }],
    nodes,
    flows,
  };
}
