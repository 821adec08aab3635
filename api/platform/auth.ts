// Platform clients authenticate with their API key (`Authorization: Bearer spk_…` or
// `X-Api-Key: spk_…`), then spend a token of their own bucket (429 with Retry-After when empty).
import type { NextFunction, Request, Response } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../lib/config.js';
import { parseApiKey, secretMatches } from '../../lib/platform/api-keys.js';
import { activeClientKey, type PlatformClient } from '../../lib/repositories/platform.js';
import { HttpError } from '../errors.js';
import type { TokenBuckets } from './rate-limit.js';

declare module 'express-serve-static-core' {
  interface Request {
    platformClient?: PlatformClient;
  }
}

export class RateLimited extends HttpError {
  constructor(readonly retryAfterSeconds: number, message: string) {
    super(429, 'rate-limited', message, [{ field: 'request', rule: 'rateLimit', message }]);
    this.headers['Retry-After'] = String(Math.ceil(retryAfterSeconds));
  }
}

const unauthenticated = (message: string): HttpError =>
  new HttpError(401, 'unauthenticated', message, [{ field: 'Authorization', rule: 'apiKey', message }]);

function presentedKey(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const apiKey = req.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
}

export function requirePlatformClient(db: Knex, config: Config, buckets: TokenBuckets) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const key = presentedKey(req);
    if (!key) return next(unauthenticated('缺少 API 密钥: 请在 Authorization: Bearer <密钥> 或 X-Api-Key 请求头中提供平台的 API 密钥'));
    const parsed = parseApiKey(key);
    const found = parsed ? await activeClientKey(db, parsed.clientId) : undefined;
    if (!parsed || !found || !secretMatches(parsed.secret, found.key)) return next(unauthenticated('API 密钥无效或已停用'));
    const { client } = found;
    const taken = buckets.take(`client:${client.id}`, { perMinute: client.ratePerMinute ?? config.platformApi.ratePerMinute, burst: client.rateBurst ?? config.platformApi.rateBurst });
    if (!taken.ok) return next(new RateLimited(taken.retryAfterSeconds, `请求过于频繁, 已超过该平台的调用限额, 请 ${taken.retryAfterSeconds} 秒后重试`));
    req.platformClient = client;
    next();
  };
}
