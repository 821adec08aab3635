// Checks an application against its catalogue entry and lists EVERY problem at once
// (一次性告知): the form (applicant, item-specific content, delivery) and the materials the
// window received, each missing or defective material by name.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createApplicationValidator, type ValidationProblem } from '../validation/application-validator.js';
import { SCHEMA_DIR, type CatalogueEntry, type CatalogueMaterial } from './entry.js';
import type { LicenceVerdicts } from './licensed-materials.js';

export interface ApplicationProblem extends ValidationProblem {
  /** the catalogue material concerned, for material problems */
  material?: string;
  /** the material may be supplied after acceptance (容缺), if the applicant is eligible */
  deferrable?: boolean;
}

interface SubmittedMaterial { code: string; form: string; copies: number; defect?: string; licenceNumber?: string }

export interface CheckOptions {
  /** licence numbers the application refers to, verified (null) or why not (licensed-materials.ts) */
  licences?: LicenceVerdicts;
  /** materials an earlier item of the same 一件事 issues: not asked of the applicant (code → issuing item) */
  produced?: ReadonlyMap<string, string>;
  /** the applicant is an enterprise being established in the same 一件事: it has no code yet */
  newHolder?: boolean;
  /**
   * the desk's recorded reason for accepting the applicant's credit code although its check digit
   * fails (试点期代码); nothing else about the code (length, characters) is waived
   */
  creditCodeOverride?: string;
}

const applicationSchema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'application.schema.json'), 'utf8')) as { properties: Record<string, object> };
const validator = createApplicationValidator();

/** The item's application schema: the common one with the item's own content under `details`. */
export function applicationSchemaFor(entry: CatalogueEntry): object {
  const details = entry.applicationFields ?? { type: 'object', additionalProperties: false, properties: {} };
  return {
    ...applicationSchema,
    $id: `shenpi:application:${entry.key}:${hashOf(entry.applicationFields)}`,
    title: `${entry.name}申请`,
    required: entry.applicationFields ? [...(applicationSchema as unknown as { required: string[] }).required, 'details'] : (applicationSchema as unknown as { required: string[] }).required,
    properties: { ...applicationSchema.properties, details: { title: '申请事项内容', ...details } },
  };
}

function hashOf(value: unknown): string {
  const text = JSON.stringify(value ?? null);
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

const FORM_RANK: Record<string, number> = { 原件: 2, 复印件: 1, 电子件: 1 };

/** What only a check digit fails: a code from the early pilots (试点期代码) a clerk may accept, recorded. */
const PILOT_ERA_RULES = new Set(['format:uscc:check-digit', 'format:uscc:org-code-check-digit']);

export function checkApplication(entry: CatalogueEntry, application: unknown, options: CheckOptions = {}): ApplicationProblem[] {
  let problems: ApplicationProblem[] = validator.validate(applicationSchemaFor(entry), application)
    .filter((problem) => !(options.creditCodeOverride && problem.field === '/applicant/creditCode' && PILOT_ERA_RULES.has(problem.rule)));
  // 设立登记: the enterprise applies under the name it reserved and gets its code from the registration
  if (options.newHolder || entry.result.assignsCreditCode) problems = newHolderProblems(problems, application);
  if ((application as { commitment?: unknown })?.commitment && !entry.notificationCommitment) {
    problems.push({ field: '/commitment', rule: 'commitment:notAllowed', message: `「${entry.name}」不实行告知承诺制, 不能以承诺代替证明材料` });
  }
  const submitted = (application as { materials?: unknown })?.materials;
  if (!Array.isArray(submitted)) return problems;
  const byCode = new Map<string, { material: SubmittedMaterial; index: number }>();
  submitted.forEach((material: SubmittedMaterial, index) => {
    if (material && typeof material.code === 'string') byCode.set(material.code, { material, index });
  });
  const known = new Set(entry.materials.map((material) => material.code));
  for (const [code, { index }] of byCode) {
    if (!known.has(code)) problems.push({ field: `/materials/${index}/code`, rule: 'material:unknown', message: `提交的材料「${code}」不是本事项要求的材料`, material: code });
  }
  for (const required of entry.materials) {
    const found = byCode.get(required.code);
    const base = { material: required.code, deferrable: required.deferrable };
    if (!found) {
      if (required.required && !options.produced?.has(required.code)) {
        problems.push({ ...base, field: `/materials/${required.code}`, rule: 'material:missing', message: `缺少申请材料「${required.name}」(${required.form} ${required.copies} 份)${required.deferrable ? ', 可申请容缺后补' : ''}` });
      }
      continue;
    }
    const { material, index } = found;
    if (typeof material.licenceNumber === 'string') {
      // an electronic licence stands for the material: no form or copies to count
      const why = options.licences?.has(material.licenceNumber) ? options.licences.get(material.licenceNumber) : `电子证照「${material.licenceNumber}」未经核验`;
      if (why) problems.push({ ...base, field: `/materials/${index}/licenceNumber`, rule: 'material:licence', message: `申请材料「${required.name}」: ${why}` });
      continue;
    }
    if ((FORM_RANK[material.form] ?? 0) < (FORM_RANK[required.form] ?? 0) || (required.form === '电子件' && material.form !== '电子件' && material.form !== '原件')) {
      problems.push({ ...base, field: `/materials/${index}/form`, rule: 'material:form', message: `申请材料「${required.name}」应提交${required.form}, 实际为${material.form}` });
    }
    if (typeof material.copies === 'number' && material.copies < required.copies) {
      problems.push({ ...base, field: `/materials/${index}/copies`, rule: 'material:copies', message: `申请材料「${required.name}」应提交 ${required.copies} 份, 实际 ${material.copies} 份` });
    }
    if (typeof material.defect === 'string' && material.defect.trim() !== '') {
      problems.push({ ...base, field: `/materials/${index}/defect`, rule: 'material:defective', message: `申请材料「${required.name}」不符合法定形式: ${material.defect.trim()}` });
    }
  }
  return problems;
}

/** A new enterprise has no 统一社会信用代码 yet; it applies under the enterprise name it registers. */
function newHolderProblems(problems: ApplicationProblem[], application: unknown): ApplicationProblem[] {
  const { applicant, details } = (application ?? {}) as { applicant?: { category?: unknown; name?: unknown; creditCode?: unknown }; details?: { enterpriseName?: unknown } };
  // a natural person applies under his own name and ID number
  if (applicant?.category === '自然人') return problems;
  const kept = problems.filter((problem) => !(problem.field === '/applicant/creditCode' && problem.rule === 'required'));
  if (applicant && applicant.creditCode === undefined && typeof details?.enterpriseName === 'string' && applicant.name !== details.enterpriseName) {
    kept.push({ field: '/applicant/name', rule: 'newHolder:name', message: `新设立企业尚无统一社会信用代码, 申请人名称应为申报的企业名称「${details.enterpriseName}」` });
  }
  return kept;
}

export type AcceptancePath = 'complete' | 'deficient' | 'deferral' | 'commitment';

export interface Classification {
  path: AcceptancePath;
  /** materials accepted as missing: 容缺 (to supply later) or 告知承诺 (proof promised) */
  pending: Array<Pick<CatalogueMaterial, 'code' | 'name' | 'form' | 'copies'>>;
}

/**
 * Which acceptance the problems allow: all of them missing materials that may be deferred
 * (容缺), or proofs the applicant has promised (告知承诺); anything else is 一次性告知.
 */
export function classify(entry: CatalogueEntry, application: unknown, problems: ApplicationProblem[]): Classification {
  const commitment = (application as { commitment?: { signed?: boolean; inspection?: string } })?.commitment;
  // 信用承诺 + 远程勘验: a complete application whose applicant promises, to be inspected later or with gaps tolerated
  const creditPromise = commitment?.signed === true && entry.commitment !== undefined && entry.siteInspection
    && (commitment.inspection === '择期补充勘验' || commitment.inspection === '容缺勘验');
  if (problems.length === 0) return creditPromise ? { path: 'commitment', pending: [] } : { path: 'complete', pending: [] };
  const missing = problems.every((problem) => problem.rule === 'material:missing' && problem.material);
  const materials = problems.map((problem) => entry.materials.find((material) => material.code === problem.material)!);
  const pending = missing ? materials.map(({ code, name, form, copies }) => ({ code, name, form, copies })) : [];
  const promised = (application as { commitment?: { signed?: boolean } })?.commitment?.signed === true;
  if (missing && promised && entry.commitment && materials.every((material) => entry.commitment!.materials.includes(material.code))) return { path: 'commitment', pending };
  if (missing && entry.deferredAcceptance && materials.every((material) => material.deferrable)) return { path: 'deferral', pending };
  return { path: 'deficient', pending: [] };
}

export function summariseProblems(problems: ValidationProblem[]): string {
  return problems.map((problem, index) => `${index + 1}. ${problem.message}`).join('\n');
}
