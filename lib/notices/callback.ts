// The 网上平台's notification callback: a platform client may register a URL; each notice of a
// case it submitted is queued in the outbox (same transaction as the act, one per act) and
// POSTed there as JSON with an Idempotency-Key, retried while the platform is down. The URL is
// read when the notice goes out, so a corrected URL takes the notices still waiting; a client
// revoked (or its callback removed) gets no more: the waiting notices are rejected, with why.
// Each POST is signed with the client's callback secret (./signature.ts).
import type { Knex } from 'knex';
import type { Problem } from '../errors.js';
import { idempotencyKey } from '../outbox/credit-platform.js';
import type { BatchOutcome, OutboxMessage } from '../repositories/outbox.js';
import { enqueue } from '../repositories/outbox.js';
import { activeCallback, callbackClientOfCase } from '../repositories/platform.js';
import { signatureHeaders } from './signature.js';

export const CALLBACK_CHANNEL = 'platform-callback';

/** What the platform receives: the case's notice, never a personal ID number nor the phone. */
export interface CallbackNotice {
  /** the notice's kind: a 文书 kind (acceptance, grant …) or promise-reminder */
  event: string;
  /** its Chinese name (受理通知书, 承诺期限提醒 …) */
  eventName: string;
  receiptNumber: string;
  itemName: string;
  /** the short text the applicant is sent */
  text: string;
  /** ISO date of the act */
  occurredOn: string;
  /** the 文书 that goes with it: downloadable at /api/v1/cases/<受理编号>/documents/<documentId> */
  documentId?: number;
  documentNumber?: string;
}

const MAX_URL_LENGTH = 2000;

/**
 * What a registered callback URL must be: absolute http(s) (https only in production: the notices
 * name the applicant), no user or password in it (a secret in a URL ends up in logs), no fragment.
 */
export function callbackUrlProblems(value: unknown, productionMode: boolean, field = 'callbackUrl'): Problem[] {
  const problem = (rule: string, message: string): Problem[] => [{ field, rule, message: `回调地址 ${field} ${message}` }];
  if (typeof value !== 'string' || !value.trim()) return problem('required', '应为 http(s) 地址的文本');
  if (value.length > MAX_URL_LENGTH) return problem('length', `不能超过 ${MAX_URL_LENGTH} 个字符`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return problem('url', `不是合法的 URL: "${value.slice(0, 100)}"`);
  }
  const protocols = productionMode ? ['https:'] : ['http:', 'https:'];
  if (!protocols.includes(url.protocol)) return problem('protocol', `协议应为 ${protocols.join(' 或 ')}, 实际为 ${url.protocol}`);
  if (url.username || url.password) return problem('credentials', '不能含用户名或密码');
  if (url.hash) return problem('fragment', '不能含 # 片段');
  return [];
}

interface CallbackMessage { clientId: string; notice: CallbackNotice }

export const callbackKey = (noticeKey: string): string => `callback:${noticeKey}`;

/** Queues the notice for the client that submitted the case, if it registered a callback. */
export async function queueCallback(trx: Knex.Transaction, businessKey: string, noticeKey: string, notice: CallbackNotice): Promise<boolean> {
  const clientId = await callbackClientOfCase(trx, businessKey);
  if (!clientId) return false;
  await enqueue(trx, CALLBACK_CHANNEL, callbackKey(noticeKey), { clientId, notice } satisfies CallbackMessage);
  return true;
}

export interface CallbackSettings { timeoutMs: number }

async function post(callback: { url: string; secret: string }, message: OutboxMessage, notice: CallbackNotice, settings: CallbackSettings): Promise<BatchOutcome> {
  const body = JSON.stringify(notice);
  try {
    const response = await fetch(callback.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey(message.dedupKey), ...signatureHeaders(callback.secret, body) },
      body,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    return response.ok ? { ok: true } : { retry: `平台回调返回 ${response.status}: ${(await response.text()).slice(0, 200)}` };
  } catch (error) {
    return { retry: `平台回调不可达: ${(error as Error).message}` };
  }
}

/** Delivers each message to its client's callback (one POST each): 2xx = delivered, else retried. */
export function callbackDelivery(db: Knex, settings: CallbackSettings): (messages: OutboxMessage[]) => Promise<Map<number, BatchOutcome>> {
  return async (messages) => {
    const outcomes = new Map<number, BatchOutcome>();
    // a platform that failed once in a round is not tried again in it (its timeouts would hold up the others)
    const failed = new Map<string, string>();
    for (const message of messages) {
      const { clientId, notice } = message.payload as CallbackMessage;
      const callback = await activeCallback(db, clientId);
      if (!callback) {
        outcomes.set(message.id, { reject: `平台 ${clientId} 已停用或已撤销回调地址` });
        continue;
      }
      const earlier = failed.get(clientId);
      if (earlier) {
        outcomes.set(message.id, { retry: earlier });
        continue;
      }
      const outcome = await post(callback, message, notice, settings);
      if ('retry' in outcome) failed.set(clientId, outcome.retry);
      outcomes.set(message.id, outcome);
    }
    return outcomes;
  };
}
