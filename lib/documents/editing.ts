// Analysts edit a template's text per kind (and optionally per item) with a PDF preview on sample
// data; a saved edit becomes the next version, and cases issue with the version in force then.
import type { Knex } from 'knex';
import { latestVersion } from '../repositories/catalogue.js';
import { latestTemplates, saveTemplate, templateVersions, type TemplateVersion } from '../repositories/documents.js';
import { InputError, problem } from '../validation/input-error.js';
import { DEFAULT_TEMPLATES } from './defaults.js';
import { formatDocumentNumber, printedCode, verificationUrl } from './issue.js';
import { DOCUMENT_KINDS, isDocumentKind, signedByOffice, type DocumentKind } from './kinds.js';
import { renderPdf } from './pdf.js';
import { checkTemplate, renderTemplate, TemplateError, type DocumentTemplate } from './template-engine.js';

export interface TemplateSummary { kind: DocumentKind; name: string; itemKey: string; version: number; template: DocumentTemplate; createdBy: string | null }

/** Every kind with its template in force (version 0: the seeded default, not issued yet) and the items' own. */
export async function listDocumentTemplates(db: Knex): Promise<TemplateSummary[]> {
  const saved = await latestTemplates<DocumentTemplate>(db);
  const summary = (row: TemplateVersion<DocumentTemplate>): TemplateSummary => ({ kind: row.kind as DocumentKind, name: DOCUMENT_KINDS[row.kind as DocumentKind], itemKey: row.itemKey, version: row.version, template: row.template, createdBy: row.createdBy });
  return (Object.keys(DOCUMENT_KINDS) as DocumentKind[]).flatMap((kind) => {
    const own = saved.filter((row) => row.kind === kind);
    const byDefault = own.find((row) => row.itemKey === '');
    return [
      byDefault ? summary(byDefault) : { kind, name: DOCUMENT_KINDS[kind], itemKey: '', version: 0, template: DEFAULT_TEMPLATES[kind], createdBy: null },
      ...own.filter((row) => row.itemKey !== '').map(summary),
    ];
  });
}

export async function documentTemplateVersions(db: Knex, kind: string, itemKey: string): Promise<Array<TemplateVersion<DocumentTemplate>>> {
  return templateVersions<DocumentTemplate>(db, kind, itemKey);
}

/** Checks an edited template (kind known, item in the catalogue, text compiles and fills) and saves it as the next version. */
export async function saveDocumentTemplate(db: Knex, kind: string, input: { itemKey?: unknown } & Partial<Record<keyof DocumentTemplate, unknown>>, by: string): Promise<{ version: number; changed: boolean }> {
  if (!isDocumentKind(kind)) throw new InputError(`没有这种文书: ${kind}`, [problem('kind', 'enum', `kind 应为 ${Object.keys(DOCUMENT_KINDS).join('、')} 之一`)]);
  const itemKey = input.itemKey === undefined || input.itemKey === null || input.itemKey === '' ? '' : String(input.itemKey);
  const template = { title: input.title, numberPrefix: input.numberPrefix, body: input.body, ...(input.sms !== undefined && input.sms !== '' ? { sms: input.sms } : {}) } as DocumentTemplate;
  const problems = checkTemplate(kind, template);
  if (itemKey && !await latestVersion(db, itemKey)) problems.push(problem('itemKey', 'catalogue', `事项清单中没有事项 ${itemKey}`));
  if (problems.length === 0) {
    try {
      renderTemplate(template, SAMPLE);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      problems.push(problem(error.field, 'render', error.message));
    }
  }
  if (problems.length) throw new InputError(`文书模板 ${DOCUMENT_KINDS[kind]} 有 ${problems.length} 处问题, 未保存`, problems);
  return saveTemplate(db, kind, itemKey, template, by);
}

/** Sample values for every field the default templates use: what the preview shows. */
const SAMPLE: Record<string, unknown> = {
  office: '呼和浩特市行政审批和政务服务局', applicantName: '呼和浩特市青城餐饮管理有限公司', applicantCode: '91150100MA0N000000', receiptNumber: 'SP20260930000001',
  itemName: '食品经营许可', receivedOn: '2026年9月30日', acceptedOn: '2026年9月30日', issuedOn: '2026年10月12日', decidedOn: '2026年10月12日',
  timeLimit: 12, decisionDeadline: '2026年10月19日', deemed: false, mode: '', reason: '（示例）理由', problems: ['1. 食品安全管理制度文本: 缺少'],
  correctionWorkingDays: 30, correctionDeadline: '2026年11月17日', materials: ['1. 主要设备设施清单（原件1份）'], promiseDeadline: '2026年10月13日', promiseWorkingDays: 3,
  content: '热食类食品制售', liability: '（示例）违诺责任', inspectionMode: '', noticeWorkingDays: '', before: '2026年10月19日', after: '2026年11月2日', extensionDays: 10,
  procedure: '专家评审', stoppedOn: '2026年10月12日', restartedOn: '2026年10月16日', pausedWorkingDays: 4, deadlineBefore: '2026年10月19日', legalBasis: '《中华人民共和国食品安全法》', resultName: '食品经营许可证',
  licenceNumber: 'JY2026000001', revokedOn: '2026年10月20日', validFrom: '2026年10月12日', validUntil: '2031年10月11日', withdrawnOn: '2026年10月9日',
  gap: '消毒设施待安装', gapDeadline: '2026年10月15日', checkedOn: '2026年10月16日', checkNote: '消毒设施仍未安装',
  rectificationDeadline: '2026年10月30日', rectificationWorkingDays: 10, opinions: ['市政公用审批科：同意'], merged: '同意', conditions: '', delivered: ['准予行政许可决定书（审批准字〔2026〕第000001号）'], method: '窗口领取',
};

/** An edited template filled with sample data, as the PDF prints it (nothing stored, no number drawn). */
export interface PreviewText { kind: DocumentKind; office: string; title: string; documentNumber: string; paragraphs: string[]; sms?: string; signed: boolean }

export function previewText(kind: string, input: Partial<Record<keyof DocumentTemplate, unknown>>): PreviewText {
  if (!isDocumentKind(kind)) throw new InputError(`没有这种文书: ${kind}`, [problem('kind', 'enum', `kind 应为 ${Object.keys(DOCUMENT_KINDS).join('、')} 之一`)]);
  const template = { title: input.title, numberPrefix: input.numberPrefix, body: input.body, sms: input.sms === '' ? undefined : input.sms } as DocumentTemplate;
  const problems = checkTemplate(kind, template);
  if (problems.length) throw new InputError('模板有问题, 无法预览', problems);
  const documentNumber = formatDocumentNumber(template.numberPrefix, 2026, 1);
  try {
    const text = renderTemplate(template, { ...SAMPLE, documentNumber });
    return { kind, office: String(SAMPLE.office), title: text.title, documentNumber, paragraphs: text.paragraphs, ...(text.sms ? { sms: text.sms } : {}), signed: signedByOffice(kind) };
  } catch (error) {
    if (error instanceof TemplateError) throw new InputError('模板无法填充, 无法预览', [problem(error.field, 'render', error.message)]);
    throw error;
  }
}

/** The PDF of an edited template on sample data (nothing stored, no number drawn). */
export async function previewDocument(kind: string, input: Partial<Record<keyof DocumentTemplate, unknown>>): Promise<Buffer> {
  const text = previewText(kind, input);
  return renderPdf({
    office: text.office, title: text.title, documentNumber: text.documentNumber, paragraphs: text.paragraphs,
    issuedOn: '2026-10-12', receiptNumber: String(SAMPLE.receiptNumber), verificationCode: printedCode('PREVIEW00000'), verificationUrl: verificationUrl('https://example.invalid', 'PREVIEW00000'),
    signed: text.signed,
  });
}
