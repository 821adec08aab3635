// Beside a task's form in the 工作台: the case as the clerk needs it to decide the step, read
// with the service account once the engine has let the clerk see the task (their own right):
// the earlier opinions of every step (lib/cases/opinions.ts), the
// materials handed in, the deadlines, the 文书 and the urges (催办).
import { caseHeading, type CaseHeading } from '../cases/heading.js';
import type { Knex } from 'knex';
import type { EngineClient } from '../engine/client.js';
import { getVersion } from '../repositories/catalogue.js';
import { caseEvents, findCaseByBusinessKey, type CaseRecord } from '../repositories/cases.js';
import { documentsOfCase } from '../repositories/documents.js';
import { DOCUMENT_KINDS, isDocumentKind } from '../documents/index.js';
import { CaseHistory } from '../cases/history.js';
import { caseOpinions, type Opinion } from '../cases/opinions.js';

interface Application { materials?: Array<{ code: string; form?: string; copies?: number }> }


/** The wire format too: the 工作台 reads it as it is (workbench/src/modules/counter/case.ts). */
export interface CaseContext extends CaseHeading {
  decisionDeadline: string | null;
  opinions: Opinion[];
  materials: Array<{ name: string; required: boolean; received: boolean; deferrable: boolean }>;
  documents: Array<{ id: number; title: string; kindName: string; documentNumber: string; issuedOn: string; href: string }>;
  urges: Array<{ at: string; note: string | null }>;
}

async function caseMaterials(db: Knex, engine: EngineClient, record: CaseRecord): Promise<CaseContext['materials']> {
  const version = await getVersion(db, record.itemKey, record.itemVersion);
  if (!version) return [];
  const [variable] = await engine.get<Array<{ value: unknown }>>(`/history/variable-instance?processInstanceId=${record.processInstanceId}&variableName=application&deserializeValues=false`);
  const raw = variable?.value;
  const application = (typeof raw === 'string' ? JSON.parse(raw) : raw ?? {}) as Application;
  const received = new Set((application.materials ?? []).map((material) => material.code));
  return version.entry.materials.map((material) => ({ name: material.name, required: material.required, deferrable: material.deferrable, received: received.has(material.code) }));
}

/** The case of a business key as the task page shows it beside the form; undefined before it is registered. */
export async function caseContext(db: Knex, engine: EngineClient, businessKey: string): Promise<CaseContext | undefined> {
  const record = await findCaseByBusinessKey(db, businessKey);
  if (!record) return undefined;
  const [opinions, materials, documents, events] = await Promise.all([
    caseOpinions(new CaseHistory(engine, businessKey)),
    caseMaterials(db, engine, record),
    documentsOfCase(db, businessKey),
    caseEvents(db, record.id),
  ]);
  return {
    ...caseHeading(record),
    decisionDeadline: record.decisionDeadline,
    opinions,
    materials,
    documents: documents.map((document) => ({
      id: document.id, title: document.title, kindName: isDocumentKind(document.kind) ? DOCUMENT_KINDS[document.kind] : document.kind,
      documentNumber: document.documentNumber, issuedOn: document.issuedOn, href: `/cases/${encodeURIComponent(record.receiptNumber)}/documents/${document.id}`,
    })),
    urges: events.filter((event) => event.status === '催办').map((event) => ({ at: new Date(event.at).toISOString(), note: event.note })),
  };
}
