// A notice to the applicant (受理, 一次性告知, 容缺 and promise deadlines and their reminders, 延期,
// 特别程序, 决定, 出件, 撤回): queued in the outbox inside the act's own transaction, keyed by the
// act, to the SMS gateway (when the case has a phone) and to the notification callback of the
// platform client that submitted the case (when it registered one). Exactly once each.
import type { Knex } from 'knex';
import { findCaseByBusinessKey, type CaseRecord } from '../repositories/cases.js';
import { runOnce } from '../repositories/side-effects.js';
import { checkIdCardNumber, maskIdCardNumber } from '../validation/identifiers.js';
import { queueCallback } from './callback.js';
import { queueSms } from './sms.js';

export interface ApplicantNotice {
  /** the act's key: one notice per act, however often the act's task is delivered */
  key: string;
  /** a 文书 kind or promise-reminder */
  kind: string;
  /** its Chinese name */
  kindName: string;
  text: string;
  occurredOn: string;
  document?: { id: number; documentNumber: string };
}

/** A personal ID number never leaves in a notice: an analyst's template might print one. */
export function withoutIdNumbers(text: string): string {
  return text.replace(/\d{17}[\dXx]/g, (found) => (checkIdCardNumber(found).ok ? maskIdCardNumber(found) : found));
}

export async function queueApplicantNotice(trx: Knex.Transaction, record: CaseRecord, notice: ApplicantNotice): Promise<void> {
  const text = withoutIdNumbers(notice.text);
  const documentNumber = notice.document?.documentNumber ?? '';
  if (record.applicantPhone) {
    await queueSms(trx, notice.key, { to: record.applicantPhone, text, receiptNumber: record.receiptNumber, kind: notice.kind, documentNumber });
  }
  await queueCallback(trx, record.businessKey, notice.key, {
    event: notice.kind, eventName: notice.kindName, receiptNumber: record.receiptNumber, itemName: record.itemName, text, occurredOn: notice.occurredOn,
    ...(notice.document ? { documentId: notice.document.id, documentNumber } : {}),
  });
}

export interface NoticeAct {
  businessKey: string;
  /** what makes it one act: an activity instance, or an activity when once per case is meant */
  actId: string;
  kind: string;
  kindName: string;
  text: string;
  on: string;
}

/** A notice with no 文书 (a reminder, a promise run out): queued once per act. False: sent before. */
export async function sendApplicantNotice(db: Knex, act: NoticeAct): Promise<boolean> {
  const record = await findCaseByBusinessKey(db, act.businessKey);
  if (!record) throw new Error(`办件 ${act.businessKey} 未登记: 通知须在 case.register 之后发出`);
  const { replayed } = await runOnce(db, { businessKey: act.businessKey, activityId: act.actId, kind: `notice:${act.kind}` }, async (trx) => {
    await queueApplicantNotice(trx, record, { key: `${act.businessKey}:${act.actId}:${act.kind}`, kind: act.kind, kindName: act.kindName, text: act.text, occurredOn: act.on });
  });
  return !replayed;
}
