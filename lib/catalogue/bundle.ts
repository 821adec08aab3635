// 一件事: one form, one set of materials, one acceptance for several items. The bundle entry
// says which items (and which the applicant may tick), the shared form and its cross rules,
// the target, and who inspects together (联合踏勘). An application is split into one
// application per ticked item, each checked against its own catalogue entry, and every problem
// of the whole bundle is listed at once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { createApplicationValidator, type ValidationProblem } from '../validation/application-validator.js';
import { checkApplication } from './application-check.js';
import type { LicenceVerdicts } from './licensed-materials.js';
import { SCHEMA_DIR, type CatalogueEntry } from './entry.js';

export type JointRule = '全部同意' | '多数同意' | '任一同意';

/**
 * 会签: the unified opinion by the rule, from the opinions given so far out of `total`
 * departments; `decided` once the rest cannot change it (the joint inspection may end early).
 */
export function jointVerdict(rule: JointRule, total: number, opinions: Array<{ opinion: string }>): { decided: boolean; agreed: boolean } {
  const agreed = opinions.filter((o) => o.opinion !== '不同意').length;
  const refused = opinions.length - agreed;
  if (rule === '任一同意') return { decided: agreed >= 1 || refused === total, agreed: agreed >= 1 };
  if (rule === '多数同意') return { decided: agreed * 2 > total || refused * 2 >= total, agreed: agreed * 2 > total };
  return { decided: opinions.length === total, agreed: refused === 0 };
}

export interface BundleEntry {
  key: string;
  code: string;
  name: string;
  description?: string;
  items: Array<{ itemKey: string; optional: boolean; stage?: 1 | 2 }>;
  form: Record<string, unknown>;
  rules?: Array<{ ifTicked: string; field: string; minimum: number; message: string }>;
  targetWorkingDays: number;
  /** 会签规则: 全部同意 (default), 多数同意, 任一同意 */
  jointInspection?: { groups: string[]; rule?: JointRule };
  status: '在用' | '暂停' | '已取消';
}

export interface BundleApplication {
  applicant?: unknown;
  details?: Record<string, unknown>;
  items?: unknown;
  materials?: Array<{ code: string }>;
  delivery?: unknown;
}

const bundleSchema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'bundle.schema.json'), 'utf8')) as object;
const validator = createApplicationValidator();
export const BUNDLE_DIR = path.join(PROJECT_ROOT, 'catalogue', 'bundles');

export function checkBundle(entry: unknown, items: Map<string, CatalogueEntry>): ValidationProblem[] {
  const problems = validator.validate(bundleSchema, entry);
  if (problems.length) return problems;
  const bundle = entry as BundleEntry;
  bundle.items.forEach(({ itemKey }, index) => {
    if (!items.has(itemKey)) problems.push({ field: `/items/${index}/itemKey`, rule: 'knownItem', message: `事项「${itemKey}」不在事项清单中` });
  });
  const formProblem = validator.checkSchema(bundle.form);
  if (formProblem) problems.push({ field: '/form', rule: 'jsonSchema', message: `一表申请不是有效的 JSON Schema: ${formProblem}` });
  return problems;
}

/**
 * What the items of the first stage issue for those of the second (营业执照 of 设立登记): per
 * ticked later item, its materials an earlier ticked item produces (code → issuing item), and
 * whether the applicant is the enterprise being established (its code comes from that item).
 */
export function producedWithin(bundle: Pick<BundleEntry, 'items'>, items: Map<string, CatalogueEntry>, ticked: string[]): { newHolder: boolean; produced: Map<string, Map<string, string>> } {
  const stage = (key: string) => bundle.items.find((item) => item.itemKey === key)?.stage ?? 1;
  const first = ticked.filter((key) => stage(key) === 1).flatMap((key) => (items.get(key) ? [items.get(key)!] : []));
  const issuer = new Map(first.map((entry) => [entry.result.name, entry.key]));
  const produced = new Map<string, Map<string, string>>();
  for (const key of ticked.filter((k) => stage(k) === 2)) {
    const byCode = new Map((items.get(key)?.materials ?? []).flatMap((m) => (m.electronicLicence && issuer.has(m.electronicLicence) ? [[m.code, issuer.get(m.electronicLicence)!] as const] : [])));
    if (byCode.size) produced.set(key, byCode);
  }
  return { newHolder: first.some((entry) => entry.result.assignsCreditCode === true), produced };
}

/** Every material of the ticked items, once (the one set of materials, 一套材料). */
export function bundleMaterials(items: Map<string, CatalogueEntry>, ticked: string[]): CatalogueEntry['materials'] {
  const byCode = new Map(ticked.flatMap((key) => items.get(key)?.materials ?? []).map((m) => [m.code, m]));
  return [...byCode.values()];
}

export interface BundleCheck {
  problems: ValidationProblem[];
  ticked: string[];
  /** the application of each ticked item, cut from the one form and the one set of materials */
  applications: Record<string, unknown>;
}

/** `licences`: the verdicts on the licence numbers the application refers to (licensed-materials.ts) */
export function checkBundleApplication(bundle: BundleEntry, items: Map<string, CatalogueEntry>, application: BundleApplication | null, licences?: LicenceVerdicts): BundleCheck {
  const problems: ValidationProblem[] = [];
  const ticked = Array.isArray(application?.items) ? (application!.items as unknown[]).filter((key): key is string => typeof key === 'string') : [];
  const members = new Set(bundle.items.map((item) => item.itemKey));
  if (ticked.length === 0) problems.push({ field: '/items', rule: 'minItems', message: '未勾选任何事项 (勾选清单)' });
  for (const key of ticked) if (!members.has(key)) problems.push({ field: '/items', rule: 'member', message: `「${items.get(key)?.name ?? key}」不属于「${bundle.name}」` });
  for (const { itemKey, optional } of bundle.items) {
    if (!optional && !ticked.includes(itemKey)) problems.push({ field: '/items', rule: 'required', message: `「${items.get(itemKey)?.name ?? itemKey}」是本一件事的必办事项, 不能不勾选` });
  }
  const details = application?.details ?? {};
  problems.push(...validator.validate({ ...bundle.form, $id: `shenpi:bundle-form:${bundle.key}` }, details).map((problem) => ({ ...problem, field: `/details${problem.field === '/' ? '' : problem.field}` })));
  for (const rule of bundle.rules ?? []) {
    const value = details[rule.field];
    if (ticked.includes(rule.ifTicked) && (typeof value !== 'number' || value < rule.minimum)) problems.push({ field: `/details/${rule.field}`, rule: 'contradiction', message: rule.message });
  }
  const applications: Record<string, unknown> = {};
  const { newHolder, produced } = producedWithin(bundle, items, ticked.filter((k) => members.has(k)));
  for (const key of ticked.filter((k) => members.has(k))) {
    const entry = items.get(key);
    if (!entry) problems.push({ field: '/items', rule: 'inForce', message: `「${key}」当前不在实施中` });
    if (!entry) continue;
    const fields = Object.keys((entry.applicationFields as { properties?: object } | undefined)?.properties ?? {});
    const codes = new Set(entry.materials.map((material) => material.code));
    const itemApplication = {
      applicant: application?.applicant,
      ...(entry.applicationFields ? { details: Object.fromEntries(fields.filter((field) => field in details).map((field) => [field, details[field]])) } : {}),
      materials: (application?.materials ?? []).filter((material) => codes.has(material.code)),
      delivery: application?.delivery,
    };
    applications[key] = itemApplication;
    for (const problem of checkApplication(entry, itemApplication, { licences, newHolder, produced: produced.get(key) })) {
      // the applicant and delivery are checked once, for the whole bundle
      if (problem.field.startsWith('/applicant') || problem.field.startsWith('/delivery')) {
        if (!problems.some((p) => p.field === problem.field && p.rule === problem.rule)) problems.push(problem);
        continue;
      }
      problems.push({ ...problem, field: `/${key}${problem.field}`, message: `${entry.name}: ${problem.message}` });
    }
  }
  return { problems, ticked, applications };
}
