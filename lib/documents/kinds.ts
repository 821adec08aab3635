// The kinds of 文书 shenpi issues: one per act the law wants in writing (行政许可法 Arts. 32, 38,
// 42, 45, 69 …). The key is the kind's identifier everywhere (templates, counters, SMS).
export const DOCUMENT_KINDS = {
  acceptance: '受理通知书',
  refusal: '不予受理通知书',
  correction: '一次性告知书',
  'deferral-promise': '容缺受理承诺书',
  'commitment-promise': '告知承诺书',
  extension: '延长审批期限决定书',
  'special-procedure': '特别程序告知书',
  'clock-restart': '恢复计算审批期限告知书',
  grant: '准予行政许可决定书',
  denial: '不予行政许可决定书',
  'gap-rectification': '限期整改通知书',
  revocation: '撤销行政许可决定书',
  withdrawal: '撤回申请确认书',
  'joint-inspection': '联合踏勘意见书',
  'delivery-receipt': '送达回证',
  licence: '证照',
} as const;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/** A 送达回证 is signed by the one who receives it, not by the office. */
export const signedByOffice = (kind: DocumentKind): boolean => kind !== 'delivery-receipt';

export const isDocumentKind = (value: string): value is DocumentKind => Object.hasOwn(DOCUMENT_KINDS, value);
