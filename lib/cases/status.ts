// The status rules of an item case (办件状态): for each step of the timeline (caseStatus), the
// facts recorded with it (acceptance date, outcome), the note, the variables the process reads
// next, the applicant's notice and the act in writing (文书). Plain rules over the case's facts:
// the worker case.record-status reads the variables, records what these rules say, and completes.
import type { Act, ActContext } from '../documents/index.js';
import { acceptanceNotice, correctionNotice, decisionDocument, deliveryReceipt, gapRectificationNotice, refusalNotice, withdrawalAcknowledgement } from '../documents/index.js';
import { GAP_RECTIFICATION_WORKING_DAYS } from '../bpmn/tolerated-gap-follow-up.js';
import { groupName } from '../engine/directory.js';
import type { StatusChange } from '../repositories/cases.js';

/** What a rule reads of the case: its process variables (typed reads that name a bad one) and today. */
export interface StatusFacts {
  /** a text variable, undefined when absent or empty */
  text(name: string): string | undefined;
  /** a text variable that must be there */
  required(name: string): string;
  flag(name: string): boolean;
  /** today for the case (its clock date when it runs on one) */
  today(): string;
  /** the step's own key (the activity instance): a notice is sent once per step */
  stepKey: string;
}

export interface StatusOutcome {
  fields?: StatusChange['fields'];
  note?: string;
  variables: Record<string, unknown>;
  /**
   * a message to the applicant's notifications, once per `dedupKey`; with a `kind` it also goes out
   * to them (SMS, the platform's callback: lib/notices), for acts that have no 文书 of their own
   */
  notice?: { title: string; body: string; dedupKey: string; kind?: string };
  /** the act in writing (文书, lib/documents), issued once after the status is recorded */
  document?: (context: ActContext, act: Act) => Promise<unknown>;
}

type Rule = (facts: StatusFacts) => StatusOutcome;

const ACCEPTANCE_NOTES: Record<string, string> = { deferral: '容缺受理 (申请人已签署补正承诺)', commitment: '告知承诺受理 (申请人已签署承诺书)' };

export const STATUS_RULES: Record<string, Rule> = {
  已受理(facts) {
    const deemed = facts.flag('deemed');
    // Art. 32: no notice within 5 days → accepted as of the day the materials were received
    const acceptedOn = deemed ? facts.required('receivedOn') : facts.today();
    // input parameter acceptedAs (a task-local variable); acceptanceMode is what the process reads
    const mode = facts.text('acceptedAs') ?? 'standard';
    return {
      fields: { accepted_on: acceptedOn },
      note: deemed ? '收到申请材料之日起 5 个工作日内未告知补正, 依法视为受理' : ACCEPTANCE_NOTES[mode],
      variables: { acceptanceOutcome: 'accepted', acceptedOn, acceptanceDeemed: deemed, acceptanceMode: mode },
      document: (documents, act) => acceptanceNotice(documents, { ...act, acceptedOn, deemed: Boolean(deemed), mode }),
    };
  },
  不予受理(facts) {
    const reason = facts.required('refusalReason');
    // 不予受理 is decided in writing, with the reason (Art. 32): the applicant is told
    return {
      fields: { outcome: '不予受理' }, note: reason, variables: { acceptanceOutcome: 'refused' },
      notice: { title: '不予受理通知书', body: `您的申请 (受理编号 ${facts.text('receiptNumber') ?? ''}) 不予受理: ${reason}`, dedupKey: `not-accepted:${facts.stepKey}` },
      document: (documents, act) => refusalNotice(documents, { ...act, reason }),
    };
  },
  已告知补正(facts) {
    const summary = facts.text('applicationProblemSummary') ?? '';
    const receipt = facts.text('receiptNumber') ?? '';
    return {
      note: summary, variables: { acceptanceOutcome: 'notified', noticeGivenOn: facts.today() },
      notice: { title: '一次性告知书', body: `您申请的「${facts.text('itemName') ?? ''}」(受理编号 ${receipt}) 需补正以下全部内容:\n${summary}`, dedupKey: `notice:${facts.stepKey}` },
      document: (documents, act) => correctionNotice(documents, { ...act, problems: summary }),
    };
  },
  已决定(facts) {
    const decision = facts.required('decision');
    if (decision !== 'grant' && decision !== 'deny') throw new Error(`流程变量 decision 应为 grant 或 deny, 实际为 ${decision}`);
    const outcome = decision === 'grant' ? '准予' : '不予';
    return {
      fields: { outcome },
      note: decision === 'deny' ? facts.required('decisionReason') : facts.text('decisionContent'),
      variables: { decidedOn: facts.today(), decisionOutcome: outcome },
      document: (documents, act) => decisionDocument(documents, { ...act, granted: decision === 'grant', reason: facts.text('decisionReason'), content: facts.text('decisionContent') }),
    };
  },
  已办结(facts) {
    return { variables: {}, document: (documents, act) => deliveryReceipt(documents, { ...act, method: facts.text('deliveryMethod') === '邮寄' ? '邮寄送达' : '窗口领取' }) };
  },
  容缺逾期未补正(facts) {
    return { note: `容缺材料补正期限 ${facts.text('promiseDeadline') ?? ''} 已届满`, variables: { supplementOutcome: 'expired' } };
  },
  承诺期满未履行(facts) {
    const pushOn = facts.text('breachPushDeadline') ?? '';
    return {
      note: `承诺期满; 不履行承诺信息将于 ${pushOn} 推送`, variables: { commitmentOutcome: 'breached' },
      notice: {
        title: '告知承诺期满提醒',
        body: `您就「${facts.text('itemName') ?? ''}」(受理编号 ${facts.text('receiptNumber') ?? ''}) 作出的承诺已于 ${facts.text('promiseDeadline') ?? ''} 期满未履行。如在 ${pushOn} 前补交并经核查属实, 不再推送; 否则将于 ${pushOn} 将不履行承诺信息推送至信用平台, 并撤销许可决定。`,
        dedupKey: `commitment-expired:${facts.stepKey}`, kind: 'commitment-expired',
      },
    };
  },
  '未履行承诺, 办件终止'(facts) {
    const revoked = facts.text('revokedLicenceNumber');
    const kind = facts.text('promiseKind') ?? '';
    const body = `您就「${facts.text('itemName') ?? ''}」(受理编号 ${facts.text('receiptNumber') ?? ''}) 作出的${kind}承诺未履行, `
      + (revoked ? `已作出的许可决定 (证照 ${revoked}) 依法撤销, ` : '办件终止, ') + '并依规记入信用记录。';
    return { fields: { outcome: revoked ? '撤销' : '终止' }, note: body, variables: {}, notice: { title: '未履行承诺处理告知书', body, dedupKey: `breach:${facts.stepKey}`, kind: 'breach' } };
  },
  '择期补充勘验 (信用承诺)'() {
    return { note: '申请人作出信用承诺, 选择先发证、后择期补充勘验', variables: {} };
  },
  补充勘验完成(facts) {
    return { note: `补充勘验结论: ${facts.text('siteInspectionResult') ?? ''}; ${facts.text('siteInspectionOpinion') ?? ''}`, variables: {} };
  },
  容缺缺项已核查(facts) {
    // the follow-up of a gap tolerated at 容缺勘验, when its deadline fell due; a last period counts from today
    return { note: `缺项「${facts.required('gapDescription')}」(整改期限 ${facts.text('gapDeadline') ?? ''}): ${facts.required('gapRemedied')}; ${facts.required('gapCheckNote')}`, variables: { gapCheckedOn: facts.today() } };
  },
  容缺缺项限期整改(facts) {
    // not remedied: the applicant is told in writing, with a last period (限期整改通知书)
    const gap = facts.required('gapDescription');
    const deadline = facts.required('gapRectificationDeadline');
    return {
      note: `缺项「${gap}」未整改, 已发限期整改通知书: 最后整改期限 ${deadline}`, variables: {},
      document: (documents, act) => gapRectificationNotice(documents, { ...act, gap, gapDeadline: facts.text('gapDeadline') ?? '', checkNote: facts.text('gapCheckNote') ?? '', deadline, workingDays: GAP_RECTIFICATION_WORKING_DAYS }),
    };
  },
  容缺缺项已复查(facts) {
    return { note: `缺项「${facts.required('gapDescription')}」(最后整改期限 ${facts.text('gapRectificationDeadline') ?? ''}) 复查: ${facts.required('gapRecheckResult')}; ${facts.required('gapRecheckNote')}`, variables: {} };
  },
  退回重审(facts) {
    // 退回: the decision-maker sends the case back to the review section, with the reason
    return { note: `退回审查科室重新审查: ${facts.required('returnReason')}`, variables: { reviewReturned: true } };
  },
  已补正(facts) {
    // 补正 after a 一次性告知: the same case and receipt number, checked again, a new 5-day period
    return { note: `申请人已补正材料 (${facts.text('resubmissionChannel') ?? '窗口'}), 重新审核受理`, variables: {} };
  },
  征求意见(facts) {
    // 征求意见: the reviewer asks another section; the answer period runs from today
    const group = facts.required('consultationGroup');
    return { note: `征求${groupName(group)}意见: ${facts.required('consultationQuestion')}`, variables: { consultationRequestedOn: facts.today(), consultationGroupName: groupName(group), consultationAnswer: null } };
  },
  征求意见已答复(facts) {
    return { note: `${groupName(facts.required('consultationGroup'))}答复: ${facts.required('consultationAnswer')}`, variables: {} };
  },
  已撤回(facts) {
    // 撤回: the applicant withdrew before the decision; no decision, no licence; acknowledged in writing
    const channel = facts.text('withdrawalChannel') ?? '窗口';
    const reason = facts.text('withdrawalReason') ?? '';
    return {
      fields: { outcome: '撤回' }, note: `申请人撤回申请 (${channel}): ${reason}`, variables: {},
      document: (documents, act) => withdrawalAcknowledgement(documents, { ...act, reason, channel: channel.startsWith('网上') ? '网上平台' : '综合受理窗口' }),
    };
  },
  未补正办结() {
    return { fields: { outcome: '未补正' }, note: '补正期限届满, 申请人未补正材料', variables: {} };
  },
};

/** What recording `status` means for the case; an unknown status names the known ones. */
export function statusOutcome(status: string, facts: StatusFacts): StatusOutcome {
  const rule = STATUS_RULES[status];
  if (!rule) throw new Error(`未知的办件状态 caseStatus=${status}; 可用: ${Object.keys(STATUS_RULES).join(', ')}`);
  return rule(facts);
}
