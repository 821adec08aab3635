// What the 文书 process tests check of a case's documents: they exist (waited for, the workers
// issue them after the task), each kind once, numbered, and the PDF's text (extracted with
// unpdf) holds the applicant, the 受理编号, the 文号 and whatever the act must say.
import { expect } from 'chai';
import { extractText, getDocumentProxy } from 'unpdf';
import { DOCUMENT_KINDS, type DocumentKind } from '../../lib/documents/index.js';
import { documentPdf, documentsOfCase, type DocumentRecord } from '../../lib/repositories/documents.js';
import { waitFor } from './process.js';
import { useSystem } from './system.js';

/** The applicant of sampleApplication (test/support/applications.ts). */
export const SAMPLE_APPLICANT = '呼和浩特市青城餐饮管理有限公司';

/** The PDF's text without the spaces a PDF text layer inserts between spread characters. */
export async function pdfText(id: number): Promise<string> {
  const system = await useSystem();
  const bytes = await documentPdf(system.db, id);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes!)), { mergePages: true });
  return text.replace(/\s+/g, '');
}

/** The case's documents once every kind named is there. */
export async function documentsOf(businessKey: string, kinds: DocumentKind[]): Promise<DocumentRecord[]> {
  const system = await useSystem();
  return waitFor(`文书 ${kinds.join(', ')}`, async () => {
    const documents = await documentsOfCase(system.db, businessKey);
    return kinds.every((kind) => documents.some((document) => document.kind === kind)) ? documents : undefined;
  });
}

/** Checks one document of the kind: once, numbered, and its PDF text holds what it must. */
export async function expectDocument(documents: DocumentRecord[], kind: DocumentKind, receiptNumber: string, texts: string[], applicant = SAMPLE_APPLICANT): Promise<DocumentRecord> {
  const ofKind = documents.filter((document) => document.kind === kind);
  expect(ofKind, `${DOCUMENT_KINDS[kind]} exactly once`).to.have.length(1);
  const document = ofKind[0]!;
  expect(document.documentNumber).to.match(/^审批\S+字〔\d{4}〕第\d{6}号$/);
  expect(document.sha256).to.match(/^[0-9a-f]{64}$/);
  const text = await pdfText(document.id);
  for (const expected of [applicant, receiptNumber, document.documentNumber, ...texts]) expect(text, `${DOCUMENT_KINDS[kind]}: ${expected}`).to.contain(expected.replace(/\s+/g, ''));
  return document;
}
