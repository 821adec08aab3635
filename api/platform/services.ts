// 好差评 and 政务失信投诉 over the platform API: the applicant rates an ended case (and appeals a
// rating made by mistake); the 12345 platform hands over a complaint. Same key, limits, error
// shape and Idempotency-Key as the applications; the library is idempotent too (one rating per
// case, one complaint per 12345 ticket), so a retry after a lost answer changes nothing.
import express, { type Request, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../lib/config.js';
import { fileComplaint, type ComplaintInput } from '../../lib/complaints/file.js';
import type { EngineClient } from '../../lib/engine/client.js';
import { appealRating, type AppealInput } from '../../lib/ratings/appeal.js';
import { submitRating, type RatingInput } from '../../lib/ratings/submit.js';
import type { ValidateFunction } from 'ajv';
import { HttpError } from '../errors.js';
import { createAjv } from '../../lib/validation/application-validator.js';
import { inspectJson } from '../../lib/platform/intake.js';
import { withdrawApplication } from '../../lib/cases/withdrawal.js';
import { resubmitApplication } from '../../lib/cases/resubmission.js';
import { stillDeficient } from '../routes/promises.js';
import { applicantProof } from './proof.js';
import { idempotencyKeyOf, requestHash, send, type Idempotency } from './idempotency.js';
import { RECEIPT_NUMBER_PATTERN } from '../../lib/cases/identity.js';

interface Deps {
  db: Knex; engine: EngineClient; config: Config; idempotency: Idempotency;
  /** 404 unless the proof (applicant code or phone) matches the case; failures limited */
  proveApplicant(req: Request, receiptNumber: string, proof: { applicantCode?: string; phone?: string }): Promise<unknown>;
}


const ajv = createAjv();
const bodyCheckers = new Map<string, ValidateFunction>();

/** a JSON object body with only the operation's fields (the project's ajv), or one 400 naming what came instead */
function objectBody(req: Request, fields: readonly string[]): Record<string, unknown> {
  const id = fields.join(',');
  let validate = bodyCheckers.get(id);
  if (!validate) {
    validate = ajv.compile({ type: 'object', properties: Object.fromEntries(fields.map((field) => [field, true])), additionalProperties: false });
    bodyCheckers.set(id, validate);
  }
  const body = req.body as unknown;
  if (validate(body)) return body as Record<string, unknown>;
  const errors = validate.errors ?? [];
  if (errors.some((error) => error.keyword === 'type')) throw new HttpError(400, 'bad-request', '请求体应为 JSON 对象', [{ field: '/', rule: 'type', message: '请求体应为 JSON 对象' }]);
  const unknown = errors.map((error) => String((error.params as { additionalProperty: string }).additionalProperty).slice(0, 60));
  throw new HttpError(400, 'bad-request', '请求中含有未定义的项', unknown.map((key) => ({ field: `/${key}`, rule: 'additionalProperties', message: `未定义的项「${key}」` })));
}

function receiptOf(req: Request): string {
  const receipt = String(req.params.receiptNumber);
  if (!RECEIPT_NUMBER_PATTERN.test(receipt)) throw new HttpError(404, 'not-found', '没有找到该办件', [{ field: 'receiptNumber', rule: 'pattern', message: '受理编号应为 SP 加 14 位数字' }]);
  return receipt;
}

export function serviceRoutes({ db, engine, config, idempotency, proveApplicant }: Deps): Record<'rate' | 'appeal' | 'complain' | 'resubmit' | 'withdraw', RequestHandler[]> {
  const json = express.json({ limit: '16kb', strict: true, type: () => true });
  const deps = { db, engine, config };
  const once = async (req: Request, operation: string, body: unknown, work: () => Promise<{ status: number; body: unknown }>) => {
    const key = idempotencyKeyOf(req);
    const hash = requestHash(operation, body);
    const clientId = String(req.platformClient!.id);
    const known = await idempotency.known(clientId, key, hash);
    if (known) return known;
    // the library acts in its own transaction, idempotently; the answer is then kept for the key
    const answer = await work();
    return idempotency.once({ clientId, key, operation, hash }, async () => answer);
  };

  const rate: RequestHandler = async (req, res) => {
    const receiptNumber = receiptOf(req);
    const { phone: _phone, ...body } = objectBody(req, ['level', 'comment', 'named', 'applicantCode', 'phone']);
    // only the applicant rates: the same proof as the progress query
    await proveApplicant(req, receiptNumber, applicantProof(req.body, ['level', 'comment', 'named']));
    const answer = await once(req, `rate:${receiptNumber}`, body, async () => {
      const rating = await submitRating(deps, { ...body, receiptNumber, channel: `一网通办 (${req.platformClient!.name})` } as RatingInput);
      return { status: rating.replayed ? 200 : 201, body: { ratingId: rating.ratingId, level: rating.level, levelName: rating.levelName, badRating: Boolean(rating.badRatingCase), replayed: rating.replayed } };
    });
    send(res, answer);
  };

  const appeal: RequestHandler = async (req, res) => {
    const receiptNumber = receiptOf(req);
    const body = objectBody(req, ['reason', 'appellant']);
    const answer = await once(req, `appeal:${receiptNumber}`, body, async () => {
      const result = await appealRating(deps, { ...body, receiptNumber } as AppealInput);
      return { status: 202, body: result };
    });
    send(res, answer);
  };

  const complain: RequestHandler = async (req, res) => {
    const body = objectBody(req, ['externalId', 'complainant', 'respondent', 'field', 'promise', 'facts', 'request', 'evidence']);
    const answer = await once(req, 'complaint', body, async () => {
      const complaint = await fileComplaint(deps, { ...body, channel: '12345', takenBy: `platform:${req.platformClient!.name}` } as ComplaintInput);
      return { status: complaint.replayed ? 200 : 201, body: { complaintNumber: complaint.complaintNumber, status: complaint.status, replayed: complaint.replayed } };
    });
    send(res, answer);
  };

  // 补正 online: the applicant's proof as for the progress query, the whole corrected application
  const resubmit: RequestHandler = async (req, res) => {
    const receiptNumber = receiptOf(req);
    const { application } = objectBody(req, ['application', 'applicantCode', 'phone']);
    const text = inspectJson(req.body);
    if (text.length) throw new HttpError(400, 'bad-request', '请求内容含有不允许的字符或结构', text);
    await proveApplicant(req, receiptNumber, applicantProof(req.body, ['application']));
    if (!application || typeof application !== 'object' || Array.isArray(application)) throw new HttpError(422, 'invalid-application', '补正内容无效', [{ field: '/application', rule: 'required', message: '须提交补正后的完整申请 application (JSON 对象)' }]);
    const answer = await once(req, `resubmission:${receiptNumber}`, application, async () => {
      const result = await resubmitApplication(deps, { receiptNumber, application: application as Record<string, unknown>, channel: `网上 (${req.platformClient!.name})` });
      if (result.outcome === 'deficient') throw stillDeficient(result);
      return { status: 202, body: { ...result, progress: `/api/v1/cases/${receiptNumber}/progress` } };
    });
    send(res, answer);
  };

  // 撤回 online, before the decision: the applicant's proof, a reason
  const withdraw: RequestHandler = async (req, res) => {
    const receiptNumber = receiptOf(req);
    const { reason } = objectBody(req, ['reason', 'applicantCode', 'phone']);
    await proveApplicant(req, receiptNumber, applicantProof(req.body, ['reason']));
    const answer = await once(req, `withdrawal:${receiptNumber}`, { reason }, async () => ({
      status: 202, body: await withdrawApplication(deps, { receiptNumber, reason: reason as string, channel: `网上 (${req.platformClient!.name})` }),
    }));
    send(res, answer);
  };

  return { withdraw: [json, withdraw], rate: [json, rate], appeal: [json, appeal], complain: [json, complain], resubmit: [express.json({ limit: config.platformApi.maxJsonBytes, strict: true, type: () => true }), resubmit] };
}
