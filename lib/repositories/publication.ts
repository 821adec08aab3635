// The 双公示 ledger: each published version of a licence record, and its message to the credit
// platform written in the same transaction (once per licence and version).
import type { Knex } from 'knex';
import type { LicenceRecord, PublicationAction } from '../publication/licence-record.js';
import { canonicalJson } from './catalogue.js';
import { enqueue } from './outbox.js';
import { lockKey } from './side-effects.js';

export const PUBLICATION_CHANNEL = 'publication';

export interface PublishedRecord {
  licenceNumber: string;
  version: number;
  businessKey: string;
  itemKey: string;
  action: PublicationAction;
  record: LicenceRecord;
  decisionDate: string;
  publishedAt: Date;
  acknowledgedAt: Date | null;
  rejectedReason: string | null;
}

const COLUMNS = (db: Knex) => [{ licenceNumber: 'licence_number' }, 'version', { businessKey: 'business_key' }, { itemKey: 'item_key' }, 'action', 'record',
  db.raw(`to_char(decision_date, 'YYYY-MM-DD') as "decisionDate"`), { publishedAt: 'published_at' }, { acknowledgedAt: 'acknowledged_at' }, { rejectedReason: 'rejected_reason' }];

export const publicationKey = (licenceNumber: string, version: number): string => `${licenceNumber}#${version}`;

/**
 * Publishes the record as the next version of its licence, unless the latest version already
 * says the same (a redelivered task, or a repair with nothing to repair).
 */
export async function publish(db: Knex, input: { licenceNumber: string; businessKey: string; itemKey: string; action: PublicationAction; record: LicenceRecord; decisionDate: string }): Promise<{ version: number; created: boolean }> {
  return db.transaction(async (trx) => {
    await lockKey(trx, 'publication', input.licenceNumber);
    const latest = await trx('publication_record').where({ licence_number: input.licenceNumber }).orderBy('version', 'desc').first('version', 'record');
    // jsonb reorders keys: compare canonical forms
    if (latest && canonicalJson(latest.record) === canonicalJson(input.record)) return { version: latest.version as number, created: false };
    const version = ((latest?.version as number | undefined) ?? 0) + 1;
    await trx('publication_record').insert({
      licence_number: input.licenceNumber, version, business_key: input.businessKey, item_key: input.itemKey, action: input.action,
      record: JSON.stringify(input.record), decision_date: input.decisionDate,
    });
    await enqueue(trx, PUBLICATION_CHANNEL, publicationKey(input.licenceNumber, version), { key: publicationKey(input.licenceNumber, version), version, action: input.action, record: input.record });
    return { version, created: true };
  });
}

export async function latestPublications(db: Knex, filter: { q?: string; item?: string; from?: string; to?: string } = {}, limit = 200): Promise<PublishedRecord[]> {
  const query = db('publication_record as p').select(...COLUMNS(db))
    .whereRaw('p.version = (select max(version) from publication_record x where x.licence_number = p.licence_number)')
    .orderBy('p.id', 'desc').limit(limit);
  const text = filter.q;
  if (text) query.where((q) => q.whereRaw("p.record->>'holderName' like ?", [`%${text}%`]).orWhereRaw("p.record->>'holderCode' = ?", [text]).orWhereRaw('p.licence_number = ?', [text]));
  if (filter.item) query.where('p.item_key', filter.item);
  if (filter.from) query.where('p.decision_date', '>=', filter.from);
  if (filter.to) query.where('p.decision_date', '<=', filter.to);
  return query as Promise<PublishedRecord[]>;
}

export async function publicationsOf(db: Knex, licenceNumber: string): Promise<PublishedRecord[]> {
  return db('publication_record').where({ licence_number: licenceNumber }).orderBy('version').select(...COLUMNS(db)) as Promise<PublishedRecord[]>;
}

export async function publicationsOfCase(db: Knex, businessKey: string): Promise<Array<Pick<PublishedRecord, 'licenceNumber' | 'version' | 'action' | 'publishedAt' | 'acknowledgedAt' | 'rejectedReason'>>> {
  return db('publication_record').where({ business_key: businessKey }).orderBy('version')
    .select({ licenceNumber: 'licence_number' }, 'version', 'action', { publishedAt: 'published_at' }, { acknowledgedAt: 'acknowledged_at' }, { rejectedReason: 'rejected_reason' });
}

/** Marks the records (keys licence#version) as acknowledged by the platform, in one statement. */
export async function markAcknowledged(db: Knex, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const pairs = keys.map((key) => { const [licence, version] = key.split('#'); return [licence!, Number(version)] as const; });
  await db('publication_record').whereIn(['licence_number', 'version'], pairs as unknown as Array<[string, number]>).update({ acknowledged_at: db.fn.now(), rejected_reason: null });
}

export async function markRejected(db: Knex, key: string, reason: string): Promise<void> {
  const [licenceNumber, version] = key.split('#');
  await db('publication_record').where({ licence_number: licenceNumber, version: Number(version) }).update({ rejected_reason: reason });
}
