// 文书: templates (versioned like the catalogue: an edit inserts the next version, versions are
// never updated), the 文号 counters, and the issued documents (PDF and SHA-256, written once).
import type { Knex } from 'knex';
import { canonicalJson } from './catalogue.js';
import { lockKey } from './side-effects.js';

export interface TemplateVersion<T> {
  id: number;
  kind: string;
  /** '' = the kind's default */
  itemKey: string;
  version: number;
  template: T;
  createdBy: string;
  createdAt: Date;
}

interface TemplateRow<T> { id: number; kind: string; item_key: string; version: number; template: T; created_by: string; created_at: Date }

const toTemplate = <T>(row: TemplateRow<T>): TemplateVersion<T> => ({
  id: Number(row.id), kind: row.kind, itemKey: row.item_key, version: row.version, template: row.template, createdBy: row.created_by, createdAt: row.created_at,
});

/** The latest version of the item's own template, else of the kind's default; undefined when neither exists. */
export async function latestTemplate<T>(db: Knex, kind: string, itemKey: string): Promise<TemplateVersion<T> | undefined> {
  const row = await db<TemplateRow<T>>('document_template').where({ kind }).whereIn('item_key', [itemKey, ''])
    .orderByRaw('item_key = ? desc, version desc', [itemKey]).first();
  return row ? toTemplate(row) : undefined;
}

export async function templateById<T>(db: Knex, id: number): Promise<TemplateVersion<T> | undefined> {
  const row = await db<TemplateRow<T>>('document_template').where({ id }).first();
  return row ? toTemplate(row) : undefined;
}

/** Every kind's and item's latest version. */
export async function latestTemplates<T>(db: Knex): Promise<Array<TemplateVersion<T>>> {
  const rows = await db<TemplateRow<T>>('document_template').distinctOn('kind', 'item_key')
    .orderBy([{ column: 'kind' }, { column: 'item_key' }, { column: 'version', order: 'desc' }]);
  return rows.map(toTemplate);
}

export async function templateVersions<T>(db: Knex, kind: string, itemKey: string): Promise<Array<TemplateVersion<T>>> {
  return (await db<TemplateRow<T>>('document_template').where({ kind, item_key: itemKey }).orderBy('version')).map(toTemplate);
}

/** Saves a template as the next version unless it equals the latest (the caller has checked it). */
export async function saveTemplate<T>(db: Knex, kind: string, itemKey: string, template: T, by: string): Promise<{ version: number; changed: boolean }> {
  return db.transaction(async (trx) => {
    await lockKey(trx, 'document-template', `${kind}:${itemKey}`);
    const latest = await trx<TemplateRow<T>>('document_template').where({ kind, item_key: itemKey }).orderBy('version', 'desc').first();
    if (latest && canonicalJson(latest.template) === canonicalJson(template)) return { version: latest.version, changed: false };
    const version = (latest?.version ?? 0) + 1;
    await trx('document_template').insert({ kind, item_key: itemKey, version, template: JSON.stringify(template), created_by: by });
    return { version, changed: true };
  });
}

/** The next number of a kind in a year, drawn inside the caller's transaction (rolled back with it). */
export async function drawDocumentNumber(trx: Knex.Transaction, kind: string, year: number): Promise<number> {
  const [{ last }] = await trx('document_counter').insert({ kind, year, last: 1 })
    .onConflict(['kind', 'year']).merge({ last: trx.raw('document_counter.last + 1') }).returning('last');
  return Number(last);
}

export interface NewDocument {
  businessKey: string;
  receiptNumber: string;
  actKey: string;
  kind: string;
  title: string;
  documentNumber: string;
  verificationCode: string;
  templateId: number;
  issuedOn: string;
  pdf: Buffer;
  sha256: string;
  text: string;
}

export interface DocumentRecord {
  id: number;
  /** the act it records (activity instance and kind): one document per act */
  actKey: string;
  businessKey: string;
  receiptNumber: string;
  kind: string;
  title: string;
  documentNumber: string;
  verificationCode: string;
  templateId: number;
  templateVersion: number;
  issuedOn: string;
  sha256: string;
  text: string;
  createdAt: Date;
}

export async function insertDocument(trx: Knex.Transaction, document: NewDocument): Promise<number> {
  const [{ id }] = await trx('case_document').insert({
    business_key: document.businessKey, receipt_number: document.receiptNumber, act_key: document.actKey, kind: document.kind, title: document.title,
    document_number: document.documentNumber, verification_code: document.verificationCode, template_id: document.templateId,
    issued_on: document.issuedOn, pdf: document.pdf, sha256: document.sha256, text: document.text,
  }).returning('id');
  return Number(id);
}

function selectDocument(db: Knex) {
  return db('case_document as d').join('document_template as t', 't.id', 'd.template_id').select(
    'd.id', { actKey: 'd.act_key' }, { businessKey: 'd.business_key' }, { receiptNumber: 'd.receipt_number' }, 'd.kind', 'd.title', { documentNumber: 'd.document_number' },
    { verificationCode: 'd.verification_code' }, { templateId: 'd.template_id' }, { templateVersion: 't.version' }, 'd.sha256', 'd.text', { createdAt: 'd.created_at' },
    db.raw(`to_char(d.issued_on, 'YYYY-MM-DD') as "issuedOn"`),
  );
}

const withNumbers = (row: DocumentRecord): DocumentRecord => ({ ...row, id: Number(row.id), templateId: Number(row.templateId) });

export async function documentsOfCase(db: Knex, businessKey: string): Promise<DocumentRecord[]> {
  return ((await selectDocument(db).where('d.business_key', businessKey).orderBy('d.id')) as DocumentRecord[]).map(withNumbers);
}

export async function findDocument(db: Knex, where: { id: number } | { verificationCode: string } | { documentNumber: string }): Promise<DocumentRecord | undefined> {
  const column = 'id' in where ? 'd.id' : 'verificationCode' in where ? 'd.verification_code' : 'd.document_number';
  const value = 'id' in where ? where.id : 'verificationCode' in where ? where.verificationCode : where.documentNumber;
  const row = (await selectDocument(db).where(column, value).first()) as DocumentRecord | undefined;
  return row ? withNumbers(row) : undefined;
}

export async function documentPdf(db: Knex, id: number): Promise<Buffer | undefined> {
  return (await db('case_document').where({ id }).first('pdf'))?.pdf as Buffer | undefined;
}
