// Reads an online application: `application/json`, or `multipart/form-data` with the JSON in
// the part `submission` and one file part per material (the part's name is the material code).
// Every problem of the body (malformed JSON, a file too big or of a type not accepted, too many
// files) is collected and named by its part before anything is stored.
import { createHash } from 'node:crypto';
import busboy from 'busboy';
import express, { type Request, type Response } from 'express';
import type { Config } from '../../lib/config.js';
import { detectFileType, FILE_TYPE_NAMES, safeFilename } from '../../lib/platform/attachments.js';
import type { ValidationProblem } from '../../lib/validation/application-validator.js';
import { HttpError } from '../errors.js';

export interface Upload {
  part: string;
  filename: string;
  fileType: string;
  contentType: string;
  sha256: string;
  content: Buffer;
}

export interface ReadBody { body: unknown; uploads: Upload[] }

const SUBMISSION_PART = 'submission';

function refuse(problems: ValidationProblem[]): HttpError {
  if (problems.some((problem) => problem.rule === 'maxBytes' || problem.rule === 'maxFiles')) return new HttpError(413, 'too-large', '请求或附件超过大小或数量上限', problems);
  if (problems.some((problem) => problem.rule === 'fileType')) return new HttpError(415, 'unsupported-attachment', '附件类型不被接受', problems);
  return new HttpError(400, 'bad-request', '请求体无效', problems);
}

const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(bytes % 1_048_576 ? 1 : 0)} MB`;

export function bodyReader(config: Config) {
  const limits = config.platformApi;
  const json = express.json({ limit: limits.maxJsonBytes, strict: true, type: () => true });

  const readJson = (req: Request, res: Response): Promise<ReadBody> => new Promise((resolve, reject) => {
    json(req, res, (error?: unknown) => (error ? reject(error) : resolve({ body: req.body as unknown, uploads: [] })));
  });

  const readMultipart = (req: Request): Promise<ReadBody> => new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fieldSize: limits.maxJsonBytes, fields: 5, files: limits.maxAttachments, fileSize: limits.maxAttachmentBytes, parts: limits.maxAttachments + 5 } });
    } catch (error) {
      reject(new HttpError(400, 'bad-request', '请求体无效', [{ field: 'Content-Type', rule: 'multipart', message: `multipart/form-data 请求头无效: ${(error as Error).message}` }]));
      return;
    }
    const problems: ValidationProblem[] = [];
    const uploads: Upload[] = [];
    const pending: Array<Promise<void>> = [];
    let submission: string | undefined;
    parser.on('field', (name, value, info) => {
      if (name !== SUBMISSION_PART) {
        problems.push({ field: name, rule: 'unknownPart', message: `未知的表单项「${safeFilename(name)}」: 申请 JSON 应在「${SUBMISSION_PART}」, 附件的表单项名应为材料编码` });
      } else if (info.valueTruncated) {
        problems.push({ field: SUBMISSION_PART, rule: 'maxBytes', message: `表单项「${SUBMISSION_PART}」超过 ${megabytes(limits.maxJsonBytes)} 上限` });
      } else if (submission !== undefined) {
        problems.push({ field: SUBMISSION_PART, rule: 'duplicate', message: `表单项「${SUBMISSION_PART}」只能有一个` });
      } else {
        submission = value;
      }
    });
    parser.on('file', (name, stream, info) => {
      const filename = safeFilename(info.filename);
      const part = `${safeFilename(name)} (${filename})`;
      const chunks: Buffer[] = [];
      pending.push(new Promise<void>((done) => {
        // a part cut short (no closing boundary, connection dropped) errors on its own stream:
        // unheard, that error would end the process
        stream.on('error', (error: Error) => {
          problems.push({ field: part, rule: 'multipart', message: `附件「${part}」不完整: ${error.message}` });
          chunks.length = 0;
          done();
        });
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('limit', () => problems.push({ field: part, rule: 'maxBytes', message: `附件「${part}」超过 ${megabytes(limits.maxAttachmentBytes)} 上限` }));
        stream.on('close', () => {
          if ((stream as unknown as { truncated?: boolean }).truncated || stream.errored) return done();
          const content = Buffer.concat(chunks);
          const fileType = content.length ? detectFileType(content, filename) : undefined;
          if (content.length === 0) problems.push({ field: part, rule: 'empty', message: `附件「${part}」是空文件` });
          else if (!fileType || !limits.attachmentTypes.includes(fileType)) {
            problems.push({ field: part, rule: 'fileType', message: `附件「${part}」类型不被接受或扩展名与内容不符: 只接受 ${limits.attachmentTypes.map((type) => FILE_TYPE_NAMES[type] ?? type).join('、')}` });
          } else {
            uploads.push({ part: name, filename, fileType, contentType: info.mimeType, sha256: createHash('sha256').update(content).digest('hex'), content });
          }
          done();
        });
      }));
    });
    parser.on('filesLimit', () => problems.push({ field: 'attachments', rule: 'maxFiles', message: `附件不能超过 ${limits.maxAttachments} 个` }));
    parser.on('partsLimit', () => problems.push({ field: 'attachments', rule: 'maxFiles', message: '表单项过多' }));
    parser.on('fieldsLimit', () => problems.push({ field: 'submission', rule: 'maxFiles', message: '表单项过多' }));
    const malformed = (error: Error): void => {
      req.unpipe(parser);
      req.resume(); // drain what is left, so the answer can still be sent
      reject(new HttpError(400, 'bad-request', '请求体无效', [{ field: 'body', rule: 'multipart', message: `multipart/form-data 请求体无效或不完整: ${error.message}` }]));
    };
    parser.on('error', malformed);
    req.on('error', malformed);
    parser.on('close', () => {
      void Promise.all(pending).then(() => {
        let body: unknown;
        if (submission === undefined) {
          problems.push({ field: SUBMISSION_PART, rule: 'required', message: `缺少表单项「${SUBMISSION_PART}」(申请 JSON)` });
        } else {
          try {
            body = JSON.parse(submission);
          } catch (error) {
            problems.push({ field: SUBMISSION_PART, rule: 'json', message: `表单项「${SUBMISSION_PART}」不是有效的 JSON: ${(error as Error).message}` });
          }
        }
        if (problems.length) reject(refuse(problems));
        else resolve({ body, uploads });
      });
    });
    req.pipe(parser);
  });

  return async (req: Request, res: Response): Promise<ReadBody> => {
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    if (/^multipart\/form-data\s*;/.test(type)) return readMultipart(req);
    if (/^application\/json\s*(;|$)/.test(type)) return readJson(req, res);
    throw new HttpError(415, 'unsupported-media-type', '请求体类型不被接受', [{ field: 'Content-Type', rule: 'mediaType', message: `Content-Type 应为 application/json 或 multipart/form-data, 实际为「${safeFilename(type) || '(无)'}」` }]);
  };
}
