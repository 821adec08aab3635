// The outbox: a message is written with the record it carries and delivered later, with
// retries; (channel, dedup_key) is unique, so a retried task never enqueues twice.
import type { Knex } from 'knex';

export interface OutboxMessage {
  id: number;
  channel: string;
  dedupKey: string;
  payload: unknown;
  attempts: number;
}

export async function enqueue(db: Knex, channel: string, dedupKey: string, payload: unknown): Promise<void> {
  await db('outbox_message').insert({ channel, dedup_key: dedupKey, payload: JSON.stringify(payload) }).onConflict(['channel', 'dedup_key']).ignore();
}

/** Many messages in one statement per thousand (a batch of decisions); duplicates are ignored as above. */
export async function enqueueMany(db: Knex, channel: string, messages: Array<{ dedupKey: string; payload: unknown }>): Promise<void> {
  for (let i = 0; i < messages.length; i += 1000) {
    await db('outbox_message').insert(messages.slice(i, i + 1000).map((m) => ({ channel, dedup_key: m.dedupKey, payload: JSON.stringify(m.payload) })))
      .onConflict(['channel', 'dedup_key']).ignore();
  }
}

/** Due messages of a channel, locked for this transaction; other dispatchers skip them. */
function claimDue(trx: Knex.Transaction, channel: string, limit: number): Promise<OutboxMessage[]> {
  return trx('outbox_message').where({ channel, status: 'pending' }).where('next_attempt_at', '<=', trx.fn.now())
    .orderBy('id').limit(limit).forUpdate().skipLocked()
    .select('id', 'channel', { dedupKey: 'dedup_key' }, 'payload', 'attempts') as unknown as Promise<OutboxMessage[]>;
}

/**
 * Takes up to `limit` due messages of a channel and runs `deliver` on each inside the claim's
 * transaction (rows locked, skipped by other dispatchers); delivered ones are marked, failed
 * ones rescheduled with `backoff(attempts)`.
 */
export async function dispatchDue(db: Knex, channel: string, limit: number, deliver: (message: OutboxMessage) => Promise<void>, backoffMs: (attempts: number) => number): Promise<{ delivered: number; failed: number }> {
  return db.transaction(async (trx) => {
    const rows = await claimDue(trx, channel, limit);
    let delivered = 0;
    let failed = 0;
    for (const message of rows) {
      try {
        await deliver(message);
        await trx('outbox_message').where({ id: message.id }).update({ status: 'delivered', delivered_at: trx.fn.now(), attempts: message.attempts + 1, last_error: null });
        delivered += 1;
      } catch (error) {
        const attempts = message.attempts + 1;
        await trx('outbox_message').where({ id: message.id }).update({
          attempts, last_error: (error as Error).message.slice(0, 1000),
          next_attempt_at: trx.raw(`now() + (? || ' milliseconds')::interval`, [String(backoffMs(attempts))]),
        });
        failed += 1;
      }
    }
    return { delivered, failed };
  });
}

export type BatchOutcome = { ok: true } | { retry: string } | { reject: string };

/**
 * Like dispatchDue, for a receiver that takes many messages in one request and answers for
 * each: delivered, to retry later (a failure), or rejected (kept with the reason until fixed).
 */
export async function dispatchBatch(db: Knex, channel: string, limit: number, deliver: (messages: OutboxMessage[]) => Promise<Map<number, BatchOutcome>>, backoffMs: (attempts: number) => number): Promise<{ delivered: number; failed: number }> {
  return db.transaction(async (trx) => {
    const rows = await claimDue(trx, channel, limit);
    if (rows.length === 0) return { delivered: 0, failed: 0 };
    let outcomes: Map<number, BatchOutcome>;
    try {
      outcomes = await deliver(rows);
    } catch (error) {
      outcomes = new Map(rows.map((row) => [row.id, { retry: (error as Error).message }]));
    }
    // one statement for all delivered (the common case), one per refused or failed message
    const delivered = rows.filter((row) => 'ok' in (outcomes.get(row.id) ?? {}));
    if (delivered.length) {
      await trx('outbox_message').whereIn('id', delivered.map((row) => row.id))
        .update({ status: 'delivered', delivered_at: trx.fn.now(), attempts: trx.raw('attempts + 1'), last_error: null });
    }
    for (const row of rows) {
      const outcome = outcomes.get(row.id) ?? { retry: '接收方未答复此条' };
      const attempts = row.attempts + 1;
      if ('reject' in outcome) {
        await trx('outbox_message').where({ id: row.id }).update({ status: 'rejected', attempts, last_error: outcome.reject.slice(0, 1000) });
      } else if ('retry' in outcome) {
        await trx('outbox_message').where({ id: row.id }).update({ attempts, last_error: outcome.retry.slice(0, 1000), next_attempt_at: trx.raw(`now() + (? || ' milliseconds')::interval`, [String(backoffMs(attempts))]) });
      }
    }
    return { delivered: delivered.length, failed: rows.length - delivered.length };
  });
}

/** Sends a message again at the next round (a repair, or a fix after a rejection). */
export async function requeue(db: Knex, channel: string, dedupKey: string): Promise<boolean> {
  return (await db('outbox_message').where({ channel, dedup_key: dedupKey }).whereNot({ status: 'delivered' }).update({ status: 'pending', next_attempt_at: db.fn.now() })) > 0;
}

export async function outboxState(db: Knex, channel: string, dedupKey: string): Promise<{ status: string; attempts: number; lastError: string | null } | undefined> {
  return db('outbox_message').where({ channel, dedup_key: dedupKey }).first('status', 'attempts', { lastError: 'last_error' });
}
