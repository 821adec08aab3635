// A catalogue entry (政务服务事项): its shape is catalogue/schema/catalogue-item.schema.json;
// the rules a schema cannot say are checked here, each problem naming its field.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { createApplicationValidator, type ValidationProblem } from '../validation/application-validator.js';

export type ItemType = '行政许可' | '行政确认' | '行政给付' | '行政奖励' | '行政裁决' | '行政备案' | '其他行政权力' | '公共服务';
export type MaterialForm = '原件' | '复印件' | '电子件';

export interface CatalogueMaterial {
  code: string;
  name: string;
  required: boolean;
  /** may be supplied after acceptance (容缺) */
  deferrable: boolean;
  form: MaterialForm;
  copies: number;
  note?: string;
  /** the electronic licence (its result name) that stands for this material: 免提交 */
  electronicLicence?: string;
}

export interface CatalogueEntry {
  key: string;
  code: string;
  name: string;
  type: ItemType;
  level: '主项' | '子项' | '业务办理项';
  parentCode?: string;
  department: string;
  implementingAuthority: { name: string; creditCode: string };
  supervisingDepartment?: string;
  legalBasis: string[];
  legalTimeLimit: number;
  promisedTimeLimit: number;
  processingType: '即办件' | '承诺件';
  materials: CatalogueMaterial[];
  fee: { charged: boolean; amount?: number; basis?: string };
  notificationCommitment: boolean;
  deferredAcceptance: boolean;
  siteInspection: boolean;
  majorDecision: boolean;
  /** 审查与决定分离 is the default; an item may let the reviewer decide (e.g. a section of one) */
  reviewerMayDecide?: boolean;
  /** 告知承诺: which proofs may follow the decision, within what period, on what liability */
  commitment?: { materials: string[]; content: string; liability: string; periodWorkingDays: number; noticeWorkingDays?: number };
  /** 容缺受理: the supplement period (at most the promised time limit) */
  deferral?: { supplementWorkingDays: number };
  result: { name: string; kind: '证照' | '批准文书' | '备案回执' | '其他'; licenceCategory?: string; validityYears?: number; numberPrefix?: string; assignsCreditCode?: boolean };
  published: boolean;
  reviewGroup: string;
  applicationFields?: Record<string, unknown>;
  status: '在用' | '暂停' | '已取消';
  effectiveFrom?: string;
}

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'catalogue', 'schema');
export const catalogueItemSchema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'catalogue-item.schema.json'), 'utf8')) as object;

const validator = createApplicationValidator();

/** Every problem of an entry at once; an empty list means it may be saved. */
export function checkEntry(entry: unknown): ValidationProblem[] {
  const problems = validator.validate(catalogueItemSchema, entry);
  if (problems.length) return problems;
  const item = entry as CatalogueEntry;
  if (item.promisedTimeLimit > item.legalTimeLimit) {
    problems.push({ field: '/promisedTimeLimit', rule: 'promisedWithinLegal', message: `承诺办结时限 (${item.promisedTimeLimit} 个工作日) 不能超过法定办结时限 (${item.legalTimeLimit} 个工作日)` });
  }
  const seen = new Set<string>();
  item.materials.forEach((material, index) => {
    if (seen.has(material.code)) problems.push({ field: `/materials/${index}/code`, rule: 'unique', message: `材料编码「${material.code}」重复` });
    seen.add(material.code);
    if (material.deferrable && !item.deferredAcceptance) {
      problems.push({ field: `/materials/${index}/deferrable`, rule: 'deferrableNeedsDeferredAcceptance', message: `材料「${material.name}」标为可容缺, 但事项未实行容缺受理` });
    }
    if (material.deferrable && !material.required) {
      problems.push({ field: `/materials/${index}/deferrable`, rule: 'deferrableMustBeRequired', message: `材料「${material.name}」不是必需材料, 无需标为可容缺` });
    }
  });
  if (item.applicationFields) {
    const problem = validator.checkSchema(item.applicationFields);
    if (problem) problems.push({ field: '/applicationFields', rule: 'jsonSchema', message: `申请表专项内容不是有效的 JSON Schema: ${problem}` });
  }
  if (item.commitment) {
    const codes = new Set(item.materials.map((material) => material.code));
    item.commitment.materials.forEach((code, index) => {
      if (!codes.has(code)) problems.push({ field: `/commitment/materials/${index}`, rule: 'knownMaterial', message: `告知承诺的材料「${code}」不是本事项的申请材料` });
    });
    if (!item.notificationCommitment) problems.push({ field: '/commitment', rule: 'commitmentNeedsFlag', message: '填写了告知承诺内容, 但事项未实行告知承诺' });
  }
  if (item.deferral) {
    if (!item.deferredAcceptance) problems.push({ field: '/deferral', rule: 'deferralNeedsFlag', message: '填写了容缺补正期限, 但事项未实行容缺受理' });
    if (item.deferral.supplementWorkingDays > item.promisedTimeLimit) {
      problems.push({ field: '/deferral/supplementWorkingDays', rule: 'withinPromised', message: `容缺补正期限 (${item.deferral.supplementWorkingDays} 个工作日) 不能晚于承诺办结时限 (${item.promisedTimeLimit} 个工作日)` });
    }
  }
  if (item.fee.charged === false && (item.fee.amount !== undefined || item.fee.basis !== undefined)) {
    problems.push({ field: '/fee/amount', rule: 'noFeeNoAmount', message: '事项不收费, 不应填写收费标准或依据' });
  }
  return problems;
}

/** Working days the applicant has to supply what was accepted as 容缺: never beyond the promised limit. */
export function supplementWorkingDays(entry: CatalogueEntry): number {
  return Math.min(entry.deferral?.supplementWorkingDays ?? entry.promisedTimeLimit, entry.promisedTimeLimit);
}

/** Whether an application may be accepted for this entry today (清单之外无审批). */
export function inForce(entry: CatalogueEntry, today: string): boolean {
  return entry.status === '在用' && (!entry.effectiveFrom || entry.effectiveFrom <= today);
}
