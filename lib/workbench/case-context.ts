// Beside a task's form in the 工作台: the case as the clerk needs it to decide the step, read
// with the service account once the engine has let the clerk see the task (their own right):
// the earlier opinions of every step (审查, 勘验, 联合踏勘, 法制审核, 征求意见, 退回), the
// materials handed in, the deadlines, the 文书 and the urges (催办).
import type { Knex } from 'knex';
import type { EngineClient } from '../engine/client.js';
import { getVersion } from '../repositories/catalogue.js';
import { caseEvents, findCaseByBusinessKey, type CaseRecord } from '../repositories/cases.js';
import { documentsOfCase } from '../repositories/documents.js';
import { DOCUMENT_KINDS, isDocumentKind } from '../documents/index.js';

/** The steps whose opinions a later step reads, each with its form fields and their labels. */
export const OPINION_STEPS: Array<{ task: string; step: string; fields: Record<string, string> }> = [
  { task: 'ReviewTask', step: '审查', fields: { reviewOpinion: '审查意见', extensionReason: '延期理由', consultationQuestion: '征求意见事项' } },
  { task: 'ApproveExtensionTask', step: '批准延长期限', fields: { leaderComment: '领导意见' } },
  { task: 'SiteInspectionTask', step: '勘验', fields: { siteInspectionResult: '勘验结论', siteInspectionOpinion: '勘验意见', toleratedGaps: '容缺勘验事项' } },
  { task: 'FollowUpInspectionTask', step: '补充勘验', fields: { siteInspectionResult: '勘验结论', siteInspectionOpinion: '勘验意见' } },
  { task: 'InspectTask', step: '联合踏勘', fields: { inspectionOpinion: '踏勘意见', inspectionConditions: '条件', inspectionReason: '理由' } },
  { task: 'LegalReviewTask', step: '法制审核', fields: { legalReviewOpinion: '审核结论', legalReviewComment: '审核说明' } },
  { task: 'AnswerConsultationTask', step: '征求意见', fields: { consultationAnswer: '答复' } },
  { task: 'DecisionTask', step: '决定', fields: { decision: '决定', returnReason: '退回理由', decisionReason: '不予理由', decisionContent: '准予内容' } },
];

const DECISIONS: Record<string, string> = { grant: '准予', deny: '不予', return: '退回重审' };

interface HistoricTask { id: string; name: string; taskDefinitionKey: string; processInstanceId: string; activityInstanceId: string; assignee: string | null; endTime: string | null }
interface VariableUpdate { variableName: string; value: unknown; activityInstanceId: string; time: string }
interface Application { materials?: Array<{ code: string; form?: string; copies?: number }> }

export interface Opinion { taskId: string; step: string; by: string | null; at: string; fields: Array<{ label: string; value: string }> }

/** The wire format too: the 工作台 reads it as it is (workbench/src/modules/counter/case.ts). */
export interface CaseContext {
  receiptNumber: string;
  itemName: string;
  applicantName: string;
  status: string;
  receivedOn: string;
  acceptedOn: string | null;
  decisionDeadline: string | null;
  opinions: Opinion[];
  materials: Array<{ name: string; required: boolean; received: boolean; deferrable: boolean }>;
  documents: Array<{ id: number; title: string; kindName: string; documentNumber: string; issuedOn: string; href: string }>;
  urges: Array<{ at: string; note: string | null }>;
}

const shown = (name: string, value: unknown): string => (name === 'decision' ? DECISIONS[String(value)] ?? String(value) : Array.isArray(value) ? value.join('、') : String(value));

/** The opinions of the case's finished steps, oldest first; each as it was written then (a step done again after 退回 shows both). */
export async function caseOpinions(engine: EngineClient, businessKey: string): Promise<Opinion[]> {
  const key = encodeURIComponent(businessKey);
  const steps = new Map(OPINION_STEPS.map((step) => [step.task, step]));
  const tasks = (await engine.get<HistoricTask[]>(`/history/task?processInstanceBusinessKey=${key}&finished=true&sortBy=endTime&sortOrder=asc`))
    .filter((task) => steps.has(task.taskDefinitionKey));
  if (!tasks.length) return [];
  const names = [...new Set(OPINION_STEPS.flatMap((step) => Object.keys(step.fields)))];
  const updates: VariableUpdate[] = [];
  // who completed each step: the audit log knows, even when the task was never claimed
  const completedBy = new Map<string, string>();
  for (const processInstanceId of new Set(tasks.map((task) => task.processInstanceId))) {
    updates.push(...await engine.get<VariableUpdate[]>(`/history/detail?processInstanceId=${processInstanceId}&variableUpdates=true&deserializeValues=false`));
    for (const entry of await engine.get<Array<{ taskId: string | null; userId: string | null }>>(`/history/user-operation?processInstanceId=${processInstanceId}&operationType=Complete`)) {
      if (entry.taskId && entry.userId) completedBy.set(entry.taskId, entry.userId);
    }
  }
  return tasks.map((task) => {
    const step = steps.get(task.taskDefinitionKey)!;
    const written = updates.filter((update) => update.activityInstanceId === task.activityInstanceId && names.includes(update.variableName));
    const fields = Object.entries(step.fields).flatMap(([name, label]) => {
      const update = written.filter((candidate) => candidate.variableName === name).at(-1);
      return update && update.value !== null && update.value !== '' ? [{ label, value: shown(name, update.value) }] : [];
    });
    return { taskId: task.id, step: step.step, by: completedBy.get(task.id) ?? task.assignee, at: task.endTime!, fields };
  }).filter((opinion) => opinion.fields.length > 0);
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
    caseOpinions(engine, businessKey),
    caseMaterials(db, engine, record),
    documentsOfCase(db, businessKey),
    caseEvents(db, record.id),
  ]);
  return {
    receiptNumber: record.receiptNumber,
    itemName: record.itemName,
    applicantName: record.applicantName,
    status: record.status,
    receivedOn: record.receivedOn,
    acceptedOn: record.acceptedOn,
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
