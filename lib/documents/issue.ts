// Issues the 文书 of an act once: the template in force, the next 文号 of its kind and year, the
// PDF and its SHA-256, and the applicant's notice (lib/notices: SMS, the platform's callback), all
// in one transaction keyed by the act (runOnce), so a redelivered task gets the first document
// back and no number is skipped or used twice.
import { createHash, randomInt } from 'node:crypto';
import type { Knex } from 'knex';
import { queueApplicantNotice } from '../notices/applicant.js';
import { findCaseByBusinessKey, type CaseRecord } from '../repositories/cases.js';
import { getBundleVersion } from '../repositories/bundles.js';
import { getVersion, latestVersion } from '../repositories/catalogue.js';
import { drawDocumentNumber, findDocument, insertDocument, type DocumentRecord } from '../repositories/documents.js';
import { runOnce } from '../repositories/side-effects.js';
import { DOCUMENT_KINDS, signedByOffice, type DocumentKind } from './kinds.js';
import { chineseDate, renderPdf } from './pdf.js';
import { renderTemplate } from './template-engine.js';
import { templateInForce } from './templates.js';

export interface DocumentSettings {
  /** the web server's public address: the QR code leads to `<url>/public/documents/<code>` */
  publicUrl: string;
}

export interface DocumentRequest {
  businessKey: string;
  /** the act: the activity instance that records it (a redelivered task has the same one) */
  actId: string;
  kind: DocumentKind;
  /** ISO date of the act: the document's date and the year of its number */
  issuedOn: string;
  /** the kind's own fields (see defaults.ts), dates already written the Chinese way */
  fields: Record<string, unknown>;
}

export type IssuedDocument = DocumentRecord & { replayed: boolean };

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newVerificationCode = (): string => Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
/** ABCD-EFGH-JKLM as printed; the URL carries it without dashes */
export const printedCode = (code: string): string => code.match(/.{1,4}/g)!.join('-');
export const verificationUrl = (publicUrl: string, code: string): string => `${publicUrl}/public/documents/${code}`;
export const actKey = (request: Pick<DocumentRequest, 'actId' | 'kind'>): string => `${request.actId}:${request.kind}`;

export function formatDocumentNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}〔${year}〕第${String(sequence).padStart(6, '0')}号`;
}

/** The fields every template may use, from the case record. */
export function caseFields(record: CaseRecord, office: string): Record<string, unknown> {
  return {
    office, applicantName: record.applicantName, applicantCode: record.applicantCode ?? '', receiptNumber: record.receiptNumber, itemName: record.itemName,
    receivedOn: chineseDate(record.receivedOn), acceptedOn: record.acceptedOn ? chineseDate(record.acceptedOn) : '',
  };
}

/**
 * The office that issues a case's documents: its item's 实施机关 (the version the case started
 * with); for a 一件事 (bundle) case, the 实施机关 of the bundle's items, each named once.
 */
export async function officeOf(db: Knex, record: CaseRecord): Promise<string> {
  const item = await getVersion(db, record.itemKey, record.itemVersion);
  if (item) return item.entry.implementingAuthority.name;
  const bundle = await getBundleVersion(db, record.itemKey, record.itemVersion);
  if (!bundle) throw new Error(`办件 ${record.receiptNumber} 的事项 ${record.itemKey} 第 ${record.itemVersion} 版不在事项清单中, 无法确定出具文书的机关`);
  const offices = await Promise.all(bundle.items.map(async ({ itemKey }) => (await latestVersion(db, itemKey))?.entry.implementingAuthority.name));
  const named = [...new Set(offices.filter((office): office is string => Boolean(office)))];
  if (named.length === 0) throw new Error(`一件事 ${record.itemKey} 的事项都不在事项清单中, 无法确定出具文书的机关`);
  return named.join('、');
}

export async function issueDocument(db: Knex, settings: DocumentSettings, request: DocumentRequest): Promise<IssuedDocument> {
  const record = await findCaseByBusinessKey(db, request.businessKey);
  if (!record) throw new Error(`办件 ${request.businessKey} 未登记: 文书须在 case.register 之后出具`);
  const office = await officeOf(db, record);
  const template = await templateInForce(db, request.kind, record.itemKey);
  const key = actKey(request);
  const { result, replayed } = await runOnce(db, { businessKey: request.businessKey, activityId: request.actId, kind: `document:${request.kind}` }, async (trx) => {
    const year = Number(request.issuedOn.slice(0, 4));
    const documentNumber = formatDocumentNumber(template.template.numberPrefix, year, await drawDocumentNumber(trx, request.kind, year));
    const verificationCode = newVerificationCode();
    const data = { ...caseFields(record, office), documentNumber, issuedOn: chineseDate(request.issuedOn), kindName: DOCUMENT_KINDS[request.kind], ...request.fields };
    const text = renderTemplate(template.template, data);
    const url = verificationUrl(settings.publicUrl, verificationCode);
    const pdf = await renderPdf({
      office, title: text.title, documentNumber, paragraphs: text.paragraphs, issuedOn: request.issuedOn, receiptNumber: record.receiptNumber,
      verificationCode: printedCode(verificationCode), verificationUrl: url, signed: signedByOffice(request.kind),
    });
    const documentId = await insertDocument(trx, {
      businessKey: request.businessKey, receiptNumber: record.receiptNumber, actKey: key, kind: request.kind, title: text.title, documentNumber,
      verificationCode, templateId: template.id, issuedOn: request.issuedOn, pdf, sha256: createHash('sha256').update(pdf).digest('hex'),
      text: [text.title, documentNumber, ...text.paragraphs].join('\n'),
    });
    if (text.sms) {
      await queueApplicantNotice(trx, record, { key, kind: request.kind, kindName: DOCUMENT_KINDS[request.kind], text: text.sms, occurredOn: request.issuedOn, document: { id: documentId, documentNumber } });
    }
    return { documentId };
  });
  const document = await findDocument(db, { id: result.documentId });
  if (!document) throw new Error(`文书 ${result.documentId} 不存在`);
  return { ...document, replayed };
}
