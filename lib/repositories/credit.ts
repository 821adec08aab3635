// 信用记录 kept by shenpi: written once per case and event, each naming its rule, and queued
// for the credit platform in the same transaction.
import type { Knex } from 'knex';
import { enqueue } from './outbox.js';

export type CreditKind = '承诺' | '履约' | '违约' | '不良记录' | '失信';

export interface NewCreditRecord {
  subjectCode: string;
  subjectName: string;
  kind: CreditKind;
  rule: string;
  businessKey?: string;
  receiptNumber?: string;
  /** unique per case and event: a retried task finds the first record */
  eventKey: string;
  detail?: unknown;
  validUntil?: string;
  createdBy: string;
}

export interface CreditRecord extends NewCreditRecord { id: number; createdAt: Date }

export const CREDIT_CHANNEL = 'credit';

/** Records that make an applicant ineligible for 容缺 or 告知承诺. */
export const BLOCKING_KINDS: CreditKind[] = ['失信', '违约', '不良记录'];

const COLUMNS = ['id', { subjectCode: 'subject_code' }, { subjectName: 'subject_name' }, 'kind', 'rule', { businessKey: 'business_key' }, { receiptNumber: 'receipt_number' },
  { eventKey: 'event_key' }, 'detail', { createdBy: 'created_by' }, { createdAt: 'created_at' }] as const;

export async function recordCredit(db: Knex, record: NewCreditRecord): Promise<{ created: boolean }> {
  return db.transaction(async (trx) => {
    const inserted = await trx('credit_record').insert({
      subject_code: record.subjectCode, subject_name: record.subjectName, kind: record.kind, rule: record.rule,
      business_key: record.businessKey ?? null, receipt_number: record.receiptNumber ?? null, event_key: record.eventKey,
      detail: record.detail === undefined ? null : JSON.stringify(record.detail), valid_until: record.validUntil ?? null, created_by: record.createdBy,
    }).onConflict('event_key').ignore().returning('id');
    if (inserted.length === 0) return { created: false };
    await enqueue(trx, CREDIT_CHANNEL, record.eventKey, {
      eventKey: record.eventKey, subjectCode: record.subjectCode, subjectName: record.subjectName, kind: record.kind, rule: record.rule,
      receiptNumber: record.receiptNumber ?? null, detail: record.detail ?? null, recordedAt: new Date().toISOString(),
    });
    return { created: true };
  });
}

/** The records that stand against a subject today (失信, 违约, 不良记录 not expired). */
export async function blockingRecords(db: Knex, subjectCode: string, today: string): Promise<CreditRecord[]> {
  return db('credit_record').where({ subject_code: subjectCode }).whereIn('kind', BLOCKING_KINDS)
    .where((query) => query.whereNull('valid_until').orWhere('valid_until', '>=', today)).orderBy('id').select(...COLUMNS);
}

export async function listCreditRecords(db: Knex, filter: { subjectCode?: string; businessKey?: string } = {}, limit = 500): Promise<CreditRecord[]> {
  const query = db('credit_record').orderBy('id', 'desc').limit(limit).select(...COLUMNS);
  if (filter.subjectCode) query.where({ subject_code: filter.subjectCode });
  if (filter.businessKey) query.where({ business_key: filter.businessKey });
  return query;
}
