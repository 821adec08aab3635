// Errors into answers, in one place: routes and the library throw typed errors (HttpError here,
// InvalidInput / NotFound / Conflict / Permanent from lib/errors.ts); `errorHandler` turns them
// into responses. Whatever the client sent wrong is a 4xx naming the field and the rule; only
// our own faults are a 5xx, logged, with no internals in the answer.
import type { NextFunction, Request, Response } from 'express';
import { EngineRequestError } from '../lib/engine/client.js';
import { Conflict, InvalidInput, NotFound, Permanent, type Problem } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';

export class HttpError extends Error {
  /** headers of the answer (e.g. Retry-After) */
  readonly headers: Record<string, string> = {};

  /** `extra`: further fields of the answer (e.g. the 一次性告知书 beside its problem list) */
  constructor(readonly status: number, readonly code: string, message: string, readonly problems?: Problem[], readonly extra?: Record<string, unknown>) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (message: string, problems?: Problem[]): HttpError => new HttpError(404, 'not-found', message, problems);
export const forbidden = (message: string): HttpError => new HttpError(403, 'forbidden', message);
/** 400 with every problem (each names its field and rule) */
export const badRequest = (message: string, problems: Problem[]): HttpError => new HttpError(400, 'bad-request', message, problems);
/** 400 for one field breaking one rule */
export const invalidField = (field: string, rule: string, message: string): HttpError => badRequest(message, [{ field, rule, message }]);

const INTERNAL = '服务器内部错误, 请稍后重试或联系运维';

/** PostgreSQL restarting or unreachable (admin shutdown, cannot connect now, connection failures) */
const DATABASE_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', 'ECONNREFUSED', 'ECONNRESET']);

/** A part of shenpi is down for a moment (database restarting, engine unreachable): 503, try again. */
function unavailable(error: unknown): HttpError | undefined {
  const { code, name, message, cause } = (error ?? {}) as { code?: string; name?: string; message?: string; cause?: { code?: string } };
  const databaseDown = (code !== undefined && DATABASE_UNAVAILABLE.has(code)) || name === 'KnexTimeoutError';
  const engineDown = error instanceof TypeError && message === 'fetch failed' && DATABASE_UNAVAILABLE.has(cause?.code ?? '');
  if (!databaseDown && !engineDown) return undefined;
  const answer = new HttpError(503, 'unavailable', databaseDown ? '数据库暂时不可用, 请稍后重试' : '审批引擎暂时不可用, 请稍后重试');
  answer.headers['Retry-After'] = '5';
  return answer;
}

/** What an error means to the client; undefined for our own faults (a 500). */
export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof InvalidInput) return new HttpError(400, 'bad-request', error.message, error.problems);
  if (error instanceof NotFound) return new HttpError(404, 'not-found', error.message, error.problems.length ? error.problems : undefined);
  if (error instanceof Conflict) return new HttpError(409, error.code, error.message, error.problems.length ? error.problems : undefined);
  if (error instanceof Permanent) return new HttpError(422, error.code, error.message, error.problems.length ? error.problems : undefined);
  // the engine refused for a reason of the request's own: gone, or changed meanwhile
  if (error instanceof EngineRequestError) {
    if (error.status === 404) return new HttpError(404, 'not-found', '引擎中没有该对象 (可能已办结或已被他人处理)');
    if (error.status === 409) return new HttpError(409, 'conflict', '该对象已被他人同时修改, 请刷新后重试');
    return undefined;
  }
  const down = unavailable(error);
  if (down) return down;
  // the router's undecodable path segment (e.g. %FF)
  if (error instanceof URIError) {
    const message = '路径含有无效的 URL 编码 (应为 UTF-8 的 %XX)';
    return new HttpError(400, 'bad-request', message, [{ field: 'path', rule: 'encoding', message }]);
  }
  // body-parser's errors: malformed JSON, too large, a charset or encoding it cannot read
  const status = (error as { status?: unknown }).status;
  if ((error as { expose?: unknown }).expose === true && typeof status === 'number' && status >= 400 && status < 500) {
    const { type, message: raw } = error as { type?: string; message: string };
    const detail = raw.slice(0, 200);
    const [code, field, rule, message] = type === 'entity.parse.failed' ? ['bad-request', 'body', 'json', `请求体不是有效的 JSON: ${detail}`]
      : type === 'entity.too.large' ? ['too-large', 'body', 'maxBytes', `请求体超过大小上限 (${sizeLimit(error)})`]
        : status === 415 ? ['unsupported-media-type', 'Content-Type', 'charset', `请求体的字符集或压缩方式不被接受: ${detail}`]
          : ['bad-request', 'body', type ?? 'body', `请求体无法读取: ${detail}`];
    return new HttpError(status, code, message, [{ field, rule, message }]);
  }
  return undefined;
}

/** body-parser's limit of a too large body, for the message (e.g. 1 MB) */
function sizeLimit(error: unknown): string {
  const limit = (error as { limit?: unknown }).limit;
  return typeof limit === 'number' ? `${Math.round((limit / 1024 / 1024) * 10) / 10} MB` : '见接口说明';
}

/** How a surface shapes its error answers (the staff API, the platform API). */
export type ErrorFormat = (error: HttpError, res: Response) => unknown;

/** The staff API's answer: `{ error, message, problems? }`. */
export const staffErrorFormat: ErrorFormat = (error) => ({ error: error.code, message: error.message, ...error.extra, ...(error.problems ? { problems: error.problems } : {}) });

/** The one error middleware; `format` shapes the answer for its surface. */
export function errorHandler(log: Logger, format: ErrorFormat = staffErrorFormat) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const known = toHttpError(error) ?? new HttpError(500, 'internal', INTERNAL);
    if (known.status >= 500) log.error('request failed', { method: req.method, path: req.path.slice(0, 200), user: req.user?.id, client: req.platformClient?.id, error });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.set(known.headers);
    if (known.status === 413) res.set('Connection', 'close');
    res.status(known.status).json(format(known, res));
  };
}
