// The 双公示 ledger: each published version of a licence record, and its message to the credit
// platform written in the same transaction (once per licence and version).
import type { Knex } from 'knex';
import type { LicenceRecord, PublicationAction } from '../publication/licence-record.js';
import { canonicalJson } from './catalogue.js';
import type { LicenceRecord as Licence } from './licences.js';
import { enqueueMany } from './outbox.js';
import { lockKeys } from './side-effects.js';

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

export interface PublicationInput { licenceNumber: string; businessKey: string; itemKey: string; action: PublicationAction; record: LicenceRecord; decisionDate: string }

/**
 * Publishes the record as the next version of its licence, unless the latest version already
 * says the same (a redelivered task, or a repair with nothing to repair).
 */
export async function publish(db: Knex, input: PublicationInput): Promise<{ version: number; created: boolean }> {
  return (await publishMany(db, [input]))[0]!;
}

/**
 * publish for many licences at once (a day's decisions, a re-publication): one transaction, a
 * statement per thousand records instead of three per record, a transaction per thousand (each
 * holds an advisory lock per licence, and PostgreSQL's lock table is finite). Locks are taken in
 * licence order, so two batches never deadlock.
 */
export async function publishMany(db: Knex, inputs: PublicationInput[]): Promise<Array<{ version: number; created: boolean }>> {
  const results: Array<{ version: number; created: boolean }> = [];
  for (let i = 0; i < inputs.length; i += 1000) results.push(...await publishChunk(db, inputs.slice(i, i + 1000)));
  return results;
}

async function publishChunk(db: Knex, inputs: PublicationInput[]): Promise<Array<{ version: number; created: boolean }>> {
  return db.transaction(async (trx) => {
    const numbers = [...new Set(inputs.map((input) => input.licenceNumber))].sort();
    await lockKeys(trx, 'publication', numbers);
    const latest = new Map<string, { version: number; record: unknown }>();
    const rows = await trx('publication_record').distinctOn('licence_number').whereRaw('licence_number = any(?::text[])', [numbers])
      .orderBy([{ column: 'licence_number' }, { column: 'version', order: 'desc' }]).select('licence_number', 'version', 'record') as Array<{ licence_number: string; version: number; record: unknown }>;
    for (const row of rows) latest.set(row.licence_number, row);
    const results: Array<{ version: number; created: boolean }> = [];
    const created: Array<PublicationInput & { version: number }> = [];
    for (const input of inputs) {
      const previous = latest.get(input.licenceNumber);
      // jsonb reorders keys: compare canonical forms
      if (previous && canonicalJson(previous.record) === canonicalJson(input.record)) {
        results.push({ version: previous.version, created: false });
        continue;
      }
      const version = (previous?.version ?? 0) + 1;
      latest.set(input.licenceNumber, { version, record: input.record });
      created.push({ ...input, version });
      results.push({ version, created: true });
    }
    if (created.length) {
      await trx('publication_record').insert(created.map((input) => ({
        licence_number: input.licenceNumber, version: input.version, business_key: input.businessKey, item_key: input.itemKey, action: input.action,
        record: JSON.stringify(input.record), decision_date: input.decisionDate,
      })));
    }
    await enqueueMany(trx, PUBLICATION_CHANNEL, created.map((input) => {
      const key = publicationKey(input.licenceNumber, input.version);
      return { dedupKey: key, payload: { key, version: input.version, action: input.action, record: input.record } };
    }));
    return results;
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

/** Marks the records (keys licence#version) as acknowledged by the platform, in one statement (a join, not a list of pairs). */
export async function markAcknowledged(db: Knex, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const pairs = keys.map((key) => key.split('#'));
  await db.raw(`update publication_record p set acknowledged_at = now(), rejected_reason = null
    from unnest(?::text[], ?::int[]) as k(licence_number, version) where p.licence_number = k.licence_number and p.version = k.version`,
  [pairs.map(([licence]) => licence!), pairs.map(([, version]) => Number(version))]);
}

export async function markRejected(db: Knex, key: string, reason: string): Promise<void> {
  const [licenceNumber, version] = key.split('#');
  await db('publication_record').where({ licence_number: licenceNumber, version: Number(version) }).update({ rejected_reason: reason });
}

/** One decision as the 台账比对 sees it: the licence, the latest ledger version, its message. */
export interface LedgerEntry {
  licenceNumber: string;
  licence: Licence | undefined;
  published: PublishedRecord | undefined;
  message: { status: string; lastError: string | null } | undefined;
}

const date = (db: Knex, column: string, alias: string) => db.raw(`to_char(${column}, 'YYYY-MM-DD') as "${alias}"`);

/**
 * The 台账比对 in one pass: of the decisions (the licence numbers given, or every licence when
 * none are), only those whose ledger record is missing, unacknowledged or differs from the
 * licence on a compared field; and the ledger's licences no decision stands behind (extra).
 */
export async function ledgerDifferences(db: Knex, decided?: string[]): Promise<{ entries: LedgerEntry[]; extra: string[]; published: number; decisions: number }> {
  const latest = db('publication_record').distinctOn('licence_number').orderBy([{ column: 'licence_number' }, { column: 'version', order: 'desc' }])
    .select('licence_number', 'version', 'business_key', 'item_key', 'action', 'record', 'decision_date', 'published_at', 'acknowledged_at', 'rejected_reason');
  const query = db.with('latest', latest);
  // the decisions full-joined with the ledger: no decision is an extra record, no record a missing one
  if (decided) {
    query.from(db.raw('unnest(?::text[]) as d(licence_number)', [[...new Set(decided)]])).fullOuterJoin('latest as p', 'p.licence_number', 'd.licence_number')
      .leftJoin('licence as l', 'l.licence_number', 'd.licence_number');
  } else {
    query.from('licence as l').fullOuterJoin('latest as p', 'p.licence_number', 'l.licence_number');
  }
  const decision = decided ? 'd.licence_number' : 'l.licence_number';
  const differs = (field: string, column: string) => `p.record->>'${field}' is distinct from ${column}`;
  const rows = await query
    .leftJoin('outbox_message as o', (join) => join.on('o.channel', db.raw('?', [PUBLICATION_CHANNEL])).andOn('o.dedup_key', db.raw(`p.licence_number || '#' || p.version`)))
    .whereNull(decision).orWhereNull('p.licence_number').orWhereNull('p.acknowledged_at')
    .orWhere((q) => q.whereNotNull('l.licence_number').andWhereRaw([differs('status', 'l.status'), differs('holderName', 'l.holder_name'), differs('licenceContent', 'l.content'),
      differs('validUntil', `to_char(l.valid_until, 'YYYY-MM-DD')`), differs('decisionDate', `to_char(l.decided_on, 'YYYY-MM-DD')`)].join(' or ')))
    .select({ decided: decision, number: db.raw(`coalesce(${decision}, p.licence_number)`), licenceNumber: 'l.licence_number', businessKey: 'l.business_key', receiptNumber: 'l.receipt_number',
      itemKey: 'l.item_key', itemVersion: 'l.item_version', resultName: 'l.result_name', holderName: 'l.holder_name', holderCategory: 'l.holder_category', content: 'l.content', status: 'l.status',
      pVersion: 'p.version', pBusinessKey: 'p.business_key', pItemKey: 'p.item_key', pAction: 'p.action', pRecord: 'p.record', pPublishedAt: 'p.published_at',
      pAcknowledgedAt: 'p.acknowledged_at', pRejectedReason: 'p.rejected_reason', oStatus: 'o.status', oLastError: 'o.last_error' },
    date(db, 'l.decided_on', 'decidedOn'), date(db, 'l.valid_from', 'validFrom'), date(db, 'l.valid_until', 'validUntil'), date(db, 'p.decision_date', 'pDecisionDate')) as Array<Record<string, any>>;
  const entries = rows.filter((row) => row.decided).map((row): LedgerEntry => ({
    licenceNumber: row.number,
    licence: row.licenceNumber ? {
      licenceNumber: row.licenceNumber, businessKey: row.businessKey, receiptNumber: row.receiptNumber, itemKey: row.itemKey, itemVersion: row.itemVersion, resultName: row.resultName,
      holderName: row.holderName, holderCategory: row.holderCategory, content: row.content, status: row.status, decidedOn: row.decidedOn, validFrom: row.validFrom, validUntil: row.validUntil,
    } : undefined,
    published: row.pVersion ? {
      licenceNumber: row.number, version: row.pVersion, businessKey: row.pBusinessKey, itemKey: row.pItemKey, action: row.pAction, record: row.pRecord, decisionDate: row.pDecisionDate,
      publishedAt: row.pPublishedAt, acknowledgedAt: row.pAcknowledgedAt, rejectedReason: row.pRejectedReason,
    } : undefined,
    message: row.oStatus ? { status: row.oStatus, lastError: row.oLastError } : undefined,
  }));
  const extra = rows.filter((row) => !row.decided).map((row) => row.number as string);
  const decisions = decided ? new Set(decided).size : Number((await db('licence').count({ count: '*' }).first())?.count);
  // every decision has a ledger record but the missing ones, and the extra ones have one too
  return { entries, extra, decisions, published: decisions - entries.filter((entry) => !entry.published).length + extra.length };
}
