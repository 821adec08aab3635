// A complete, valid application for any catalogue entry: a company applicant, every required
// material in the required form, and item-specific content generated from the entry's schema.
import type { CatalogueEntry } from '../../lib/catalogue/entry.js';

import { completeCreditCode } from '../../lib/validation/identifiers.js';

export const VALID_CREDIT_CODE = '91330100799655058B';

/** A valid 统一社会信用代码 no other test uses: credit records stick to an applicant. */
export function uniqueCreditCode(): string {
  return completeCreditCode(`91150100${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
}
export const VALID_ID_CARD = '11010519491231002X';

type Schema = { type?: string; enum?: unknown[]; format?: string; minimum?: number; exclusiveMinimum?: number; maximum?: number; minLength?: number; minItems?: number; items?: Schema; properties?: Record<string, Schema>; required?: string[]; const?: unknown };

export function sampleValue(schema: Schema, key = ''): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, sampleValue(property, name)]));
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, (_v, i) => {
        const value = sampleValue(schema.items ?? { type: 'string' }, key);
        return schema.items?.enum ? schema.items.enum[i] : value;
      });
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return Math.min(Math.max(low, 10), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return false;
    default:
      if (schema.format === 'date') return /end|until|finish/i.test(key) ? '2026-12-31' : '2026-10-20';
      if (schema.format === 'uscc') return VALID_CREDIT_CODE;
      if (schema.format === 'cn-id-card') return VALID_ID_CARD;
      return '呼和浩特市新城区新华大街一号测试内容'.slice(0, Math.max(schema.minLength ?? 2, 12));
  }
}

export function sampleApplication(entry: CatalogueEntry, overrides: { omitMaterials?: string[]; creditCode?: string; commitment?: Record<string, unknown> } = {}): Record<string, unknown> {
  const creditCode = overrides.creditCode ?? VALID_CREDIT_CODE;
  const applicant = entry.key === 'individual-business-registration'
    ? { category: '个体工商户', name: '新城区老王面馆', creditCode, legalRepresentative: { name: '王建军', idCardNumber: VALID_ID_CARD }, phone: '13904710000' }
    : { category: '法人及非法人组织', name: '呼和浩特市青城餐饮管理有限公司', creditCode, legalRepresentative: { name: '张建国', idCardNumber: VALID_ID_CARD }, phone: '13904710000' };
  return {
    applicant,
    ...(overrides.commitment ? { commitment: overrides.commitment } : {}),
    ...(entry.applicationFields ? { details: sampleValue(entry.applicationFields as Schema) } : {}),
    materials: entry.materials
      .filter((material) => material.required && !(overrides.omitMaterials ?? []).includes(material.code))
      .map((material) => ({ code: material.code, form: material.form, copies: material.copies })),
    delivery: { method: '窗口领取' },
  };
}

/** What the desk types into the pharmacy-retail-licence start form: a company applying, every material but the omitted. */
export function deskStartValues(entry: CatalogueEntry, overrides: Record<string, unknown> = {}, omit: string[] = ['premises-proof']): Record<string, unknown> {
  return {
    applicantCategory: '法人及非法人组织',
    applicantName: '呼和浩特市青城大药房有限公司',
    applicantCreditCode: VALID_CREDIT_CODE,
    legalRepresentativeName: '张建国',
    legalRepresentativeIdCardNumber: VALID_ID_CARD,
    applicantPhone: '13904710000',
    materialsReceived: entry.materials.filter((m) => m.required && !omit.includes(m.code)).map((m) => m.code),
    detail_premisesAddress: '呼和浩特市新城区新华大街一号',
    detail_businessCategories: ['乙类非处方药'],
    detail_businessScope: [(entry.applicationFields as { properties: { businessScope: { items: { enum: string[] } } } }).properties.businessScope.items.enum[0]],
    detail_qualityManager: '李药师',
    deliveryMethod: '窗口领取',
    ...overrides,
  };
}
