// case.record-status: writes a step of the case's status timeline (input parameter caseStatus)
// and the facts that come with it: the acceptance date, the 一次性告知 sent to the applicant,
// the decision and its date.
import { acceptanceNotice, correctionNotice, decisionDocument, deliveryReceipt, refusalNotice, withdrawalAcknowledgement, type Act, type ActContext } from '../../lib/documents/index.js';
import { recordStatus, type StatusChange } from '../../lib/repositories/cases.js';
import { groupName } from '../../lib/engine/directory.js';
import { notifyApplicant } from '../../lib/repositories/supervision.js';
import { sendApplicantNotice } from '../../lib/notices/index.js';
import { TOPICS } from '../topics.js';
import type { WorkerContext, WorkerDefinition } from '../runtime/worker.js';
import { actContext, actOf } from '../runtime/act-context.js';
import { optionalBoolean, optionalString, requireBusinessKey, requireString } from '../runtime/variables.js';

type Outcome = {
  fields?: StatusChange['fields']; note?: string; variables: Record<string, unknown>;
  /** the act in writing (文书, lib/documents), issued once after the status is recorded */
  document?: (context: ActContext, act: Act) => Promise<unknown>;
};

/** A notice with no 文书: in the applicant's notifications and out to them (SMS, platform callback), once per act. */
async function tellApplicant({ task, services }: WorkerContext, kind: string, title: string, body: string): Promise<void> {
  const businessKey = requireBusinessKey(task);
  await notifyApplicant(services.db, businessKey, title, body, `${kind}:${task.activityInstanceId}`);
  await sendApplicantNotice(services.db, { businessKey, actId: task.activityInstanceId, kind, kindName: title, text: body, on: services.today(task) });
}

const STATUSES: Record<string, (context: WorkerContext) => Promise<Outcome>> = {
  async 已受理({ task, services }) {
    const deemed = optionalBoolean(task, 'deemed');
    // Art. 32: no notice within 5 days → accepted as of the day the materials were received
    const acceptedOn = deemed ? requireString(task, 'receivedOn') : services.today(task);
    // input parameter acceptedAs (a task-local variable); acceptanceMode is what the process reads
    const mode = optionalString(task, 'acceptedAs') ?? 'standard';
    const notes: Record<string, string> = { deferral: '容缺受理 (申请人已签署补正承诺)', commitment: '告知承诺受理 (申请人已签署承诺书)' };
    return {
      fields: { accepted_on: acceptedOn },
      note: deemed ? '收到申请材料之日起 5 个工作日内未告知补正, 依法视为受理' : notes[mode],
      variables: { acceptanceOutcome: 'accepted', acceptedOn, acceptanceDeemed: deemed, acceptanceMode: mode },
      document: (documents, act) => acceptanceNotice(documents, { ...act, acceptedOn, deemed: Boolean(deemed), mode }),
    };
  },
  async 不予受理({ task, services }) {
    const reason = requireString(task, 'refusalReason');
    // 不予受理 is decided in writing, with the reason (Art. 32): the applicant is told
    await notifyApplicant(services.db, requireBusinessKey(task), '不予受理通知书', `您的申请 (受理编号 ${optionalString(task, 'receiptNumber') ?? ''}) 不予受理: ${reason}`, `not-accepted:${task.activityInstanceId}`);
    return { fields: { outcome: '不予受理' }, note: reason, variables: { acceptanceOutcome: 'refused' }, document: (documents, act) => refusalNotice(documents, { ...act, reason }) };
  },
  async 已告知补正({ task, services }) {
    const summary = optionalString(task, 'applicationProblemSummary') ?? '';
    const receipt = optionalString(task, 'receiptNumber') ?? '';
    await notifyApplicant(services.db, requireBusinessKey(task), '一次性告知书',
      `您申请的「${optionalString(task, 'itemName') ?? ''}」(受理编号 ${receipt}) 需补正以下全部内容:\n${summary}`, `notice:${task.activityInstanceId}`);
    return { note: summary, variables: { acceptanceOutcome: 'notified', noticeGivenOn: services.today(task) }, document: (documents, act) => correctionNotice(documents, { ...act, problems: summary }) };
  },
  async 已决定({ task, services }) {
    const decision = requireString(task, 'decision');
    if (decision !== 'grant' && decision !== 'deny') throw new Error(`流程变量 decision 应为 grant 或 deny, 实际为 ${decision}`);
    const outcome = decision === 'grant' ? '准予' : '不予';
    return {
      fields: { outcome },
      note: decision === 'deny' ? requireString(task, 'decisionReason') : optionalString(task, 'decisionContent'),
      variables: { decidedOn: services.today(task), decisionOutcome: outcome },
      document: (documents, act) => decisionDocument(documents, { ...act, granted: decision === 'grant', reason: optionalString(task, 'decisionReason'), content: optionalString(task, 'decisionContent') }),
    };
  },
  async 已办结({ task }) {
    return { variables: {}, document: (documents, act) => deliveryReceipt(documents, { ...act, method: optionalString(task, 'deliveryMethod') === '邮寄' ? '邮寄送达' : '窗口领取' }) };
  },
  async 容缺逾期未补正({ task }) {
    return { note: `容缺材料补正期限 ${optionalString(task, 'promiseDeadline') ?? ''} 已届满`, variables: { supplementOutcome: 'expired' } };
  },
  async 承诺期满未履行(context) {
    const { task } = context;
    const pushOn = optionalString(task, 'breachPushDeadline') ?? '';
    await tellApplicant(context, 'commitment-expired', '告知承诺期满提醒',
      `您就「${optionalString(task, 'itemName') ?? ''}」(受理编号 ${optionalString(task, 'receiptNumber') ?? ''}) 作出的承诺已于 ${optionalString(task, 'promiseDeadline') ?? ''} 期满未履行。如在 ${pushOn} 前补交并经核查属实, 不再推送; 否则将于 ${pushOn} 将不履行承诺信息推送至信用平台, 并撤销许可决定。`);
    return { note: `承诺期满; 不履行承诺信息将于 ${pushOn} 推送`, variables: { commitmentOutcome: 'breached' } };
  },
  async '未履行承诺, 办件终止'(context) {
    const { task } = context;
    const revoked = optionalString(task, 'revokedLicenceNumber');
    const kind = optionalString(task, 'promiseKind') ?? '';
    const body = `您就「${optionalString(task, 'itemName') ?? ''}」(受理编号 ${optionalString(task, 'receiptNumber') ?? ''}) 作出的${kind}承诺未履行, `
      + (revoked ? `已作出的许可决定 (证照 ${revoked}) 依法撤销, ` : '办件终止, ') + '并依规记入信用记录。';
    await tellApplicant(context, 'breach', '未履行承诺处理告知书', body);
    return { fields: { outcome: revoked ? '撤销' : '终止' }, note: body, variables: {} };
  },
  async '择期补充勘验 (信用承诺)'() {
    return { note: '申请人作出信用承诺, 选择先发证、后择期补充勘验', variables: {} };
  },
  async 补充勘验完成({ task }) {
    return { note: `补充勘验结论: ${optionalString(task, 'siteInspectionResult') ?? ''}; ${optionalString(task, 'siteInspectionOpinion') ?? ''}`, variables: {} };
  },
  async 退回重审({ task }) {
    // 退回: the decision-maker sends the case back to the review section, with the reason
    return { note: `退回审查科室重新审查: ${requireString(task, 'returnReason')}`, variables: { reviewReturned: true } };
  },
  async 已补正({ task }) {
    // 补正 after a 一次性告知: the same case and receipt number, checked again, a new 5-day period
    return { note: `申请人已补正材料 (${optionalString(task, 'resubmissionChannel') ?? '窗口'}), 重新审核受理`, variables: {} };
  },
  async 征求意见({ task, services }) {
    // 征求意见: the reviewer asks another section; the answer period runs from today
    const group = requireString(task, 'consultationGroup');
    return { note: `征求${groupName(group)}意见: ${requireString(task, 'consultationQuestion')}`, variables: { consultationRequestedOn: services.today(task), consultationGroupName: groupName(group), consultationAnswer: null } };
  },
  async 征求意见已答复({ task }) {
    return { note: `${groupName(requireString(task, 'consultationGroup'))}答复: ${requireString(task, 'consultationAnswer')}`, variables: {} };
  },
  async 已撤回({ task }) {
    // 撤回: the applicant withdrew before the decision; no decision, no licence
    const channel = optionalString(task, 'withdrawalChannel') ?? '窗口';
    const reason = optionalString(task, 'withdrawalReason') ?? '';
    return {
      fields: { outcome: '撤回' }, note: `申请人撤回申请 (${channel}): ${reason}`, variables: {},
      document: (documents, act) => withdrawalAcknowledgement(documents, { ...act, reason, channel: channel.startsWith('网上') ? '网上平台' : '综合受理窗口' }),
    };
  },
  async 未补正办结() {
    return { fields: { outcome: '未补正' }, note: '补正期限届满, 申请人未补正材料', variables: {} };
  },
};

export const worker: WorkerDefinition = {
  topic: TOPICS.recordCaseStatus,
  // only what the statuses read: not the whole application on every step of every case
  options: {
    lockDuration: 30_000,
    variables: ['caseStatus', 'acceptedAs', 'deemed', 'receivedOn', 'refusalReason', 'applicationProblemSummary', 'receiptNumber', 'itemName', 'decision', 'decisionReason', 'returnReason',
      'decisionContent', 'promiseDeadline', 'breachPushDeadline', 'promiseKind', 'revokedLicenceNumber', 'siteInspectionResult', 'siteInspectionOpinion', 'clockDate', 'deliveryMethod',
      'resubmissionChannel', 'withdrawalChannel', 'withdrawalReason', 'consultationGroup', 'consultationQuestion', 'consultationAnswer'],
  },
  template: { name: '记录办件状态', description: '写入办件状态时间线的一步 (受理日期、一次性告知书、决定及日期等)', inputs: [{ name: 'caseStatus', label: '办件状态', value: '已受理', choices: ['已受理', '不予受理', '已告知补正', '未补正办结', '已决定', '已办结', '补充勘验完成', '容缺逾期未补正', '承诺期满未履行', '已补正', '已撤回', '征求意见', '征求意见已答复'] }] },
  async handler(context) {
    const { task, services } = context;
    const status = requireString(task, 'caseStatus');
    const rule = STATUSES[status];
    if (!rule) throw new Error(`未知的办件状态 caseStatus=${status}; 可用: ${Object.keys(STATUSES).join(', ')}`);
    const outcome = await rule(context);
    await recordStatus(services.db, {
      businessKey: requireBusinessKey(task), status, activityId: task.activityId, activityInstanceId: task.activityInstanceId,
      note: outcome.note, fields: outcome.fields,
    });
    if (outcome.document) await outcome.document(await actContext(services), actOf(task, services));
    return outcome.variables;
  },
};
