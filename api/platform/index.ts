// The platform API (网上平台, /api/v1): a surface of its own beside the staff pages, mounted
// before the staff login. Every route: API key → rate limit → handler; every error: one shape
// `{ error, message, problems: [{ field, rule, message }] }`, a 4xx for anything the client
// sent. A new creating operation (e.g. POST /cases/:receiptNumber/ratings) is a route with
// `idempotencyKeyOf` + `idempotency.once(...)` and a path in openapi.ts.
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../lib/config.js';
import { applicationSchemaFor } from '../../lib/catalogue/application-check.js';
import { inForce } from '../../lib/catalogue/entry.js';
import { todayIn } from '../../lib/calendar/deadlines.js';
import type { EngineClient } from '../../lib/engine/client.js';
import type { Logger } from '../../lib/log.js';
import { CaseProgress } from '../../lib/platform/progress.js';
import { latestVersion, listLatest } from '../../lib/repositories/catalogue.js';
import { documentPdf, findDocument } from '../../lib/repositories/documents.js';
import { sendDocumentPdf } from '../documents.js';
import { HttpError } from '../errors.js';
import { applicationsHandler } from './applications.js';
import { RateLimited, requirePlatformClient } from './auth.js';
import { bodyReader } from './body.js';
import { Idempotency } from './idempotency.js';
import { openApiDocument } from './openapi.js';
import { serviceRoutes } from './services.js';
import { TokenBuckets } from './rate-limit.js';

export interface PlatformDeps { config: Config; db: Knex; engine: EngineClient; log: Logger }

const RECEIPT_PATTERN = /^SP\d{14}$/;
const notFound = (message: string): HttpError => new HttpError(404, 'not-found', message, [{ field: 'receiptNumber', rule: 'notFound', message }]);
const NO_SUCH_CASE = '没有找到该办件: 请核对受理编号及申请人证件号码或联系电话';

/** GET /api/openapi.json: the description, without login. */
export function openApiRoute(config: Config) {
  const document = openApiDocument(config);
  return (_req: Request, res: Response): void => {
    res.json(document);
  };
}

function progressQuery(body: unknown): { applicantCode?: string; phone?: string } {
  const query = (body && typeof body === 'object' && !Array.isArray(body) ? body : undefined) as Record<string, unknown> | undefined;
  const problems = [];
  if (!query) {
    problems.push({ field: '/', rule: 'type', message: '查询条件应为 JSON 对象 {"applicantCode": …} 或 {"phone": …}' });
  } else {
    for (const key of Object.keys(query)) if (key !== 'applicantCode' && key !== 'phone') problems.push({ field: `/${key}`, rule: 'additionalProperties', message: `查询条件中含有未定义的项「${key}」` });
    const given = ['applicantCode', 'phone'].filter((key) => query[key] !== undefined);
    if (given.length !== 1) problems.push({ field: '/applicantCode', rule: 'oneOf', message: '须且只能填写申请人证件号码 applicantCode 或联系电话 phone 之一' });
    for (const [key, max] of [['applicantCode', 40], ['phone', 20]] as const) {
      const value = query[key];
      if (value !== undefined && (typeof value !== 'string' || value.trim() === '' || value.length > max)) problems.push({ field: `/${key}`, rule: 'type', message: `「${key}」应为 1 到 ${max} 个字符的字符串` });
    }
  }
  if (problems.length) throw new HttpError(422, 'invalid-query', '查询条件无效', problems);
  return { applicantCode: query!.applicantCode as string | undefined, phone: query!.phone as string | undefined };
}

export function platformApi({ config, db, engine, log }: PlatformDeps): Router {
  const router = Router();
  const buckets = new TokenBuckets();
  const idempotency = new Idempotency(db);
  const read = bodyReader(config);
  const progress = new CaseProgress(db, engine, config.deadlines.utcOffset);
  const queryJson = express.json({ limit: '8kb', strict: true, type: () => true });
  const failures = { perMinute: config.platformApi.queryFailuresPerHour / 60, burst: config.platformApi.queryFailuresPerHour };

  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.use(requirePlatformClient(db, config, buckets));

  router.post('/applications', applicationsHandler({ db, engine, config, log, idempotency, read }));

  const services = serviceRoutes({ db, engine, config, idempotency });
  router.post('/cases/:receiptNumber/ratings', ...services.rate);
  router.post('/cases/:receiptNumber/ratings/appeal', ...services.appeal);
  router.post('/complaints', ...services.complain);

  /** The applicant's case, proven by code or phone; failures are counted like every wrong proof. */
  const provenCase = async (req: express.Request) => {
    const receiptNumber = String(req.params.receiptNumber);
    const proof = progressQuery(req.body);
    // failed lookups are limited per client and receipt number, known or not: no enumeration
    const bucket = `query:${req.platformClient!.id}:${receiptNumber.slice(0, 40)}`;
    if (!buckets.available(bucket, failures)) throw new RateLimited(3600 / config.platformApi.queryFailuresPerHour, '该受理编号的查询失败次数过多, 请稍后再试');
    const record = RECEIPT_PATTERN.test(receiptNumber) ? await progress.find(receiptNumber, proof) : undefined;
    if (!record) {
      buckets.take(bucket, failures);
      throw notFound(NO_SUCH_CASE);
    }
    return record;
  };

  router.post('/cases/:receiptNumber/progress', queryJson, async (req, res) => {
    res.json(await progress.view(await provenCase(req)));
  });

  // 文书 download with the same proof as 办件查询
  router.post('/cases/:receiptNumber/documents/:documentId', queryJson, async (req, res) => {
    const record = await provenCase(req);
    const id = Number(req.params.documentId);
    const document = Number.isSafeInteger(id) && id > 0 ? await findDocument(db, { id }) : undefined;
    if (!document || document.businessKey !== record.businessKey) throw notFound('该办件没有此文书');
    sendDocumentPdf(res, document, (await documentPdf(db, document.id))!);
  });

  router.get('/items', async (_req, res) => {
    const today = todayIn(config.deadlines.utcOffset);
    res.json((await listLatest(db)).filter(({ entry }) => inForce(entry, today)).map(({ key, entry }) => ({
      itemKey: key, code: entry.code, name: entry.name, processingType: entry.processingType, promisedTimeLimit: entry.promisedTimeLimit,
      notificationCommitment: entry.notificationCommitment, deferredAcceptance: entry.deferredAcceptance,
      materials: entry.materials.map(({ code, name, required, deferrable, form, copies }) => ({ code, name, required, deferrable, form, copies })),
    })));
  });

  router.get('/items/:itemKey/application-schema', async (req, res) => {
    const found = /^[a-z0-9][a-z0-9-]{0,79}$/.test(req.params.itemKey) ? await latestVersion(db, req.params.itemKey) : undefined;
    if (!found || !inForce(found.entry, todayIn(config.deadlines.utcOffset))) {
      throw new HttpError(404, 'not-found', '事项不在事项清单中 (清单之外无审批)', [{ field: 'itemKey', rule: 'catalogue', message: `事项「${req.params.itemKey.slice(0, 80)}」不在事项清单中或不在实施中` }]);
    }
    res.json(applicationSchemaFor(found.entry));
  });

  router.use((req, _res, next) => {
    next(new HttpError(404, 'not-found', '没有这个接口', [{ field: 'path', rule: 'route', message: `没有接口 ${req.method} ${req.baseUrl}${req.path.slice(0, 200)}` }]));
  });
  router.use(platformErrors(log));
  return router;
}

/** One shape for every error; whatever the client sent is a 4xx; only our own faults are a 5xx. */
function platformErrors(log: Logger) {
  return (error: Error & { type?: string; status?: number; expose?: boolean }, req: Request, res: Response, _next: NextFunction): void => {
    if (error instanceof HttpError) {
      if (error instanceof RateLimited) res.set('Retry-After', String(Math.ceil(error.retryAfterSeconds)));
      if (error.status === 401) res.set('WWW-Authenticate', 'Bearer realm="shenpi-platform", charset="UTF-8"');
      if (error.status === 413) res.set('Connection', 'close');
      const problems = error.problems?.length ? error.problems : [{ field: 'request', rule: error.code, message: error.message }];
      res.status(error.status).json({ error: error.code, message: error.message, ...error.extra, problems });
      if (error.status >= 500) log.error('platform request failed', { method: req.method, path: req.path, client: req.platformClient?.id, error });
      return;
    }
    // body-parser's own errors: malformed JSON, too large, a charset or encoding it cannot read
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      const [code, field, rule, message] = error.type === 'entity.parse.failed' ? ['bad-request', 'body', 'json', `请求体不是有效的 JSON: ${error.message.slice(0, 200)}`]
        : error.type === 'entity.too.large' ? ['too-large', 'body', 'maxBytes', '请求体超过大小上限']
          : error.status === 415 ? ['unsupported-media-type', 'Content-Type', 'charset', `请求体的字符集或压缩方式不被接受: ${error.message.slice(0, 200)}`]
            : ['bad-request', 'body', error.type ?? 'body', `请求体无法读取: ${error.message.slice(0, 200)}`];
      if (error.status === 413) res.set('Connection', 'close');
      res.status(error.status).json({ error: code, message: message!, problems: [{ field, rule, message }] });
      return;
    }
    log.error('platform request failed', { method: req.method, path: req.path, client: req.platformClient?.id, error });
    res.status(500).json({ error: 'internal', message: '服务器内部错误, 请稍后重试或联系运维', problems: [{ field: 'request', rule: 'internal', message: '服务器内部错误' }] });
  };
}
