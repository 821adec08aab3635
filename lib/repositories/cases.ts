// 办件 records: the case row, its status timeline and its clock pauses. Every write is keyed so
// that a redelivered external task finds what it wrote the first time.
import type { Knex } from 'knex';

export interface CaseRecord {
  id: number;
  receiptNumber: string;
  businessKey: string;
  processInstanceId: string;
  itemKey: string;
  itemVersion: number;
  itemName: string;
  applicantName: string;
  applicantCategory: string;
  applicantCode: string | null;
  /** the applicant's mobile number, where notices (短信) go */
  applicantPhone: string | null;
  status: string;
  receivedOn: string;
  acceptedOn: string | null;
  decisionDeadline: string | null;
  deadlineExtended: boolean;
  outcome: string | null;
}

export interface CaseEvent {
  activityId: string;
  status: string;
  note: string | null;
  detail: unknown;
  at: Date;
}

const dateColumn = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const SELECT_CASE = [
  'id', { receiptNumber: 'receipt_number' }, { businessKey: 'business_key' }, { processInstanceId: 'process_instance_id' },
  { itemKey: 'item_key' }, { itemVersion: 'item_version' }, { itemName: 'item_name' }, { applicantName: 'applicant_name' },
  { applicantCategory: 'applicant_category' }, { applicantCode: 'applicant_code' }, { applicantPhone: 'applicant_phone' }, 'status', { deadlineExtended: 'deadline_extended' }, 'outcome',
] as const;

function selectCase(db: Knex) {
  return db('case_record').select(...SELECT_CASE).select(
    db.raw(`${dateColumn('received_on')} as "receivedOn"`),
    db.raw(`${dateColumn('accepted_on')} as "acceptedOn"`),
    db.raw(`${dateColumn('decision_deadline')} as "decisionDeadline"`),
  );
}

export type NewCase = Pick<CaseRecord, 'businessKey' | 'processInstanceId' | 'itemKey' | 'itemVersion' | 'itemName' | 'applicantName' | 'applicantCategory' | 'applicantCode' | 'receivedOn'>
  & { applicantPhone?: string | null }
  /** reserved before the case started (an online application answers with it at once) */
  & { receiptNumber?: string };

/** The next receipt number (受理编号) `SP<date><sequence>`; a reserved one that is never used leaves a gap. */
export async function reserveReceiptNumber(db: Knex, receivedOn: string): Promise<string> {
  const { rows } = await db.raw<{ rows: Array<{ seq: string }> }>("select nextval('receipt_number_seq') as seq");
  return `SP${receivedOn.replaceAll('-', '')}${String(rows[0]!.seq).padStart(6, '0')}`;
}

/** Registers the case once; a second call with the same business key returns the first row. */
export async function registerCase(db: Knex, input: NewCase, activityId: string, activityInstanceId: string): Promise<CaseRecord> {
  return db.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`case:${input.businessKey}`]);
    const existing = await selectCase(trx).where({ business_key: input.businessKey }).first();
    if (existing) return existing as CaseRecord;
    const receiptNumber = input.receiptNumber ?? await reserveReceiptNumber(trx, input.receivedOn);
    const [{ id }] = await trx('case_record').insert({
      receipt_number: receiptNumber, business_key: input.businessKey, process_instance_id: input.processInstanceId,
      item_key: input.itemKey, item_version: input.itemVersion, item_name: input.itemName, applicant_name: input.applicantName,
      applicant_category: input.applicantCategory, applicant_code: input.applicantCode, applicant_phone: input.applicantPhone ?? null, status: '已收件', received_on: input.receivedOn,
    }).returning('id');
    await trx('case_event').insert({ case_id: id, activity_id: activityId, activity_instance_id: activityInstanceId, status: '已收件' });
    return (await selectCase(trx).where({ id }).first()) as CaseRecord;
  });
}

export interface StatusChange {
  businessKey: string;
  status: string;
  activityId: string;
  activityInstanceId: string;
  note?: string;
  detail?: unknown;
  /** columns of case_record to update with the status */
  fields?: Partial<{ accepted_on: string; decision_deadline: string; deadline_extended: boolean; outcome: string }>;
}

/** Records a status change once per activity instance; returns false if it was recorded before. */
export async function recordStatus(db: Knex, change: StatusChange): Promise<boolean> {
  return db.transaction(async (trx) => {
    const row = await trx('case_record').where({ business_key: change.businessKey }).forUpdate().first('id');
    if (!row) throw new Error(`办件 ${change.businessKey} 未登记: 流程须先经过 case.register`);
    const inserted = await trx('case_event')
      .insert({ case_id: row.id, activity_id: change.activityId, activity_instance_id: change.activityInstanceId, status: change.status, note: change.note ?? null, detail: change.detail === undefined ? null : JSON.stringify(change.detail) })
      .onConflict(['activity_instance_id', 'status']).ignore().returning('id');
    await trx('case_record').where({ id: row.id }).update({ status: change.status, ...change.fields, updated_at: trx.fn.now() });
    return inserted.length > 0;
  });
}

export async function setDecisionDeadline(db: Knex, businessKey: string, deadline: string): Promise<void> {
  await db('case_record').where({ business_key: businessKey }).update({ decision_deadline: deadline, updated_at: db.fn.now() });
}

export async function findCaseByReceipt(db: Knex, receiptNumber: string): Promise<CaseRecord | undefined> {
  return (await selectCase(db).where({ receipt_number: receiptNumber }).first()) as CaseRecord | undefined;
}

export async function findCaseByBusinessKey(db: Knex, businessKey: string): Promise<CaseRecord | undefined> {
  return (await selectCase(db).where({ business_key: businessKey }).first()) as CaseRecord | undefined;
}

export async function caseEvents(db: Knex, caseId: number): Promise<CaseEvent[]> {
  return db('case_event').where({ case_id: caseId }).orderBy([{ column: 'at' }, { column: 'id' }])
    .select({ activityId: 'activity_id' }, 'status', 'note', 'detail', 'at');
}

export interface ClockPauseRecord {
  id: number;
  procedure: string;
  reason: string;
  notice: string;
  stoppedOn: string;
  restartedOn: string | null;
  pausedWorkingDays: number | null;
  deadlineBefore: string;
  deadlineAfter: string | null;
}

function selectPause(db: Knex) {
  return db('clock_pause').select('id', 'procedure', 'reason', 'notice', { pausedWorkingDays: 'paused_working_days' }).select(
    db.raw(`${dateColumn('stopped_on')} as "stoppedOn"`), db.raw(`${dateColumn('restarted_on')} as "restartedOn"`),
    db.raw(`${dateColumn('deadline_before')} as "deadlineBefore"`), db.raw(`${dateColumn('deadline_after')} as "deadlineAfter"`),
  );
}

export async function stopClock(db: Knex, businessKey: string, pause: { procedure: string; reason: string; notice: string; stoppedOn: string; deadlineBefore: string }, activityInstanceId: string): Promise<ClockPauseRecord> {
  return db.transaction(async (trx) => {
    const row = await trx('case_record').where({ business_key: businessKey }).first('id');
    if (!row) throw new Error(`办件 ${businessKey} 未登记`);
    await trx('clock_pause').insert({ case_id: row.id, procedure: pause.procedure, reason: pause.reason, notice: pause.notice, stopped_on: pause.stoppedOn, deadline_before: pause.deadlineBefore, stop_activity_instance_id: activityInstanceId })
      .onConflict('stop_activity_instance_id').ignore();
    return (await selectPause(trx).where({ stop_activity_instance_id: activityInstanceId }).first()) as ClockPauseRecord;
  });
}

export async function findPause(db: Knex, id: number): Promise<ClockPauseRecord | undefined> {
  return (await selectPause(db).where({ id }).first()) as ClockPauseRecord | undefined;
}

/** Closes a pause once; a second call leaves the first values. */
export async function restartClock(db: Knex, id: number, restart: { restartedOn: string; pausedWorkingDays: number; deadlineAfter: string }): Promise<ClockPauseRecord> {
  await db('clock_pause').where({ id }).whereNull('restarted_on')
    .update({ restarted_on: restart.restartedOn, paused_working_days: restart.pausedWorkingDays, deadline_after: restart.deadlineAfter });
  return (await findPause(db, id))!;
}

export async function casePauses(db: Knex, caseId: number): Promise<ClockPauseRecord[]> {
  return selectPause(db).where({ case_id: caseId }).orderBy('id') as Promise<ClockPauseRecord[]>;
}
