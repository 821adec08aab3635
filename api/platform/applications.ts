// POST /api/v1/applications: an online application for an item or a 一件事. Answers at once:
// 201 with the receipt number (受理编号) when the case starts, or 422 with the 一次性告知 list
// (every problem) when the application cannot be accepted as it is; a deficient application
// starts no case and stores nothing. An accepted one is all-or-nothing: the idempotency record,
// the submission, its files and the started case, or none of them.
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../lib/config.js';
import { todayIn } from '../../lib/calendar/deadlines.js';
import { EngineRequestError, type EngineClient } from '../../lib/engine/client.js';
import { onlineBusinessKey } from '../../lib/cases/identity.js';
import { undoStartsOnFailure, type StartProcess } from '../../lib/cases/start.js';
import type { Logger } from '../../lib/log.js';
import { evaluateSubmission, inspectJson, type IntakeVerdict } from '../../lib/platform/intake.js';
import { reserveReceiptNumber } from '../../lib/repositories/cases.js';
import { insertSubmission, setSubmissionInstance, storeAttachments } from '../../lib/repositories/platform.js';
import type { ValidationProblem } from '../../lib/validation/application-validator.js';
import { HttpError } from '../errors.js';
import type { ReadBody, Upload } from './body.js';
import { idempotencyKeyOf, requestHash, send, type Idempotency } from './idempotency.js';

type Acceptable = Extract<IntakeVerdict, { outcome: 'acceptable' }>;
interface Material { code?: unknown; attachment?: unknown }

const NEXT_STEP: Record<string, string> = {
  complete: '材料齐全, 综合受理窗口将在 5 个工作日内审核受理',
  deferral: '缺少可容缺的材料: 窗口将核查信用并与您确认容缺受理, 签署承诺书后补交',
  commitment: '您选择告知承诺: 窗口将核查信用并与您确认, 签署承诺书后受理',
};

/** Files go with the material their part names; a part naming no listed material is a problem. */
function linkUploads(body: { application: { materials?: Material[] } }, uploads: Upload[]): ValidationProblem[] {
  const materials = Array.isArray(body.application.materials) ? body.application.materials : [];
  const problems: ValidationProblem[] = [];
  for (const upload of uploads) {
    if (!materials.some((material) => material?.code === upload.part)) {
      problems.push({ field: `${upload.part} (${upload.filename})`, rule: 'attachment:material', message: `附件「${upload.filename}」的表单项名「${upload.part}」不是本申请 materials 中列出的材料编码` });
    }
  }
  return problems;
}

export function applicationsHandler(deps: { db: Knex; engine: EngineClient; config: Config; log: Logger; idempotency: Idempotency; read: (req: Request, res: Response) => Promise<ReadBody> }) {
  const { db, engine, config, log, idempotency, read } = deps;

  return async (req: Request, res: Response): Promise<void> => {
    const client = req.platformClient!;
    const key = idempotencyKeyOf(req);
    const { body, uploads } = await read(req, res);
    const text = inspectJson(body);
    if (text.length) throw new HttpError(400, 'bad-request', '请求内容含有不允许的字符或结构', text);
    const hash = requestHash('application', body, uploads);
    const known = await idempotency.known(client.id, key, hash);
    if (known) return send(res, known);

    const receivedOn = todayIn(config.deadlines.utcOffset);
    const verdict = await evaluateSubmission(db, body, receivedOn);
    if (verdict.outcome === 'invalid') throw new HttpError(422, 'invalid-application', '申请无法办理, 请修正以下全部问题', verdict.problems);
    if (verdict.outcome === 'deficient') {
      throw new HttpError(422, 'application-deficient', '申请材料不齐全或不符合法定形式 (一次性告知), 请一次性补正以下全部内容', verdict.problems, { name: verdict.name, notice: verdict.notice });
    }
    const linking = linkUploads(body as { application: { materials?: Material[] } }, uploads);
    if (linking.length) throw new HttpError(422, 'invalid-application', '附件与申请材料不对应', linking);

    // the idempotency record, the submission, its files and the started case, or none of them
    const answer = await undoStartsOnFailure(engine, log, (start) => idempotency.once({ clientId: client.id, key, operation: 'application', hash }, async (trx, requestId) => {
      const receiptNumber = await reserveReceiptNumber(trx, receivedOn);
      const businessKey = onlineBusinessKey();
      const application = structuredClone((body as { application: Record<string, unknown> }).application);
      const submissionId = await insertSubmission(trx, { requestId, kind: verdict.kind, catalogueKey: verdict.key, businessKey, receiptNumber, application });
      const ids = await storeAttachments(trx, submissionId, uploads.map((upload) => ({ materialCode: upload.part, filename: upload.filename, fileType: upload.fileType, contentType: upload.contentType, sha256: upload.sha256, content: upload.content })));
      for (const material of (application.materials ?? []) as Material[]) {
        const mine = uploads.map((upload, index) => (upload.part === material.code ? ids[index] : undefined)).filter((id) => id !== undefined);
        if (mine.length) material.attachment = `platform-attachment:${mine.join(',')}`;
      }
      const started = await startCase(start, verdict, businessKey, { itemKey: verdict.key, application, receivedOn, reservedReceiptNumber: receiptNumber, applicationChannel: '网上申请' });
      await setSubmissionInstance(trx, submissionId, started);
      log.info('online application accepted', { client: client.id, receiptNumber, businessKey, catalogueKey: verdict.key, attachments: ids.length });
      return { status: 201, body: receipt(verdict, receiptNumber, receivedOn, uploads) };
    }));
    if (answer.status === 201) res.set('Location', `/api/v1/cases/${(answer.body as { receiptNumber: string }).receiptNumber}/progress`);
    send(res, answer);
  };
}

async function startCase(start: StartProcess, verdict: Acceptable, businessKey: string, variables: Record<string, unknown>): Promise<string> {
  try {
    return await start(verdict.key, { businessKey, variables });
  } catch (error) {
    throw new HttpError(503, 'engine-unavailable', '审批系统暂时无法立案, 申请未被保存, 请稍后原样重试', [{ field: 'request', rule: 'engine', message: `审批引擎暂时不可用${error instanceof EngineRequestError ? ` (${error.status})` : ''}, 申请未被保存, 请稍后使用同一 Idempotency-Key 原样重试` }]);
  }
}

function receipt(verdict: Acceptable, receiptNumber: string, receivedOn: string, uploads: Upload[]): Record<string, unknown> {
  return {
    status: 'received',
    receiptNumber,
    kind: verdict.kind,
    catalogueKey: verdict.key,
    name: verdict.name,
    receivedOn,
    acceptancePath: verdict.classification.path,
    pendingMaterials: verdict.classification.pending,
    items: verdict.items ?? [],
    attachments: uploads.map((upload) => ({ material: upload.part, filename: upload.filename, fileType: upload.fileType, sizeBytes: upload.content.length, sha256: upload.sha256 })),
    nextStep: verdict.kind === 'bundle' ? '一件事申请已收到, 综合受理窗口将统一受理; 各事项另有受理编号, 可凭本编号查询' : NEXT_STEP[verdict.classification.path] ?? '',
    progress: `/api/v1/cases/${receiptNumber}/progress`,
  };
}
