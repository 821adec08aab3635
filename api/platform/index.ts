// The platform API (网上平台, /api/v1): a surface of its own beside the staff pages, mounted
// before the staff login. Every route: API key → rate limit → handler; every error: one shape
// `{ error, message, problems: [{ field, rule, message }] }`, a 4xx for anything the client
// sent. A new creating operation (e.g. POST /cases/:receiptNumber/ratings) is a route with
// `idempotencyKeyOf` + `idempotency.once(...)` and a path in openapi.ts.
import express, { Router, type Request, type Response } from 'express';
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
import { errorHandler, HttpError, notFound, type ErrorFormat } from '../errors.js';
import { applicationsHandler } from './applications.js';
import { RateLimited, requirePlatformClient } from './auth.js';
import { bodyReader } from './body.js';
import { applicantProof } from './proof.js';
import { Idempotency } from './idempotency.js';
import { openApiDocument } from './openapi.js';
import { serviceRoutes } from './services.js';
import { TokenBuckets } from './rate-limit.js';
import { RECEIPT_NUMBER_PATTERN } from '../../lib/cases/identity.js';

export interface PlatformDeps { config: Config; db: Knex; engine: EngineClient; log: Logger }

/** the platform names the receipt number in every 404 */
const noSuchCase = (message: string): HttpError => notFound(message, [{ field: 'receiptNumber', rule: 'notFound', message }]);
const NO_SUCH_CASE = '没有找到该办件: 请核对受理编号及申请人证件号码或联系电话';

/** GET /api/openapi.json: the description, without login. */
export function openApiRoute(config: Config) {
  const document = openApiDocument(config);
  return (_req: Request, res: Response): void => {
    res.json(document);
  };
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

  // the applicant's proof of a case (progress query, rating): failed proofs are limited per
  // client and receipt number, known or not (no enumeration), counted before the lookup (parallel
  // guesses cannot all slip through) and given back when the proof matched
  const proveApplicant = async (req: Request, receiptNumber: string, proof: { applicantCode?: string; phone?: string }) => {
    const bucket = `query:${req.platformClient!.id}:${receiptNumber.slice(0, 40)}`;
    const taken = buckets.take(bucket, failures);
    if (!taken.ok) throw new RateLimited(taken.retryAfterSeconds, '该受理编号的查询失败次数过多, 请稍后再试');
    const record = RECEIPT_NUMBER_PATTERN.test(receiptNumber) ? await progress.find(receiptNumber, proof) : undefined;
    if (!record) throw noSuchCase(NO_SUCH_CASE);
    buckets.refund(bucket, failures);
    return record;
  };

  const services = serviceRoutes({ db, engine, config, idempotency, proveApplicant });
  router.post('/cases/:receiptNumber/ratings', ...services.rate);
  router.post('/cases/:receiptNumber/ratings/appeal', ...services.appeal);
  router.post('/complaints', ...services.complain);
  router.post('/cases/:receiptNumber/resubmission', ...services.resubmit);
  router.post('/cases/:receiptNumber/withdrawal', ...services.withdraw);

  /** The applicant's case, proven by code or phone; failures are counted like every wrong proof. */
  const provenCase = async (req: express.Request) => {
    const receiptNumber = String(req.params.receiptNumber);
    return proveApplicant(req, receiptNumber, applicantProof(req.body));
  };

  router.post('/cases/:receiptNumber/progress', queryJson, async (req, res) => {
    res.json(await progress.view(await provenCase(req)));
  });

  // 文书 download with the same proof as 办件查询
  router.post('/cases/:receiptNumber/documents/:documentId', queryJson, async (req, res) => {
    const record = await provenCase(req);
    const id = Number(req.params.documentId);
    const document = Number.isSafeInteger(id) && id > 0 ? await findDocument(db, { id }) : undefined;
    if (!document || document.businessKey !== record.businessKey) throw noSuchCase('该办件没有此文书');
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
  router.use(errorHandler(log, platformErrorFormat));
  return router;
}

/** The platform API's shape of every error: `problems` always lists at least one. */
const platformErrorFormat: ErrorFormat = (error, res) => {
  if (error.status === 401) res.set('WWW-Authenticate', 'Bearer realm="shenpi-platform", charset="UTF-8"');
  const problems = error.problems?.length ? error.problems : [{ field: 'request', rule: error.code, message: error.message }];
  return { error: error.code, message: error.message, ...error.extra, problems };
};
