// 一窗受理 at the front desk: the Tasklist start form of an item, generated from its catalogue
// entry (applicant, the materials handed in, the item's own fields, delivery, the promise), and
// the way back from the form's flat variables to the application the workers check. Both live
// here so that they cannot drift apart.
import type { BundleEntry } from './bundle.js';
import type { CatalogueEntry, CatalogueMaterial } from './entry.js';

/** What a start form is made from: an item's entry, or a bundle's with its items' entries. */
interface StartSpec {
  key: string;
  intro: string;
  materials: CatalogueMaterial[];
  details: Schema | undefined;
  /** a bundle: the items the applicant ticks (勾选清单) */
  items?: Array<{ value: string; label: string; optional: boolean }>;
  commitment: { label: string; siteInspection: boolean } | null;
  /** 设立登记 assigns the code: a new enterprise has none to enter */
  newEnterprise: boolean;
  /** 试点期代码: the desk may accept a credit code failing its check digit, with a recorded reason (items only) */
  creditCodeOverride: boolean;
}

function itemSpec(entry: CatalogueEntry): StartSpec {
  return {
    key: entry.key,
    intro: `### 一窗受理: ${entry.name}\n事项编码 ${entry.code} · ${entry.type} · ${entry.processingType} · 承诺 ${entry.promisedTimeLimit} 个工作日 (法定 ${entry.legalTimeLimit} 个工作日)`,
    materials: entry.materials,
    details: entry.applicationFields as Schema | undefined,
    commitment: entry.deferredAcceptance || entry.notificationCommitment
      ? { label: entry.notificationCommitment ? '申请人已签署告知承诺书' : '申请人已签署容缺受理信用承诺书', siteInspection: entry.siteInspection }
      : null,
    newEnterprise: entry.result.assignsCreditCode === true,
    creditCodeOverride: true,
  };
}

/** A bundle's one form: the items to tick, the shared fields, the materials of all its items once. */
function bundleSpec(bundle: BundleEntry, items: Map<string, CatalogueEntry>): StartSpec {
  const materials = new Map<string, CatalogueMaterial>();
  for (const { itemKey } of bundle.items) for (const material of items.get(itemKey)?.materials ?? []) if (!materials.has(material.code)) materials.set(material.code, material);
  return {
    key: bundle.key,
    intro: `### 一窗受理: ${bundle.name} (一件事)\n一表申请、一套材料、一窗受理, 目标 ${bundle.targetWorkingDays} 个工作日办结`,
    materials: [...materials.values()],
    details: bundle.form as Schema,
    items: bundle.items.map(({ itemKey, optional }) => ({ value: itemKey, label: `${items.get(itemKey)?.name ?? itemKey}${optional ? '' : ' (必办)'}`, optional })),
    commitment: null,
    newEnterprise: bundle.items.some((item) => !item.optional && (item.stage ?? 1) === 1 && items.get(item.itemKey)?.result.assignsCreditCode === true),
    creditCodeOverride: false,
  };
}

type Schema = { type?: string; title?: string; enum?: unknown[]; format?: string; minimum?: number; maximum?: number; minLength?: number; maxLength?: number; pattern?: string; items?: Schema; properties?: Record<string, Schema>; required?: string[] };

interface FormComponent {
  type: string;
  id: string;
  key?: string;
  label?: string;
  text?: string;
  description?: string;
  validate?: Record<string, unknown>;
  values?: Array<{ label: string; value: string }>;
  conditional?: { hide: string };
  /** shown (and checked) only when: becomes conditional.hide in the form, `when` in the guard */
  when?: When;
  defaultValue?: unknown;
  subtype?: string;
  dateLabel?: string;
  increment?: string;
  decimalDigits?: number;
}

export type When = { variable: string; equals: string } | { variable: string; notEquals: string } | { variable: string; truthy: true };

function hide(when: When): string {
  if ('equals' in when) return `=${when.variable} != "${when.equals}"`;
  if ('notEquals' in when) return `=${when.variable} = "${when.notEquals}"`;
  return `=not(${when.variable})`;
}

/** Variable names the start form submits (flat: form-js keys are process variables). */
export const START_FORM = {
  category: 'applicantCategory',
  name: 'applicantName',
  creditCode: 'applicantCreditCode',
  creditCodeOverride: 'creditCodeOverride',
  creditCodeOverrideReason: 'creditCodeOverrideReason',
  idCardNumber: 'applicantIdCardNumber',
  representativeName: 'legalRepresentativeName',
  representativeIdCardNumber: 'legalRepresentativeIdCardNumber',
  phone: 'applicantPhone',
  address: 'applicantAddress',
  materials: 'materialsReceived',
  items: 'itemsTicked',
  deliveryMethod: 'deliveryMethod',
  deliveryAddress: 'deliveryAddress',
  commitmentSigned: 'commitmentSigned',
  commitmentSignatory: 'commitmentSignatory',
  commitmentInspection: 'commitmentInspection',
  detailPrefix: 'detail_',
} as const;

// the patterns the form checks before it lets the desk submit (check digits: the worker)
const CREDIT_CODE_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$';
const ID_CARD_PATTERN = '^\\d{17}[\\dXx]$';
const PHONE_PATTERN = '^1[3-9]\\d{9}$';

const pascal = (key: string): string => key.replace(/(^|[-_])(\w)/g, (_m, _s, c: string) => c.toUpperCase());
const ORGANISATION: When = { variable: 'applicantCategory', notEquals: '自然人' };
const NATURAL_PERSON: When = { variable: 'applicantCategory', equals: '自然人' };
const SIGNED: When = { variable: 'commitmentSigned', truthy: true };
const OVERRIDDEN: When = { variable: 'creditCodeOverride', truthy: true };

function detailComponent(name: string, schema: Schema, required: boolean): FormComponent {
  const base = { id: `Detail${pascal(name)}Field`, key: `${START_FORM.detailPrefix}${name}`, label: schema.title ?? name };
  const validate: Record<string, unknown> = required ? { required: true } : {};
  if (schema.type === 'array' && schema.items?.enum) {
    return { type: 'checklist', ...base, values: schema.items.enum.map((v) => ({ label: String(v), value: String(v) })), validate };
  }
  if (schema.enum) return { type: 'select', ...base, values: schema.enum.map((v) => ({ label: String(v), value: String(v) })), validate };
  if (schema.type === 'boolean') return { type: 'checkbox', ...base };
  if (schema.type === 'integer' || schema.type === 'number') {
    if (schema.minimum !== undefined) validate.min = schema.minimum;
    if (schema.maximum !== undefined) validate.max = schema.maximum;
    return { type: 'number', ...base, ...(schema.type === 'integer' ? { decimalDigits: 0 } : {}), validate };
  }
  if (schema.format === 'date') return { type: 'datetime', ...base, subtype: 'date', dateLabel: base.label, validate };
  if (schema.format === 'uscc') validate.pattern = CREDIT_CODE_PATTERN;
  if (schema.minLength !== undefined) validate.minLength = schema.minLength;
  if (schema.maxLength !== undefined) validate.maxLength = schema.maxLength;
  if (schema.pattern) validate.pattern = schema.pattern;
  return { type: (schema.maxLength ?? 0) > 300 ? 'textarea' : 'textfield', ...base, validate };
}

/** The form-js start form of an item (schemaVersion 16, as the Tasklist of Camunda 7.24 renders it). */
export function startForm(entry: CatalogueEntry): Record<string, unknown> {
  return formOf(itemSpec(entry));
}

/** The start form of a 一件事 bundle. */
export function bundleStartForm(bundle: BundleEntry, items: Map<string, CatalogueEntry>): Record<string, unknown> {
  return formOf(bundleSpec(bundle, items));
}

function formOf(spec: StartSpec): Record<string, unknown> {
  return {
    id: `${spec.key}-start`,
    type: 'default',
    executionPlatform: 'Camunda Platform',
    executionPlatformVersion: '7.24.0',
    schemaVersion: 16,
    components: startComponents(spec).map(({ when, ...component }) => (when ? { ...component, conditional: { hide: hide(when) } } : component)),
  };
}

export interface StartFormRule {
  variable: string;
  label: string;
  required?: boolean;
  pattern?: string;
  hint?: string;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  when?: When;
}

/**
 * The same checks for the engine (org.shenpi.engine.StartFormGuard on the start event): what
 * the form refuses in the browser, the engine refuses over REST, so no case starts from it.
 */
/** Every variable the item's start form sets (what 受理 turns into the application). */
export function startFormFields(entry: CatalogueEntry): string[] {
  return startComponents(itemSpec(entry)).flatMap((component) => (component.key ? [component.key] : []));
}

export function startFormRules(entry: CatalogueEntry): StartFormRule[] {
  return rulesOf(itemSpec(entry));
}

export function bundleStartFormRules(bundle: BundleEntry, items: Map<string, CatalogueEntry>): StartFormRule[] {
  return rulesOf(bundleSpec(bundle, items));
}

function rulesOf(spec: StartSpec): StartFormRule[] {
  return startComponents(spec).flatMap((component): StartFormRule[] => {
    if (!component.key || !component.validate || Object.keys(component.validate).length === 0) return [];
    const { required, pattern, minLength, maxLength, min, max } = component.validate as Omit<StartFormRule, 'variable' | 'label'>;
    const rule: StartFormRule = { variable: component.key, label: component.label ?? component.key };
    if (required) rule.required = true;
    if (pattern) rule.pattern = pattern;
    if (pattern && component.description) rule.hint = component.description;
    if (minLength !== undefined) rule.minLength = minLength;
    if (maxLength !== undefined) rule.maxLength = maxLength;
    if (min !== undefined) rule.min = min;
    if (max !== undefined) rule.max = max;
    if (component.when) rule.when = component.when;
    return [rule];
  });
}

function startComponents(spec: StartSpec): FormComponent[] {
  const details = spec.details;
  const detailRequired = new Set(details?.required ?? []);
  const promise = spec.commitment;
  const components: FormComponent[] = [
    { type: 'text', id: 'StartIntro', text: `${spec.intro}\n\n请录入申请人, 勾选申请人**实际提交**的材料。提交后系统按事项清单校验: 材料不齐全的, 一次性告知书会出现在您的「我的待办」中。` },
    ...(spec.items ? [{ type: 'checklist', id: 'ItemsTickedField', key: START_FORM.items, label: '申请办理的事项 (勾选清单)', validate: { required: true },
      defaultValue: spec.items.filter((item) => !item.optional).map((item) => item.value), values: spec.items.map(({ value, label }) => ({ value, label })) }] : []),
    { type: 'select', id: 'ApplicantCategoryField', key: START_FORM.category, label: '申请人类别', defaultValue: '法人及非法人组织', validate: { required: true },
      values: ['法人及非法人组织', '个体工商户', '自然人'].map((v) => ({ label: v, value: v })) },
    { type: 'textfield', id: 'ApplicantNameField', key: START_FORM.name, label: '申请人名称 (姓名)', validate: { required: true, minLength: 2, maxLength: 200 } },
    spec.newEnterprise
      ? { type: 'textfield', id: 'ApplicantCreditCodeField', key: START_FORM.creditCode, label: '统一社会信用代码', description: '新设立企业免填: 由设立登记赋码; 申请人名称填申报的企业名称', validate: { pattern: CREDIT_CODE_PATTERN }, when: ORGANISATION }
      : { type: 'textfield', id: 'ApplicantCreditCodeField', key: START_FORM.creditCode, label: '统一社会信用代码', description: '18 位, 大写字母不含 I、O、Z、S、V', validate: { required: true, pattern: CREDIT_CODE_PATTERN }, when: ORGANISATION },
    ...(spec.creditCodeOverride ? [
      { type: 'checkbox', id: 'CreditCodeOverrideField', key: START_FORM.creditCodeOverride, label: '试点期代码: 校验位不符, 已核对登记证照原件, 人工核准', when: ORGANISATION },
      { type: 'textarea', id: 'CreditCodeOverrideReasonField', key: START_FORM.creditCodeOverrideReason, label: '人工核准理由 (核对了哪份证照、发证机关和日期)', validate: { required: true, minLength: 10, maxLength: 300 }, when: OVERRIDDEN },
    ] : []),
    { type: 'textfield', id: 'LegalRepresentativeNameField', key: START_FORM.representativeName, label: '法定代表人 (负责人) 姓名', validate: { required: true, minLength: 2, maxLength: 50 }, when: ORGANISATION },
    { type: 'textfield', id: 'LegalRepresentativeIdCardNumberField', key: START_FORM.representativeIdCardNumber, label: '法定代表人身份证号码', validate: { required: true, pattern: ID_CARD_PATTERN }, when: ORGANISATION },
    { type: 'textfield', id: 'ApplicantIdCardNumberField', key: START_FORM.idCardNumber, label: '身份证号码', validate: { required: true, pattern: ID_CARD_PATTERN }, when: NATURAL_PERSON },
    { type: 'textfield', id: 'ApplicantPhoneField', key: START_FORM.phone, label: '联系电话', description: '11 位手机号码', validate: { required: true, pattern: PHONE_PATTERN } },
    { type: 'textfield', id: 'ApplicantAddressField', key: START_FORM.address, label: '联系地址', validate: { minLength: 5, maxLength: 300 } },
    { type: 'checklist', id: 'MaterialsReceivedField', key: START_FORM.materials, label: '已收材料 (勾选申请人实际提交的材料)',
      values: spec.materials.map((m) => ({ label: `${m.name} (${m.form} ${m.copies} 份${m.required ? '' : ', 非必需'}${m.deferrable ? ', 可容缺' : ''})`, value: m.code })) },
    ...Object.entries(details?.properties ?? {}).map(([name, schema]) => detailComponent(name, schema, detailRequired.has(name))),
    { type: 'select', id: 'DeliveryMethodField', key: START_FORM.deliveryMethod, label: '结果送达方式', defaultValue: '窗口领取', validate: { required: true },
      values: ['窗口领取', '邮寄'].map((v) => ({ label: v, value: v })) },
    { type: 'textfield', id: 'DeliveryAddressField', key: START_FORM.deliveryAddress, label: '邮寄地址', validate: { required: true, minLength: 5, maxLength: 300 }, when: { variable: 'deliveryMethod', equals: '邮寄' } },
    ...(promise ? [
      { type: 'checkbox', id: 'CommitmentSignedField', key: START_FORM.commitmentSigned, label: promise.label },
      { type: 'textfield', id: 'CommitmentSignatoryField', key: START_FORM.commitmentSignatory, label: '承诺人', validate: { required: true, minLength: 2, maxLength: 50 }, when: SIGNED },
      ...(promise.siteInspection ? [{ type: 'select', id: 'CommitmentInspectionField', key: START_FORM.commitmentInspection, label: '勘验方式', defaultValue: '现场勘验', when: SIGNED,
        values: ['现场勘验', '择期补充勘验', '容缺勘验'].map((v) => ({ label: v, value: v })) }] : []),
    ] : []),
  ];
  return components;
}

/** The desk's recorded reason for accepting a credit code that fails its check digit (试点期代码), if any. */
export function creditCodeOverrideOf(variables: (name: string) => unknown): string | undefined {
  return variables(START_FORM.creditCodeOverride) === true ? text(variables(START_FORM.creditCodeOverrideReason)) : undefined;
}

/** Whether a case was started from the front desk's start form (and not with an `application`). */
export function startedFromForm(variables: (name: string) => unknown): boolean {
  const category = variables(START_FORM.category);
  return category !== undefined && category !== null;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' && value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  }
  return [];
}

/**
 * The application the start form describes. Nothing is repaired or guessed: what the desk typed
 * goes to checkApplication as is, so every problem reaches the 一次性告知.
 */
export function applicationFromStartForm(entry: CatalogueEntry, variables: (name: string) => unknown): Record<string, unknown> {
  return applicationOf(itemSpec(entry), variables);
}

/** The bundle application (一表申请) the start form describes: ticked items, one set of materials. */
export function bundleApplicationFromStartForm(bundle: BundleEntry, items: Map<string, CatalogueEntry>, variables: (name: string) => unknown): Record<string, unknown> {
  return { items: list(variables(START_FORM.items)).map(String), ...applicationOf(bundleSpec(bundle, items), variables) };
}

function applicationOf(spec: StartSpec, variables: (name: string) => unknown): Record<string, unknown> {
  const category = text(variables(START_FORM.category));
  const natural = category === '自然人';
  const applicant: Record<string, unknown> = { category, name: text(variables(START_FORM.name)), phone: text(variables(START_FORM.phone)) };
  if (natural) applicant.idCardNumber = text(variables(START_FORM.idCardNumber))?.toUpperCase();
  else {
    applicant.creditCode = text(variables(START_FORM.creditCode))?.toUpperCase();
    applicant.legalRepresentative = { name: text(variables(START_FORM.representativeName)), idCardNumber: text(variables(START_FORM.representativeIdCardNumber))?.toUpperCase() };
  }
  const address = text(variables(START_FORM.address));
  if (address) applicant.address = address;
  const received = new Set(list(variables(START_FORM.materials)).map(String));
  const materials = spec.materials.filter((m) => received.has(m.code)).map((m) => ({ code: m.code, form: m.form, copies: m.copies }));
  const schema = spec.details;
  const details: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    const value = variables(`${START_FORM.detailPrefix}${name}`);
    if (value === undefined || value === null || value === '') continue;
    details[name] = property.type === 'array' ? list(value) : value;
  }
  const method = text(variables(START_FORM.deliveryMethod)) ?? '窗口领取';
  const application: Record<string, unknown> = {
    applicant: Object.fromEntries(Object.entries(applicant).filter(([, v]) => v !== undefined)),
    materials,
    delivery: method === '邮寄' ? { method, address: text(variables(START_FORM.deliveryAddress)) } : { method },
  };
  if (schema) application.details = details;
  if (variables(START_FORM.commitmentSigned) === true) {
    const inspection = text(variables(START_FORM.commitmentInspection));
    application.commitment = { signed: true, signatory: text(variables(START_FORM.commitmentSignatory)), ...(inspection ? { inspection } : {}) };
  }
  return application;
}
