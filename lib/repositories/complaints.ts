// 政务失信投诉: the complaint, its timeline (each step once per activity instance), the hand-over
// to the 12345 platform (queued in the outbox with the step), the 违约失信 outcome.
import type { Knex } from 'knex';
import { formatComplaintNumber } from '../cases/identity.js';
import { enqueue } from './outbox.js';
import { lockKey } from './side-effects.js';

export interface Complainant { name: string; phone: string; idCardNumber?: string; creditCode?: string }

export interface ComplaintRecord {
  id: number;
  complaintNumber: string;
  businessKey: string;
  processInstanceId: string | null;
  channel: '窗口' | '12345';
  externalId: string | null;
  complainant: Complainant;
  respondentName: string;
  respondentCode: string | null;
  field: string;
  promise: string;
  facts: string;
  request: string | null;
  evidence: string[] | null;
  receivedOn: string;
  takenBy: string;
  status: string;
  handOver: string | null;
  breachConfirmed: boolean | null;
  rectificationDeadline: string | null;
  escalated: boolean;
  outcome: string | null;
  creditEventKey: string | null;
}

export type NewComplaint = Pick<ComplaintRecord, 'channel' | 'externalId' | 'complainant' | 'respondentName' | 'respondentCode' | 'field' | 'promise' | 'facts' | 'request' | 'evidence' | 'receivedOn' | 'takenBy'>;

function selectComplaint(db: Knex) {
  return db('integrity_complaint').select(
    'id', { complaintNumber: 'complaint_number' }, { businessKey: 'business_key' }, { processInstanceId: 'process_instance_id' }, 'channel', { externalId: 'external_id' },
    'complainant', { respondentName: 'respondent_name' }, { respondentCode: 'respondent_code' }, 'field', 'promise', 'facts', 'request', 'evidence', { takenBy: 'taken_by' },
    'status', { handOver: 'hand_over' }, { breachConfirmed: 'breach_confirmed' }, 'escalated', 'outcome', { creditEventKey: 'credit_event_key' },
  ).select(db.raw(`to_char(received_on, 'YYYY-MM-DD') as "receivedOn"`), db.raw(`to_char(rectification_deadline, 'YYYY-MM-DD') as "rectificationDeadline"`));
}

export async function lockComplaintIntake(trx: Knex.Transaction, externalId: string): Promise<void> {
  await lockKey(trx, 'complaint', externalId);
}

export async function findComplaintByExternalId(db: Knex, externalId: string): Promise<ComplaintRecord | undefined> {
  return (await selectComplaint(db).where({ external_id: externalId }).first()) as ComplaintRecord | undefined;
}

export async function findComplaint(db: Knex, complaintNumber: string): Promise<ComplaintRecord | undefined> {
  return (await selectComplaint(db).where({ complaint_number: complaintNumber }).first()) as ComplaintRecord | undefined;
}

export async function findComplaintByBusinessKey(db: Knex, businessKey: string): Promise<ComplaintRecord | undefined> {
  return (await selectComplaint(db).where({ business_key: businessKey }).first()) as ComplaintRecord | undefined;
}

/** Numbers the complaint `TS<date><sequence>` and stores it. */
export async function insertComplaint(db: Knex, complaint: NewComplaint, businessKeyOf: (complaintNumber: string) => string): Promise<ComplaintRecord> {
  const { rows } = await db.raw<{ rows: Array<{ seq: string }> }>("select nextval('complaint_number_seq') as seq");
  const complaintNumber = formatComplaintNumber(complaint.receivedOn, rows[0]!.seq);
  const [{ id }] = await db('integrity_complaint').insert({
    complaint_number: complaintNumber, business_key: businessKeyOf(complaintNumber), channel: complaint.channel, external_id: complaint.externalId,
    complainant: JSON.stringify(complaint.complainant), respondent_name: complaint.respondentName, respondent_code: complaint.respondentCode, field: complaint.field,
    promise: complaint.promise, facts: complaint.facts, request: complaint.request, evidence: complaint.evidence ? JSON.stringify(complaint.evidence) : null,
    received_on: complaint.receivedOn, taken_by: complaint.takenBy, status: '待初审',
  }).returning('id');
  return (await selectComplaint(db).where({ id }).first()) as ComplaintRecord;
}

export async function setComplaintProcess(db: Knex, id: number, processInstanceId: string): Promise<void> {
  await db('integrity_complaint').where({ id }).update({ process_instance_id: processInstanceId, updated_at: db.fn.now() });
}

export interface ComplaintStep {
  businessKey: string;
  status: string;
  activityInstanceId: string;
  note?: string;
  fields?: Partial<{ respondent_code: string; field: string; hand_over: string; breach_confirmed: boolean; rectification_deadline: string; escalated: boolean; outcome: string; credit_event_key: string }>;
  /** a message to queue with the step (the hand-over to 12345) */
  outbox?: { channel: string; dedupKey: string; payload: unknown };
}

/** Records a step once per activity instance (with its outbox message); false if recorded before. */
export async function recordComplaintStep(db: Knex, step: ComplaintStep): Promise<boolean> {
  return db.transaction(async (trx) => {
    const row = await trx('integrity_complaint').where({ business_key: step.businessKey }).forUpdate().first('id');
    if (!row) throw new Error(`投诉 ${step.businessKey} 不存在: 投诉流程须由 fileComplaint 启动`);
    const inserted = await trx('integrity_complaint_event').insert({ complaint_id: row.id, status: step.status, activity_instance_id: step.activityInstanceId, note: step.note ?? null })
      .onConflict('activity_instance_id').ignore().returning('id');
    if (inserted.length === 0) return false;
    await trx('integrity_complaint').where({ id: row.id }).update({ status: step.status, ...step.fields, updated_at: trx.fn.now() });
    if (step.outbox) await enqueue(trx, step.outbox.channel, step.outbox.dedupKey, step.outbox.payload);
    return true;
  });
}

export async function complaintSteps(db: Knex, complaintId: number): Promise<Array<{ status: string; note: string | null; at: Date }>> {
  return db('integrity_complaint_event').where({ complaint_id: complaintId }).orderBy('id').select('status', 'note', 'at');
}
