// Catalogue versions: saving an entry that differs from its latest version inserts the next
// version; versions are never updated, so a case can always re-read the one it started with.
import type { Knex } from 'knex';
import type { CatalogueEntry } from '../catalogue/entry.js';
import { lockKey } from './side-effects.js';

export interface CatalogueVersion {
  key: string;
  version: number;
  entry: CatalogueEntry;
  createdBy: string;
  createdAt: Date;
}

interface Row { item_key: string; version: number; entry: CatalogueEntry; created_by: string; created_at: Date }

const toVersion = (row: Row): CatalogueVersion => ({ key: row.item_key, version: row.version, entry: row.entry, createdBy: row.created_by, createdAt: row.created_at });

/** JSON with sorted keys, so that key order never makes a new version. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function latestVersion(db: Knex, key: string): Promise<CatalogueVersion | undefined> {
  const row = await db<Row>('catalogue_item').where({ item_key: key }).orderBy('version', 'desc').first();
  return row ? toVersion(row) : undefined;
}

export async function getVersion(db: Knex, key: string, version: number): Promise<CatalogueVersion | undefined> {
  const row = await db<Row>('catalogue_item').where({ item_key: key, version }).first();
  return row ? toVersion(row) : undefined;
}

export async function listLatest(db: Knex): Promise<CatalogueVersion[]> {
  const rows = await db<Row>('catalogue_item')
    .distinctOn('item_key').orderBy([{ column: 'item_key' }, { column: 'version', order: 'desc' }]);
  return rows.map(toVersion);
}

export async function listVersions(db: Knex, key: string): Promise<CatalogueVersion[]> {
  return (await db<Row>('catalogue_item').where({ item_key: key }).orderBy('version')).map(toVersion);
}

export interface SaveOutcome {
  version: number;
  /** false when the entry equals its latest version (nothing written) */
  changed: boolean;
}

/** The caller has checked the entry. Serialised per item by a row lock on the latest version. */
export async function saveEntry(db: Knex, entry: CatalogueEntry, by: string): Promise<SaveOutcome> {
  return db.transaction(async (trx) => {
    await lockKey(trx, 'catalogue', entry.key);
    const latest = await trx<Row>('catalogue_item').where({ item_key: entry.key }).orderBy('version', 'desc').first();
    if (latest && canonicalJson(latest.entry) === canonicalJson(entry)) return { version: latest.version, changed: false };
    const version = (latest?.version ?? 0) + 1;
    await trx('catalogue_item').insert({ item_key: entry.key, version, code: entry.code, name: entry.name, status: entry.status, entry: JSON.stringify(entry), created_by: by });
    return { version, changed: true };
  });
}

export async function itemExists(db: Knex, key: string): Promise<boolean> {
  return Boolean(await db('catalogue_item').where({ item_key: key }).first('id'));
}
