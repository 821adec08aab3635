// The process of a 一件事 bundle: one form checked at once for every ticked item, one
// acceptance, one bundle deadline, 联合踏勘 where the bundle has one, the items' own processes
// in parallel (multi-instance call activities; items marked stage 2 after those of stage 1),
// and one delivery of all results with a statement of what failed and why.
import { TOPICS } from '../process/topics.js';
import { BPMN_ERRORS } from '../process/bpmn-errors.js';
import type { StartFormRule } from '../catalogue/start-form.js';
import type { BundleEntry } from '../catalogue/bundle.js';
import { recordStatus } from './blocks.js';
import { WITHDRAWAL_MESSAGE } from './item-process.js';
import type { Flow, Node, ProcessModel } from './builder.js';
import { BUNDLE_ITEM_BUSINESS_KEY_EXPRESSION } from '../cases/identity.js';

/** Each item case gets its own business key and receipt number, and knows its bundle. */
const itemCall = (id: string, name: string, collection: string): Node => ({
  kind: 'call', id, name, calledElement: '${bundleItemKey}', onlyInputs: true, outputs: [],
  businessKey: BUNDLE_ITEM_BUSINESS_KEY_EXPRESSION,
  multiInstance: { collection, elementVariable: 'bundleItemKey' },
  inputs: {
    itemKey: '${bundleItemKey}',
    application: "${bundleApplications.prop(bundleItemKey)}",
    receivedOn: '${receivedOn}',
    clockDate: "${execution.getVariable('clockDate')}",
    bundleAccepted: '${true}',
    bundleReceiptNumber: '${receiptNumber}',
    jointInspected: '${bundleJointInspection}',
    jointConditions: "${execution.getVariable('jointConditions')}",
  },
});

/** `startRules`: the rules of the bundle's front-desk start form (none: not started at the desk) */
export function bundleProcess(bundle: Pick<BundleEntry, 'key' | 'name' | 'targetWorkingDays' | 'jointInspection'>, startRules?: StartFormRule[]): ProcessModel {
  const nodes: Node[] = [
    startRules
      ? { kind: 'start', id: 'BundleReceivedStartEvent', name: '收到一件事申请', form: `${bundle.key}-start`, guard: JSON.stringify(startRules) }
      : { kind: 'start', id: 'BundleReceivedStartEvent', name: '收到一件事申请' },
    { kind: 'service', id: 'CheckBundleApplicationTask', name: '校验一表申请', topic: TOPICS.validateBundle, inputs: { bundleKey: bundle.key } },
    { kind: 'boundaryError', id: 'BundleNotInCatalogueBoundaryEvent', name: '清单之外', attachedTo: 'CheckBundleApplicationTask', error: 'ItemNotInCatalogueError' },
    { kind: 'end', id: 'BundleNotInCatalogueEndEvent', name: '不予受理 (清单之外)' },
    { kind: 'service', id: 'RegisterBundleTask', name: '登记收件', topic: TOPICS.registerCase },
    { kind: 'service', id: 'ComputeBundleDeadlineTask', name: '计算一件事办结期限', topic: TOPICS.computeDeadline, inputs: {
      deadlineName: 'bundle', deadlineFrom: '${receivedOn}', deadlineWorkingDays: '${bundleTargetWorkingDays}',
      // 0.5 working day: 4 office hours from the moment of receipt
      deadlineWorkingHours: "${execution.getVariable('bundleTargetWorkingHours')}", deadlineFromTime: "${execution.getVariable('receivedAt')}",
    } },
    { kind: 'xor', id: 'BundleValidGateway', name: '一表申请齐全?' },
    { kind: 'user', id: 'NotifyBundleDeficienciesTask', name: '一次性告知 (一件事)', groups: 'window', assignee: "${execution.getVariable('deskClerk')}", form: 'bundle-notify-deficiencies', due: '${bundleDueAt}' },
    // the 一件事 ends with the notice: it keeps that outcome (a new application follows)
    recordStatus('RecordBundleNoticeTask', '记录一次性告知', '已告知补正', { caseOutcome: '一次性告知' }),
    { kind: 'end', id: 'BundleNotifiedEndEvent', name: '已一次性告知' },
    { kind: 'user', id: 'AcceptBundleTask', name: '一窗受理', groups: 'window', assignee: "${execution.getVariable('deskClerk')}", form: 'bundle-accept', due: '${bundleDueAt}', rules: [{ choiceVariable: 'acceptanceDecision', choice: 'refuse', requiredVariable: 'refusalReason', message: '不予受理必须说明理由' }] },
    { kind: 'xor', id: 'BundleAcceptedGateway', name: '受理?' },
    recordStatus('RecordBundleRefusedTask', '记录不予受理', '不予受理'),
    { kind: 'end', id: 'BundleRefusedEndEvent', name: '不予受理' },
    recordStatus('RecordBundleAcceptedTask', '记录受理', '已受理', { acceptedAs: 'standard' }),
    { kind: 'xor', id: 'JointInspectionGateway', name: '联合踏勘?' },
    { kind: 'call', id: 'JointInspectionCallActivity', name: '联合踏勘', calledElement: 'joint-inspection' },
    { kind: 'xor', id: 'JointOpinionGateway', name: '统一意见' },
    { kind: 'xor', id: 'ItemsGateway', name: '' },
    itemCall('FirstItemsCallActivity', '办理事项 (先办)', '${bundleFirstItems}'),
    // what the first items issued (营业执照, the new enterprise's code) goes into the later items' applications
    { kind: 'service', id: 'AdoptFirstResultsTask', name: '接收先办事项结果', topic: TOPICS.adoptBundleResults },
    itemCall('ThenItemsCallActivity', '办理事项 (并联)', '${bundleThenItems}'),
    { kind: 'xor', id: 'ResultsGateway', name: '' },
    { kind: 'service', id: 'CollectBundleResultsTask', name: '汇总办理结果', topic: TOPICS.collectBundleResults },
    { kind: 'user', id: 'DeliverBundleTask', name: '统一出件', groups: 'window', form: 'bundle-deliver', due: '${bundleDueAt}' },
    // 办结, 部分办结 or 不予许可, from what the items came to (bundle.collect-results)
    recordStatus('RecordBundleDeliveredTask', '记录办结', '已办结', { caseOutcome: '${bundleOutcome}' }),
    { kind: 'end', id: 'BundleClosedEndEvent', name: '办结' },
  ];
  const flows: Flow[] = [
    { id: 'ToCheckBundleFlow', from: 'BundleReceivedStartEvent', to: 'CheckBundleApplicationTask' },
    { id: 'BundleNotInCatalogueFlow', from: 'BundleNotInCatalogueBoundaryEvent', to: 'BundleNotInCatalogueEndEvent' },
    { id: 'ToRegisterBundleFlow', from: 'CheckBundleApplicationTask', to: 'RegisterBundleTask' },
    { id: 'ToComputeBundleDeadlineFlow', from: 'RegisterBundleTask', to: 'ComputeBundleDeadlineTask' },
    { id: 'ToBundleValidGatewayFlow', from: 'ComputeBundleDeadlineTask', to: 'BundleValidGateway' },
    { id: 'BundleDeficientFlow', name: '否', from: 'BundleValidGateway', to: 'NotifyBundleDeficienciesTask', condition: '${!bundleValid}' },
    { id: 'BundleCompleteFlow', name: '是', from: 'BundleValidGateway', to: 'AcceptBundleTask', condition: '${bundleValid}' },
    { id: 'ToRecordBundleNoticeFlow', from: 'NotifyBundleDeficienciesTask', to: 'RecordBundleNoticeTask' },
    { id: 'BundleNotifiedFlow', from: 'RecordBundleNoticeTask', to: 'BundleNotifiedEndEvent' },
    { id: 'ToBundleAcceptedGatewayFlow', from: 'AcceptBundleTask', to: 'BundleAcceptedGateway' },
    { id: 'BundleRefusedFlow', name: '不予受理', from: 'BundleAcceptedGateway', to: 'RecordBundleRefusedTask', condition: "${acceptanceDecision == 'refuse'}" },
    { id: 'ToBundleRefusedEndFlow', from: 'RecordBundleRefusedTask', to: 'BundleRefusedEndEvent' },
    { id: 'BundleAcceptedFlow', name: '受理', from: 'BundleAcceptedGateway', to: 'RecordBundleAcceptedTask', condition: "${acceptanceDecision != 'refuse'}" },
    { id: 'ToJointInspectionGatewayFlow', from: 'RecordBundleAcceptedTask', to: 'JointInspectionGateway' },
    { id: 'JointInspectionNeededFlow', name: '是', from: 'JointInspectionGateway', to: 'JointInspectionCallActivity', condition: '${bundleJointInspection}' },
    { id: 'NoJointInspectionFlow', name: '否', from: 'JointInspectionGateway', to: 'ItemsGateway', condition: '${!bundleJointInspection}' },
    { id: 'ToJointOpinionGatewayFlow', from: 'JointInspectionCallActivity', to: 'JointOpinionGateway' },
    { id: 'JointRefusedFlow', name: '不同意', from: 'JointOpinionGateway', to: 'ResultsGateway', condition: "${jointOpinion == '不同意'}" },
    { id: 'JointAgreedFlow', name: '同意 / 有条件同意', from: 'JointOpinionGateway', to: 'ItemsGateway', condition: "${jointOpinion != '不同意'}" },
    { id: 'ToFirstItemsFlow', from: 'ItemsGateway', to: 'FirstItemsCallActivity' },
    { id: 'ToAdoptFirstResultsFlow', from: 'FirstItemsCallActivity', to: 'AdoptFirstResultsTask' },
    { id: 'ToThenItemsFlow', from: 'AdoptFirstResultsTask', to: 'ThenItemsCallActivity' },
    { id: 'ItemsDoneFlow', from: 'ThenItemsCallActivity', to: 'ResultsGateway' },
    { id: 'ToCollectResultsFlow', from: 'ResultsGateway', to: 'CollectBundleResultsTask' },
    { id: 'ToDeliverBundleFlow', from: 'CollectBundleResultsTask', to: 'DeliverBundleTask' },
    { id: 'ToRecordBundleDeliveredFlow', from: 'DeliverBundleTask', to: 'RecordBundleDeliveredTask' },
    { id: 'BundleClosedFlow', from: 'RecordBundleDeliveredTask', to: 'BundleClosedEndEvent' },
  ];
  return {
    id: bundle.key,
    name: bundle.name,
    documentation: `${bundle.name} (一件事: 一次告知、一表申请、一套材料、一窗受理; 目标 ${bundle.targetWorkingDays} 个工作日${bundle.jointInspection ? '; 联合踏勘' : ''}). 勾选的事项各自按其事项流程办理, 结果统一出件.`,
    errors: [{ id: 'ItemNotInCatalogueError', name: '清单之外无审批', code: BPMN_ERRORS.itemNotInCatalogue }],
    messages: [{ id: 'ApplicationWithdrawnMessage', name: WITHDRAWAL_MESSAGE }],
    nodes,
    flows,
    // 撤回 of the 一件事 (lib/cases/withdrawal.ts): every open item ends with it, decided items keep their outcome
    eventSubprocesses: [{
      id: 'BundleWithdrawalSubProcess',
      name: '撤回',
      nodes: [
        { kind: 'start', id: 'BundleWithdrawnStartEvent', name: '申请人撤回一件事', message: 'ApplicationWithdrawnMessage' },
        recordStatus('RecordBundleWithdrawnTask', '记录撤回', '已撤回', { withdrawOpenItems: '${true}' }),
        { kind: 'end', id: 'BundleWithdrawnEndEvent', name: '已撤回' },
      ],
      flows: [
        { id: 'ToRecordBundleWithdrawnFlow', from: 'BundleWithdrawnStartEvent', to: 'RecordBundleWithdrawnTask' },
        { id: 'BundleWithdrawnFlow', from: 'RecordBundleWithdrawnTask', to: 'BundleWithdrawnEndEvent' },
      ],
    }],
  };
}
