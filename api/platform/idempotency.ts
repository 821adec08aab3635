// Idempotency for every creating POST of the platform API: the `Idempotency-Key` header is
// required; the first request that succeeds (2xx) stores its answer with a hash of the request,
// in the same transaction as what it created. The same key with the same request replays that
// answer (same status and body, header `Idempotent-Replayed: true`); with another request it is
// refused. A refused request (4xx) stores nothing, so the corrected one may use the same key.
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import { canonicalJson } from '../../lib/repositories/catalogue.js';
import { claimRequest, completeRequest, findRequest, type PlatformRequest } from '../../lib/repositories/platform.js';
import { HttpError } from '../errors.js';

export interface Answer { status: number; body: unknown }

const KEY_PATTERN = /^[A-Za-z0-9._:~-]{8,128}$/;

export function idempotencyKeyOf(req: Request): string {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || key === '') {
    throw new HttpError(400, 'idempotency-key-required', '缺少 Idempotency-Key 请求头', [{ field: 'Idempotency-Key', rule: 'required', message: '每个提交请求须带 Idempotency-Key 请求头 (同一申请重试时使用同一个值), 以免重复立案' }]);
  }
  if (!KEY_PATTERN.test(key)) {
    throw new HttpError(400, 'bad-request', 'Idempotency-Key 格式不正确', [{ field: 'Idempotency-Key', rule: 'pattern', message: 'Idempotency-Key 应为 8 到 128 个字母、数字或 . _ : ~ - (建议使用 UUID)' }]);
  }
  return key;
}

/** SHA-256 of the request: operation, canonical JSON (key order ignored) and each file's digest. */
export function requestHash(operation: string, body: unknown, files: Array<{ part: string; filename: string; sha256: string }> = []): string {
  return createHash('sha256').update(canonicalJson({ operation, body, files: files.map(({ part, filename, sha256 }) => ({ part, filename, sha256 })) })).digest('hex');
}

function answerFor(found: PlatformRequest, hash: string): Answer {
  if (found.requestHash !== hash) {
    throw new HttpError(422, 'idempotency-key-reused', '该 Idempotency-Key 已用于另一份不同的请求', [{ field: 'Idempotency-Key', rule: 'reused', message: '该 Idempotency-Key 已用于另一份内容不同的请求; 新的申请请使用新的 Idempotency-Key, 重试请原样重发' }]);
  }
  return { status: found.responseStatus ?? 200, body: found.response };
}

export function send(res: Response, answer: Answer & { replayed?: boolean }): void {
  if (answer.replayed) res.set('Idempotent-Replayed', 'true');
  res.status(answer.status).json(answer.body);
}

export class Idempotency {
  constructor(private readonly db: Knex) {}

  /** The stored answer of an earlier request with this key, before any new work is done. */
  async known(clientId: string, key: string, hash: string): Promise<(Answer & { replayed: true }) | undefined> {
    const found = await findRequest(this.db, clientId, key);
    return found ? { ...answerFor(found, hash), replayed: true } : undefined;
  }

  /**
   * Runs `work` once per client and key, in one transaction with the key's claim: its answer is
   * stored with what it wrote; if it throws, nothing is. A concurrent duplicate waits, then replays.
   */
  async once(claim: { clientId: string; key: string; operation: string; hash: string }, work: (trx: Knex.Transaction, requestId: number) => Promise<Answer>): Promise<Answer & { replayed: boolean }> {
    const done = await this.db.transaction(async (trx) => {
      const id = await claimRequest(trx, { clientId: claim.clientId, idempotencyKey: claim.key, operation: claim.operation, requestHash: claim.hash });
      if (id === undefined) return undefined;
      const answer = await work(trx, id);
      await completeRequest(trx, id, answer.status, answer.body);
      return answer;
    });
    if (done) return { ...done, replayed: false };
    const found = await findRequest(this.db, claim.clientId, claim.key);
    if (!found) throw new HttpError(409, 'conflict', '同一 Idempotency-Key 的请求正在处理, 请稍后重试', [{ field: 'Idempotency-Key', rule: 'inProgress', message: '同一 Idempotency-Key 的请求正在处理, 请稍后原样重试' }]);
    return { ...answerFor(found, claim.hash), replayed: true };
  }
}
