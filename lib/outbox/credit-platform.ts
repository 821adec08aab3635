// The credit platform (信用平台) as shenpi talks to it: each record is POSTed as JSON with an
// Idempotency-Key (derived from its event key), which the platform uses to store a retried record once.
// Anything but 2xx is a failure the outbox retries.
import { createHash } from 'node:crypto';
import type { OutboxMessage } from '../repositories/outbox.js';

/** HTTP headers carry ASCII only: the key is the SHA-256 of the record's event key. */
export function idempotencyKey(eventKey: string): string {
  return createHash('sha256').update(eventKey).digest('hex');
}

export interface CreditPlatformSettings {
  url: string;
  token: string | undefined;
  timeoutMs: number;
}

/** One POST per message (credit records, decisions for the supervising departments). */
export function httpDelivery(settings: CreditPlatformSettings): (message: OutboxMessage) => Promise<void> {
  return async (message) => {
    const response = await fetch(settings.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey(message.dedupKey),
        ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
      },
      body: JSON.stringify(message.payload),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    if (!response.ok) throw new Error(`信用平台返回 ${response.status}: ${(await response.text()).slice(0, 200)}`);
  };
}

export interface CreditQuery {
  dishonest: boolean;
  reasons: string[];
}

/** Asks the platform whether a subject is on a 失信 list (optional: SHENPI_CREDIT_QUERY_URL). */
export async function queryCreditPlatform(url: string, subjectCode: string, timeoutMs: number): Promise<CreditQuery> {
  const response = await fetch(`${url}?code=${encodeURIComponent(subjectCode)}`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`信用平台查询返回 ${response.status}`);
  const body = (await response.json()) as Partial<CreditQuery>;
  return { dishonest: body.dishonest === true, reasons: Array.isArray(body.reasons) ? body.reasons.map(String) : [] };
}
