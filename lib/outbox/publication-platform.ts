// 双公示 to the credit platform: many records per request (the platform's batch interface), an
// answer per record. Accepted records are acknowledged in the ledger; a rejected record keeps
// the platform's reason and waits for a fix; a failed request is retried whole.
import type { Knex } from 'knex';
import type { BatchOutcome, OutboxMessage } from '../repositories/outbox.js';
import { markAcknowledged, markRejected } from '../repositories/publication.js';
import type { CreditPlatformSettings } from './credit-platform.js';

interface PlatformAnswer { results?: Array<{ key: string; status: 'accepted' | 'rejected'; reason?: string }> }

export function publicationDelivery(db: Knex, settings: CreditPlatformSettings): (messages: OutboxMessage[]) => Promise<Map<number, BatchOutcome>> {
  return async (messages) => {
    const response = await fetch(settings.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}) },
      body: JSON.stringify({ records: messages.map((message) => message.payload) }),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    if (!response.ok) throw new Error(`信用平台返回 ${response.status}: ${(await response.text()).slice(0, 200)}`);
    const answer = (await response.json().catch(() => ({}))) as PlatformAnswer;
    const byKey = new Map((answer.results ?? []).map((result) => [result.key, result]));
    const outcomes = new Map<number, BatchOutcome>();
    const acknowledged: string[] = [];
    for (const message of messages) {
      const result = byKey.get(message.dedupKey);
      if (result?.status === 'rejected') {
        const reason = result.reason ?? '信用平台拒收 (未说明原因)';
        await markRejected(db, message.dedupKey, reason);
        outcomes.set(message.id, { reject: reason });
      } else if (result?.status === 'accepted' || (!answer.results && response.ok)) {
        acknowledged.push(message.dedupKey);
        outcomes.set(message.id, { ok: true });
      } else {
        outcomes.set(message.id, { retry: '信用平台未答复此条' });
      }
    }
    await markAcknowledged(db, acknowledged);
    return outcomes;
  };
}
