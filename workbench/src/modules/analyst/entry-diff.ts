// Two versions of a catalogue entry side by side: both flattened to one row per field (materials
// by their code, so a new material does not shift the others), each row marked when it differs.
export interface DiffRow { field: string; left: string; right: string; changed: boolean }

type Flat = Map<string, string>;

function flatten(value: unknown, path: string, into: Flat): Flat {
  if (Array.isArray(value) && value.every((item) => item && typeof item === 'object' && typeof (item as { code?: unknown }).code === 'string')) {
    for (const item of value as Array<{ code: string }>) flatten(item, `${path}/${item.code}`, into);
    if (value.length === 0) into.set(path, '(无)');
  } else if (Array.isArray(value)) {
    into.set(path, value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join('\n'));
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, `${path}/${key}`, into);
  } else {
    into.set(path, typeof value === 'boolean' ? (value ? '是' : '否') : String(value));
  }
  return into;
}

export function diffEntries(left: unknown, right: unknown): DiffRow[] {
  const a = flatten(left, '', new Map());
  const b = flatten(right, '', new Map());
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields.map((field) => ({ field, left: a.get(field) ?? '', right: b.get(field) ?? '', changed: a.get(field) !== b.get(field) }));
}

/** The Chinese names of an entry's fields (catalogue/schema/catalogue-item.schema.json), for the rows. */
export const FIELD_NAMES: Record<string, string> = {
  key: '事项标识', code: '事项编码', name: '事项名称', type: '事项类型', level: '事项层级', parentCode: '上级事项编码', department: '主管部门',
  implementingAuthority: '实施机关', creditCode: '统一社会信用代码', supervisingDepartment: '监管部门', legalBasis: '设定和实施依据',
  legalTimeLimit: '法定办结时限 (工作日)', promisedTimeLimit: '承诺办结时限 (工作日)', processingType: '办件类型', materials: '申请材料',
  required: '必需', deferrable: '可容缺', form: '材料形式', copies: '份数', note: '填报说明', fee: '收费', charged: '是否收费', amount: '收费标准 (元)',
  basis: '收费依据', notificationCommitment: '告知承诺', deferredAcceptance: '容缺受理', siteInspection: '现场勘验', majorDecision: '重大行政许可 (法制审核)',
  reviewerMayDecide: '审查人可决定', commitment: '告知承诺', content: '承诺内容', liability: '违诺责任', periodWorkingDays: '承诺履行期限 (工作日)',
  noticeWorkingDays: '承诺后发证时限 (工作日)', deferral: '容缺', supplementWorkingDays: '容缺补正期限 (工作日)', result: '审批结果', kind: '结果类型',
  licenceCategory: '许可类别', validityYears: '有效期 (年)', numberPrefix: '证号前缀', published: '双公示', reviewGroup: '审查科室',
  applicationFields: '申请表专项内容', status: '事项状态', effectiveFrom: '生效日期', jointInspection: '联合踏勘',
};

/** "/materials/business-licence/name" → "申请材料 › business-licence › 名称" */
export function fieldLabel(field: string): string {
  // a nested name is the name of that thing (材料, 结果, 机关), not the item's
  return field.split('/').filter(Boolean).map((part, depth) => (depth > 0 && part === 'name' ? '名称' : FIELD_NAMES[part] ?? part)).join(' › ');
}
