// Idempotency, in one place (docs/developers.md, "Idempotency"):
// - `runOnce`: the guard of side effects that leave the engine (a receipt number, a licence
//   number, a 文书): keyed by business key + activity + kind, recorded in `side_effect` in the
//   same transaction as the effect, so a redelivered or duplicated external task never does it twice;
// - a message for another system goes through the outbox (lib/outbox), deduplicated by its key;
// - `lockKey`: a check-then-write on one key (a versioned save, an intake that must be taken
//   once) waits for the writer before it, then sees what that one stored.
import type { Knex } from 'knex';

export interface SideEffectKey {
  businessKey: string;
  activityId: string;
  kind: string;
}

export interface SideEffectOutcome<T> {
  result: T;
  /** true when the effect had already happened and its recorded result is returned */
  replayed: boolean;
}

/**
 * Runs `effect` at most once per key. The row and the effect's own writes commit together;
 * a concurrent duplicate waits on the unique index and then replays the recorded result, or
 * what `replay` reads (for a result that changes later, e.g. a licence revoked since).
 */
export function runOnce<T>(db: Knex, key: SideEffectKey, effect: (trx: Knex.Transaction) => Promise<T>, replay?: (trx: Knex.Transaction) => Promise<T>): Promise<SideEffectOutcome<T>> {
  const where = { business_key: key.businessKey, activity_id: key.activityId, kind: key.kind };
  return db.transaction(async (trx) => {
    const inserted = await trx('side_effect').insert(where).onConflict(['business_key', 'activity_id', 'kind']).ignore().returning('id');
    if (inserted.length === 0) {
      if (replay) return { result: await replay(trx), replayed: true };
      const row = await trx('side_effect').where(where).first('result');
      return { result: row.result as T, replayed: true };
    }
    const result = await effect(trx);
    await trx('side_effect').where(where).update({ result: JSON.stringify(result ?? null) });
    return { result, replayed: false };
  });
}

/**
 * Serialises the transactions that check-then-write the same `scope:key` (a transaction-scoped
 * advisory lock): the second waits until the first commits, then reads what it wrote.
 */
export async function lockKey(trx: Knex.Transaction, scope: string, key: string): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`${scope}:${key}`]);
}

/** lockKey for many keys of one scope in one statement, taken in key order so two batches never deadlock. */
export async function lockKeys(trx: Knex.Transaction, scope: string, keys: string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort().map((key) => `${scope}:${key}`);
  await trx.raw('select pg_advisory_xact_lock(hashtext(k)) from unnest(?::text[]) as k order by k', [sorted]);
}
