// Validates an application against its item's JSON Schema and reports EVERY problem at once
// (一次性告知), each with the field, the rule and a Chinese message. Knows nothing of Camunda.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { checkCreditCode, checkIdCardNumber } from './identifiers.js';
import { isIsoDate } from './input-error.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export type { Problem as ValidationProblem } from '../errors.js';
import type { Problem as ValidationProblem } from '../errors.js';

export interface ApplicationValidator {
  validate(schema: object, data: unknown): ValidationProblem[];
  /** why a schema cannot be used (undefined when it compiles) */
  checkSchema(schema: object): string | undefined;
}

type SchemaNode = { title?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode };

function titleAt(schema: SchemaNode, pointer: string): string {
  let node: SchemaNode | undefined = schema;
  const parts = pointer.split('/').slice(1);
  for (const part of parts) {
    if (!node) break;
    node = /^\d+$/.test(part) ? node.items : node.properties?.[part];
  }
  return node?.title ?? (parts.at(-1) ?? '申请');
}

function describe(error: ErrorObject, title: string, data: unknown): { rule: string; message: string } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': return { rule: 'required', message: `缺少必填项「${title}」` };
    case 'type': return { rule: 'type', message: `「${title}」类型不正确` };
    case 'minLength': return { rule: 'minLength', message: `「${title}」不能少于 ${p.limit} 个字符` };
    case 'maxLength': return { rule: 'maxLength', message: `「${title}」不能超过 ${p.limit} 个字符` };
    case 'minimum': case 'exclusiveMinimum': return { rule: error.keyword, message: `「${title}」不能小于${error.keyword === 'minimum' ? '' : '或等于'} ${p.limit}` };
    case 'maximum': case 'exclusiveMaximum': return { rule: error.keyword, message: `「${title}」不能大于${error.keyword === 'maximum' ? '' : '或等于'} ${p.limit}` };
    case 'minItems': return { rule: 'minItems', message: `「${title}」至少选择 ${p.limit} 项` };
    case 'maxItems': return { rule: 'maxItems', message: `「${title}」最多选择 ${p.limit} 项` };
    case 'uniqueItems': return { rule: 'uniqueItems', message: `「${title}」不能重复` };
    case 'enum': return { rule: 'enum', message: `「${title}」不是允许的取值` };
    case 'pattern': return { rule: 'pattern', message: `「${title}」格式不正确` };
    case 'additionalProperties': return { rule: 'additionalProperties', message: `申请中含有未定义的项「${String(p.additionalProperty)}」` };
    case 'format': {
      if (p.format === 'uscc' && typeof data === 'string') {
        const check = checkCreditCode(data);
        if (!check.ok) return { rule: `format:uscc:${check.rule}`, message: `「${title}」${check.message}` };
      }
      if (p.format === 'cn-id-card' && typeof data === 'string') {
        const check = checkIdCardNumber(data);
        if (!check.ok) return { rule: `format:cn-id-card:${check.rule}`, message: `「${title}」${check.message}` };
      }
      if (p.format === 'date') return { rule: 'format:date', message: `「${title}」应为存在的日期 YYYY-MM-DD` };
      return { rule: `format:${String(p.format)}`, message: `「${title}」格式不正确` };
    }
    default: return { rule: error.keyword, message: `「${title}」不符合要求 (${error.keyword})` };
  }
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/**
 * The project's ajv: every problem at once, strict schemas (if/then branches may require
 * properties defined beside them), the standard formats, and shenpi's own: `date` is the one ISO
 * date rule (a day that exists), `uscc` and `cn-id-card` check their check digits; the keyword
 * `trimmedMinLength` counts a text's characters without its surrounding blanks.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  ajv.addFormat('date', { type: 'string', validate: isIsoDate });
  ajv.addFormat('uscc', { type: 'string', validate: (value: string) => checkCreditCode(value).ok });
  ajv.addFormat('cn-id-card', { type: 'string', validate: (value: string) => checkIdCardNumber(value).ok });
  // text that must have this many characters besides surrounding blanks (a name of spaces is no name)
  ajv.addKeyword({ keyword: 'trimmedMinLength', type: 'string', schemaType: 'number', errors: false, validate: (min: number, data: string) => data.trim().length >= min });
  return ajv;
}

/** ajv's errors as problems, each naming the field (a JSON pointer) and the rule, in Chinese. */
export function problemsOf(errors: ErrorObject[], schema: object, data: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // if/then branches repeat the real error with an "if" entry: it names no field
    if (error.keyword === 'if') continue;
    const field = error.keyword === 'required'
      ? `${error.instancePath}/${String((error.params as { missingProperty: string }).missingProperty)}`
      : error.instancePath || '/';
    const { rule, message } = describe(error, titleAt(schema as SchemaNode, field), valueAt(data, field));
    const key = `${field}|${rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ field, rule, message });
  }
  return problems;
}

export function createApplicationValidator(): ApplicationValidator {
  const ajv = createAjv();
  const compiled = new Map<string, ValidateFunction>();

  const compile = (schema: object): ValidateFunction => {
    const id = (schema as { $id?: string }).$id ?? JSON.stringify(schema);
    let validate = compiled.get(id);
    if (!validate) {
      try {
        validate = ajv.compile(schema);
      } catch (error) {
        throw new Error(`申请表结构 ${(schema as { $id?: string }).$id ?? '(无 $id)'} 无效: ${(error as Error).message}`);
      }
      compiled.set(id, validate);
    }
    return validate;
  };

  return {
    checkSchema(schema) {
      try {
        ajv.compile(schema);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
    validate(schema, data) {
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        return [{ field: '/', rule: 'type', message: '申请内容为空或不是有效的申请表' }];
      }
      const validate = compile(schema);
      if (validate(data)) return [];
      return problemsOf(validate.errors ?? [], schema, data);
    },
  };
}
