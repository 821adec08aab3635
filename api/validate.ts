// What a request may carry before any route reads it. Two layers, both answering 400 with the
// field and the rule: `readableRequest` for every route (a path that is valid UTF-8, no control
// characters such as NUL in path, query or JSON body: PostgreSQL cannot store them), and
// `validRequest({ params, query })` per route, with the project's ajv (the one ISO date rule,
// bounded numbers). Routes then read plain, checked strings.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ValidateFunction } from 'ajv';
import type { Problem } from '../lib/errors.js';
import { createAjv, problemsOf } from '../lib/validation/application-validator.js';
import { badRequest } from './errors.js';
import { RECEIPT_NUMBER_PATTERN } from '../lib/cases/identity.js';

// C0 controls but tab, line feed and carriage return; and DEL
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const TEXT_RULE = '不能含有控制字符 (如 NUL)';

function pathProblems(rawPath: string): Problem[] {
  for (const segment of rawPath.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return [{ field: 'path', rule: 'encoding', message: `路径「${segment.slice(0, 60)}」含有无效的 URL 编码 (应为 UTF-8 的 %XX)` }];
    }
    if (CONTROL.test(decoded)) return [{ field: 'path', rule: 'text', message: `路径${TEXT_RULE}` }];
  }
  return [];
}

/** Every string in a value (query, JSON body) with its JSON pointer. */
function* strings(value: unknown, at: string, depth = 0): Generator<[string, string]> {
  if (typeof value === 'string') yield [at, value];
  else if (value && typeof value === 'object' && depth < 64) {
    for (const [key, child] of Object.entries(value)) {
      yield [`${at}/${key}`, key];
      yield* strings(child, `${at}/${key}`, depth + 1);
    }
  }
}

function textProblems(value: unknown, part: string): Problem[] {
  const problems: Problem[] = [];
  for (const [pointer, text] of strings(value, '')) {
    if (CONTROL.test(text)) problems.push({ field: part === 'body' ? pointer || '/' : pointer.slice(1), rule: 'text', message: `「${pointer.slice(1).slice(0, 60) || part}」${TEXT_RULE}` });
    if (problems.length >= 20) break;
  }
  return problems;
}

/** For every route: the path and query (and a JSON body, once parsed) hold readable text only. */
export function readableRequest(part: 'url' | 'body'): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const problems = part === 'url'
      ? [...pathProblems(req.path), ...textProblems(req.query, 'query')]
      : textProblems(req.body, 'body');
    next(problems.length ? badRequest(part === 'url' ? '请求地址无效' : '请求体无效', problems) : undefined);
  };
}

type FieldSchema = Record<string, unknown>;

/** Field rules shared by routes: build params and query schemas from these. */
export const field = {
  /** 受理编号 SP<yyyymmdd><6 digits> */
  receiptNumber: { type: 'string', pattern: RECEIPT_NUMBER_PATTERN.source, title: '受理编号' },
  /** an item's or bundle's key in the catalogue */
  key: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,79}$', title: '事项编码' },
  /** the one ISO date rule: a day that exists */
  date: { type: 'string', format: 'date' },
  /** a positive whole number that fits an integer column (versions, years as path segments) */
  positiveInteger: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' },
  year: { type: 'string', pattern: '^(20[0-9]{2}|2100)$', title: '年份 (2000 到 2100)' },
  /** an id the engine gave (task, filter, process instance): a UUID or a number */
  engineId: { type: 'string', pattern: '^[0-9A-Za-z][0-9A-Za-z-]{0,63}$', title: '引擎标识' },
  /** a BPMN process id (NCName) */
  processKey: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,254}$', title: '流程标识' },
  boolean: { type: 'string', enum: ['true', 'false'] },
  text: (maxLength: number, title?: string): FieldSchema => ({ type: 'string', minLength: 1, maxLength, ...(title ? { title } : {}) }),
} satisfies Record<string, FieldSchema | ((...args: never[]) => FieldSchema)>;

const ajv = createAjv();
const PART_NAMES = { params: '路径参数', query: '查询参数' } as const;

/**
 * Checks `req.params` and `req.query` against their fields (unknown query parameters are
 * ignored, a repeated one is refused); 400 with every problem, or on to the route.
 */
export function validRequest(fields: { params?: Record<string, FieldSchema>; query?: Record<string, FieldSchema>; required?: string[] }): <P>(req: Request<P>, res: Response, next: NextFunction) => void {
  const compiled: Array<['params' | 'query', ValidateFunction, object]> = [];
  for (const part of ['params', 'query'] as const) {
    const properties = fields[part];
    if (!properties) continue;
    // path parameters are always there; query fields only when listed in `required`
    const required = part === 'params' ? Object.keys(properties) : (fields.required ?? []).filter((name) => name in properties);
    const schema = { type: 'object', properties: Object.fromEntries(Object.entries(properties).map(([name, rule]) => [name, { title: name, ...rule }])), required };
    compiled.push([part, ajv.compile(schema), schema]);
  }
  return <P>(req: Request<P>, _res: Response, next: NextFunction): void => {
    const problems: Problem[] = [];
    for (const [part, validate, schema] of compiled) {
      if (validate(req[part])) continue;
      for (const problem of problemsOf(validate.errors ?? [], schema, req[part])) {
        problems.push({ ...problem, field: problem.field.replace(/^\//, '') || part });
      }
    }
    next(problems.length ? badRequest(`${[...new Set(problems.map((p) => PART_NAMES[p.field in (fields.params ?? {}) ? 'params' : 'query']))].join('、')}无效`, problems) : undefined);
  };
}
