// The online application (网上申请) as the platform API receives it: `{ itemKey | bundleKey,
// application }`, checked synchronously with the very functions the workers use
// (checkApplication + classify, checkBundleApplication), so the applicant learns at once either
// that the case may start or EVERY problem to fix (一次性告知). Knows nothing of HTTP.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { checkApplication, classify, summariseProblems, type ApplicationProblem, type Classification } from '../catalogue/application-check.js';
import { bundleMaterials, checkBundleApplication, producedWithin, type BundleApplication, type BundleEntry } from '../catalogue/bundle.js';
import { resolveLicensedMaterials } from '../catalogue/licensed-materials.js';
import { inForce, SCHEMA_DIR, type CatalogueEntry } from '../catalogue/entry.js';
import { latestBundle } from '../repositories/bundles.js';
import { latestVersion } from '../repositories/catalogue.js';
import { createApplicationValidator, type ValidationProblem } from '../validation/application-validator.js';

type JsonSchema = Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };

/** The common application schema (catalogue/schema/application.schema.json) without its draft markers. */
export function applicationSchema(): JsonSchema {
  const { $schema: _s, $id: _i, ...schema } = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'application.schema.json'), 'utf8')) as JsonSchema;
  return schema as JsonSchema;
}

/** A 一件事 application: the same applicant, materials and delivery, the ticked items and the one form. */
export function bundleApplicationSchema(): JsonSchema {
  const common = applicationSchema();
  return {
    title: '一件事申请',
    type: 'object',
    additionalProperties: false,
    required: ['applicant', 'items', 'materials', 'delivery'],
    properties: {
      applicant: common.properties.applicant!,
      items: { title: '勾选事项', type: 'array', minItems: 1, maxItems: 30, uniqueItems: true, items: { title: '事项编码', type: 'string', minLength: 1, maxLength: 80 } },
      details: { title: '一表申请内容', type: 'object' },
      materials: common.properties.materials!,
      delivery: common.properties.delivery!,
    },
  };
}

export const CATALOGUE_KEY_PATTERN = '^[a-z0-9][a-z0-9-]{0,79}$';

/** The envelope of every online application. */
export function submissionSchema(): JsonSchema {
  return {
    title: '网上申请',
    type: 'object',
    additionalProperties: false,
    required: ['application'],
    properties: {
      itemKey: { title: '事项', type: 'string', pattern: CATALOGUE_KEY_PATTERN },
      bundleKey: { title: '一件事', type: 'string', pattern: CATALOGUE_KEY_PATTERN },
      application: { title: '申请', type: 'object' },
    },
  };
}

const validator = createApplicationValidator();
const commonSchema = { ...applicationSchema(), $id: 'shenpi:platform:application' };
const bundleSchema = { ...bundleApplicationSchema(), $id: 'shenpi:platform:bundle-application' };
const envelopeSchema = { ...submissionSchema(), $id: 'shenpi:platform:submission' };

const MAX_DEPTH = 16;
const MAX_NODES = 5_000;
// C0/C1 controls (but tab and line breaks), lone surrogates, non-characters, bidi overrides
// eslint-disable-next-line no-control-regex
const FORBIDDEN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const pointer = (base: string, key: string | number): string => `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * What no schema catches and no database should see: nesting too deep to walk, too many
 * values, text with control characters (PostgreSQL refuses NUL) or broken Unicode. Iterative,
 * so a deeply nested body cannot exhaust the stack.
 */
export function inspectJson(value: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const stack: Array<{ value: unknown; at: string; depth: number }> = [{ value, at: '', depth: 0 }];
  let nodes = 0;
  while (stack.length && problems.length < 50) {
    const { value: node, at, depth } = stack.pop()!;
    if (++nodes > MAX_NODES) {
      problems.push({ field: '/', rule: 'maxNodes', message: `请求内容过于庞大 (超过 ${MAX_NODES} 个值)` });
      break;
    }
    if (typeof node === 'string') {
      if (FORBIDDEN_TEXT.test(node)) problems.push({ field: at || '/', rule: 'text:characters', message: `「${at || '/'}」含有不允许的控制字符或无效的 Unicode 字符` });
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      problems.push({ field: at || '/', rule: 'maxDepth', message: `「${at || '/'}」嵌套层级超过 ${MAX_DEPTH} 层` });
      continue;
    }
    const entries = Array.isArray(node) ? node.map((child, index) => [index, child] as const) : Object.entries(node);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && FORBIDDEN_TEXT.test(key)) problems.push({ field: at || '/', rule: 'text:characters', message: `「${at || '/'}」中的字段名含有不允许的字符` });
      stack.push({ value: child, at: pointer(at, key), depth: depth + 1 });
    }
  }
  return problems;
}

const under = (prefix: string, problems: ApplicationProblem[]): ApplicationProblem[] =>
  problems.map((problem) => ({ ...problem, field: `${prefix}${problem.field === '/' ? '' : problem.field}` }));

function dedupe<T extends ValidationProblem>(problems: T[]): T[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.field}|${problem.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type IntakeVerdict =
  /** the request names nothing we process, or is not shaped like an application at all */
  | { outcome: 'invalid'; problems: ApplicationProblem[] }
  /** 一次性告知: every problem the applicant must fix; no case is started */
  | { outcome: 'deficient'; kind: 'item' | 'bundle'; key: string; name: string; problems: ApplicationProblem[]; notice: string }
  /** the case may start: complete, or acceptable on a promise (容缺 / 告知承诺, decided at the window) */
  | { outcome: 'acceptable'; kind: 'item' | 'bundle'; key: string; name: string; version: number; classification: Classification; problems: ApplicationProblem[]; items?: string[] };

function notice(name: string, problems: ApplicationProblem[]): string {
  return `您申请的「${name}」材料不齐全或不符合法定形式, 请一次性补正以下全部内容后重新提交:\n${summariseProblems(problems)}`;
}

/** Decides what becomes of an online application today. */
export async function evaluateSubmission(db: Knex, body: unknown, today: string): Promise<IntakeVerdict> {
  const envelope = validator.validate(envelopeSchema, body);
  const request = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as { itemKey?: unknown; bundleKey?: unknown; application?: unknown };
  const problems: ApplicationProblem[] = [...envelope];
  const hasItem = request.itemKey !== undefined;
  const hasBundle = request.bundleKey !== undefined;
  if (hasItem === hasBundle) problems.push({ field: '/itemKey', rule: 'oneOf', message: '须且只能填写 itemKey (单个事项) 或 bundleKey (一件事) 之一' });
  const application = request.application;
  const applicationIsObject = application !== null && typeof application === 'object' && !Array.isArray(application);

  if (hasBundle && !hasItem && typeof request.bundleKey === 'string') {
    const found = await latestBundle(db, request.bundleKey);
    if (!found || found.entry.status !== '在用') {
      problems.push({ field: '/bundleKey', rule: 'catalogue', message: found ? `一件事「${found.entry.name}」当前状态为「${found.entry.status}」, 不予受理` : `一件事「${request.bundleKey}」不在清单中 (清单之外无审批)` });
      if (applicationIsObject) problems.push(...under('/application', validator.validate(bundleSchema, application)));
      return { outcome: 'invalid', problems: dedupe(problems) };
    }
    if (!applicationIsObject) return { outcome: 'invalid', problems: dedupe(problems) };
    const verdict = await evaluateBundle(db, found.version, found.entry, application as BundleApplication, today);
    return problems.length ? { outcome: 'invalid', problems: dedupe([...problems, ...verdict.problems]) } : verdict;
  }
  if (hasItem && !hasBundle && typeof request.itemKey === 'string') {
    const found = await latestVersion(db, request.itemKey);
    if (!found || !inForce(found.entry, today)) {
      problems.push({ field: '/itemKey', rule: 'catalogue', message: found ? `事项「${found.entry.name}」当前状态为「${found.entry.status}」, 不在实施中, 不予受理` : `事项「${request.itemKey}」不在事项清单中 (清单之外无审批)` });
      if (applicationIsObject) problems.push(...under('/application', validator.validate(commonSchema, application)));
      return { outcome: 'invalid', problems: dedupe(problems) };
    }
    if (!applicationIsObject) return { outcome: 'invalid', problems: dedupe(problems) };
    const { entry, version } = found;
    const resolved = await resolveLicensedMaterials(db, entry.materials, application, today);
    const found_ = checkApplication(entry, resolved.application, { licences: resolved.licences });
    const classification = classify(entry, resolved.application, found_);
    const listed = under('/application', found_);
    if (problems.length) return { outcome: 'invalid', problems: dedupe([...problems, ...listed]) };
    if (classification.path === 'deficient') return { outcome: 'deficient', kind: 'item', key: entry.key, name: entry.name, problems: listed, notice: notice(entry.name, found_) };
    return { outcome: 'acceptable', kind: 'item', key: entry.key, name: entry.name, version, classification, problems: listed };
  }
  if (applicationIsObject) problems.push(...under('/application', validator.validate(commonSchema, application)));
  return { outcome: 'invalid', problems: dedupe(problems) };
}

async function evaluateBundle(db: Knex, version: number, bundle: BundleEntry, application: BundleApplication, today: string): Promise<IntakeVerdict> {
  const shape = validator.validate(bundleSchema, application);
  const items = new Map<string, CatalogueEntry>();
  for (const { itemKey } of bundle.items) {
    const found = await latestVersion(db, itemKey);
    if (found && inForce(found.entry, today)) items.set(itemKey, found.entry);
  }
  // only well-formed parts reach the shared check; the schema has named the rest
  const safe: BundleApplication = {
    applicant: application.applicant,
    details: application.details && typeof application.details === 'object' && !Array.isArray(application.details) ? application.details : {},
    items: Array.isArray(application.items) ? application.items : [],
    materials: Array.isArray(application.materials) ? application.materials.filter((material) => material !== null && typeof material === 'object' && !Array.isArray(material)) : [],
    delivery: application.delivery,
  };
  const ticked = (safe.items as unknown[]).filter((key): key is string => typeof key === 'string');
  const resolved = await resolveLicensedMaterials(db, bundleMaterials(items, ticked), safe, today);
  const checked = checkBundleApplication(bundle, items, resolved.application as BundleApplication, resolved.licences);
  // a new enterprise (设立登记 in the bundle) has no code yet: checked per item, not by the common shape
  const newHolder = producedWithin(bundle, items, ticked).newHolder;
  const shaped = shape.filter((problem) => !(newHolder && problem.field === '/applicant/creditCode' && problem.rule === 'required'));
  const problems = dedupe(under('/application', [...shaped, ...checked.problems]));
  if (problems.length) return { outcome: 'deficient', kind: 'bundle', key: bundle.key, name: bundle.name, problems, notice: notice(bundle.name, problems.map((p) => ({ ...p }))) };
  return { outcome: 'acceptable', kind: 'bundle', key: bundle.key, name: bundle.name, version, classification: { path: 'complete', pending: [] }, problems: [], items: checked.ticked };
}

export type ResubmissionVerdict =
  | { outcome: 'deficient'; name: string; problems: ApplicationProblem[]; notice: string }
  | { outcome: 'acceptable'; classification: Classification };

/** 补正 after a 一次性告知: the corrected application against the catalogue version the case started with, every problem at once. */
export async function evaluateResubmission(db: Knex, entry: CatalogueEntry, submitted: unknown, today: string): Promise<ResubmissionVerdict> {
  const { application, licences } = await resolveLicensedMaterials(db, entry.materials, submitted, today);
  const found = checkApplication(entry, application, { licences });
  const classification = classify(entry, application, found);
  if (classification.path === 'deficient') return { outcome: 'deficient', name: entry.name, problems: under('/application', found), notice: notice(entry.name, found) };
  return { outcome: 'acceptable', classification };
}
