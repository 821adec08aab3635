// 一件事 bundles (versioned like items) and the opinions of their joint inspections.
import type { Knex } from 'knex';
import type { BundleEntry } from '../catalogue/bundle.js';
import { canonicalJson } from './catalogue.js';

export async function latestBundle(db: Knex, key: string): Promise<{ version: number; entry: BundleEntry } | undefined> {
  return db('catalogue_bundle').where({ bundle_key: key }).orderBy('version', 'desc').first('version', 'entry');
}

export async function getBundleVersion(db: Knex, key: string, version: number): Promise<BundleEntry | undefined> {
  return (await db('catalogue_bundle').where({ bundle_key: key, version }).first('entry'))?.entry as BundleEntry | undefined;
}

export async function listBundles(db: Knex): Promise<Array<{ key: string; version: number; entry: BundleEntry }>> {
  return db('catalogue_bundle').distinctOn('bundle_key').orderBy([{ column: 'bundle_key' }, { column: 'version', order: 'desc' }])
    .select({ key: 'bundle_key' }, 'version', 'entry');
}

export async function saveBundle(db: Knex, entry: BundleEntry, by: string): Promise<{ version: number; changed: boolean }> {
  return db.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`bundle:${entry.key}`]);
    const latest = await trx('catalogue_bundle').where({ bundle_key: entry.key }).orderBy('version', 'desc').first('version', 'entry');
    if (latest && canonicalJson(latest.entry) === canonicalJson(entry)) return { version: latest.version as number, changed: false };
    const version = ((latest?.version as number | undefined) ?? 0) + 1;
    await trx('catalogue_bundle').insert({ bundle_key: entry.key, version, entry: JSON.stringify(entry), created_by: by });
    return { version, changed: true };
  });
}

export interface Opinion { groupId: string; opinion: '同意' | '有条件同意' | '不同意'; conditions: string | null; reason: string | null; inspector: string | null }

/** Records a department's opinion; a redelivered task keeps the first. */
export async function recordOpinion(db: Knex, businessKey: string, opinion: Opinion): Promise<void> {
  await db('joint_inspection_opinion').insert({ business_key: businessKey, group_id: opinion.groupId, opinion: opinion.opinion, conditions: opinion.conditions, reason: opinion.reason, inspector: opinion.inspector })
    .onConflict(['business_key', 'group_id']).ignore();
}

export async function opinionsOf(db: Knex, businessKey: string): Promise<Opinion[]> {
  return db('joint_inspection_opinion').where({ business_key: businessKey }).orderBy('id')
    .select({ groupId: 'group_id' }, 'opinion', 'conditions', 'reason', 'inspector');
}

/** The item cases a bundle case started (business keys `<bundle>:<item>`). */
export async function childCases(db: Knex, bundleBusinessKey: string): Promise<Array<{ businessKey: string; itemKey: string; itemName: string; receiptNumber: string; status: string; outcome: string | null }>> {
  return db('case_record').whereLike('business_key', `${bundleBusinessKey}:%`).orderBy('id')
    .select({ businessKey: 'business_key' }, { itemKey: 'item_key' }, { itemName: 'item_name' }, { receiptNumber: 'receipt_number' }, 'status', 'outcome');
}
