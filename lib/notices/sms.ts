// Notices to the applicant by SMS: queued in the outbox with the document they announce (same
// transaction, keyed by the act), delivered to SHENPI_SMS_URL with an Idempotency-Key, retried
// while the gateway is down. Without a gateway they wait in the outbox, listed as not sent.
import type { Knex } from 'knex';
import { enqueue, outboxState } from '../repositories/outbox.js';

export const SMS_CHANNEL = 'sms';

export interface SmsMessage { to: string; text: string; receiptNumber: string; kind: string; documentNumber: string }

export const smsKey = (actKey: string): string => `sms:${actKey}`;

export async function queueSms(trx: Knex.Transaction, actKey: string, message: SmsMessage): Promise<void> {
  await enqueue(trx, SMS_CHANNEL, smsKey(actKey), message);
}

export type SmsStatus = '已发送' | '待发送' | '未配置短信网关' | '无手机号' | '无短信';

/** What became of a document's notice, as the case record shows it. */
export async function smsStatus(db: Knex, actKey: string, gatewayConfigured: boolean): Promise<{ status: SmsStatus; attempts: number; lastError: string | null }> {
  const state = await outboxState(db, SMS_CHANNEL, smsKey(actKey));
  if (!state) return { status: '无短信', attempts: 0, lastError: null };
  if (state.status === 'delivered') return { status: '已发送', attempts: state.attempts, lastError: null };
  return { status: gatewayConfigured ? '待发送' : '未配置短信网关', attempts: state.attempts, lastError: state.lastError };
}
