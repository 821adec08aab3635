// 办件 records: the case row, its status timeline and its clock pauses. Every write is keyed so
// that a redelivered external task finds what it wrote the first time.
import type { Knex } from 'knex';
import { deskReceiptBusinessKey, formatReceiptNumber, RECEIPT_NUMBER_PATTERN } from '../cases/identity.js';
import { runOnce } from './side-effects.js';

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
  return formatReceiptNumber(receivedOn, rows[0]!.seq);
}

/**
 * The business key of a case the window starts: a 受理编号 reserved for it (so the engine, Cockpit
 * and the 办件 record know the case by the number the applicant holds), noted as the window's.
 */
export async function reserveDeskBusinessKey(db: Knex, receivedOn: string, clerk: string): Promise<string> {
  return db.transaction(async (trx) => {
    const receiptNumber = await reserveReceiptNumber(trx, receivedOn);
    await trx('desk_receipt').insert({ receipt_number: receiptNumber, reserved_by: clerk });
    return deskReceiptBusinessKey(receiptNumber);
  });
}

/** Registers the case once; a second call with the same business key returns the first row. */
export async function registerCase(db: Knex, input: NewCase, activityId: string, activityInstanceId: string): Promise<CaseRecord> {
  const current = async (trx: Knex.Transaction) => (await selectCase(trx).where({ business_key: input.businessKey }).first()) as CaseRecord;
  const { result } = await runOnce(db, { businessKey: input.businessKey, activityId: 'case.register', kind: 'receipt-number' }, async (trx) => {
    // a case registered before the ledger guarded it
    const existing = await current(trx);
    if (existing) return existing;
    // a business key reserved at the window is the 受理编号 itself; any other key gets a new one
    const reservedAtDesk = await trx('desk_receipt').where({ receipt_number: input.businessKey }).first('receipt_number');
    const receiptNumber = input.receiptNumber ?? (reservedAtDesk ? input.businessKey : await reserveReceiptNumber(trx, input.receivedOn));
    const [{ id }] = await trx('case_record').insert({
      receipt_number: receiptNumber, business_key: input.businessKey, process_instance_id: input.processInstanceId,
      item_key: input.itemKey, item_version: input.itemVersion, item_name: input.itemName, applicant_name: input.applicantName,
      applicant_category: input.applicantCategory, applicant_code: input.applicantCode, applicant_phone: input.applicantPhone ?? null, status: '已收件', received_on: input.receivedOn,
    }).returning('id');
    await trx('case_event').insert({ case_id: id, activity_id: activityId, activity_instance_id: activityInstanceId, status: '已收件' });
    return (await selectCase(trx).where({ id }).first()) as CaseRecord;
  }, current);
  return result;
}

/** 赋码: a new enterprise's case gets the code its registration assigned (only where it had none). */
export async function assignApplicantCode(db: Knex, businessKeys: string | string[], code: string): Promise<void> {
  await db('case_record').whereIn('business_key', ([] as string[]).concat(businessKeys)).whereNull('applicant_code').update({ applicant_code: code });
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

/** An entry of the case's timeline that leaves its status as it is (催办); `eventKey` makes it once. */
export async function addCaseNote(db: Knex, note: { businessKey: string; kind: string; activityId: string; eventKey: string; note: string; detail?: unknown }): Promise<void> {
  const row = await db('case_record').where({ business_key: note.businessKey }).first('id');
  if (!row) throw new Error(`办件 ${note.businessKey} 未登记`);
  await db('case_event').insert({ case_id: row.id, activity_id: note.activityId, activity_instance_id: note.eventKey, status: note.kind, note: note.note, detail: note.detail === undefined ? null : JSON.stringify(note.detail) })
    .onConflict(['activity_instance_id', 'status']).ignore();
}

/** The status of a case whose deadline needs a year the working-day calendar does not know yet. */
export const AWAITING_CALENDAR_STATUS = '待发布工作日历';
/** The timeline entry when it goes on; the case's status becomes again what it was before. */
export const CALENDAR_RESUMED_STATUS = '工作日历已发布, 继续办理';

/**
 * The case waits for the calendar: once per wait, however often the wait looks again. False
 * when there is no case record under this key (a complaint, a rating: the engine shows the wait).
 */
export async function awaitCalendar(db: Knex, change: Omit<StatusChange, 'status' | 'fields'>): Promise<boolean> {
  const found = await db('case_record').where({ business_key: change.businessKey }).first('status');
  if (!found) return false;
  if (found.status === AWAITING_CALENDAR_STATUS) return true;
  return recordStatus(db, { ...change, status: AWAITING_CALENDAR_STATUS });
}

/** After the wait: the timeline says so, and the case's status is the one it had before it. */
export async function resumeAfterCalendar(db: Knex, change: Omit<StatusChange, 'status' | 'fields'>): Promise<void> {
  await db.transaction(async (trx) => {
    const row = await trx('case_record').where({ business_key: change.businessKey }).forUpdate().first('id', 'status');
    if (!row || row.status !== AWAITING_CALENDAR_STATUS) return;
    const before = await trx('case_event').where({ case_id: row.id }).whereNotIn('status', [AWAITING_CALENDAR_STATUS, CALENDAR_RESUMED_STATUS])
      .orderBy([{ column: 'at', order: 'desc' }, { column: 'id', order: 'desc' }]).first('status');
    await trx('case_event')
      .insert({ case_id: row.id, activity_id: change.activityId, activity_instance_id: change.activityInstanceId, status: CALENDAR_RESUMED_STATUS, note: change.note ?? null, detail: change.detail === undefined ? null : JSON.stringify(change.detail) })
      .onConflict(['activity_instance_id', 'status']).ignore();
    await trx('case_record').where({ id: row.id }).update({ status: before?.status ?? '已收件', updated_at: trx.fn.now() });
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

/** The 催办 of one task (each urge's detail names the tasks it urged), oldest first. */
export async function urgesOfTask(db: Knex, taskId: string): Promise<Array<{ at: string; urgedBy: string; message: string }>> {
  const rows = await db('case_event').where({ status: '催办' }).whereRaw(`detail -> 'tasks' @> ?::jsonb`, [JSON.stringify([{ taskId }])])
    .orderBy([{ column: 'at' }, { column: 'id' }]).select('detail', 'at') as Array<{ detail: { urgedBy: string; message: string }; at: Date }>;
  return rows.map((row) => ({ at: new Date(row.at).toISOString(), urgedBy: row.detail.urgedBy, message: row.detail.message }));
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

export type CaseSummary = Pick<CaseRecord, 'receiptNumber' | 'businessKey' | 'itemName' | 'applicantName' | 'status' | 'receivedOn' | 'decisionDeadline' | 'outcome'>;

/** What the gram index of the register covers (migrations/202612010100-index-case-query.ts): the same expression. */
const SEARCHED = "case_search_grams(receipt_number || ' ' || applicant_name || ' ' || item_name)";

/**
 * 办件查询: cases whose 受理编号, 申请人 or 事项 contains the words, newest first. The gram index
 * narrows the register to the cases holding every pair of the words' characters; a whole 受理编号
 * is looked up by its unique index.
 */
export async function findCases(db: Knex, words: string, limit: number): Promise<CaseSummary[]> {
  return caseSearch(db, words, limit) as Promise<CaseSummary[]>;
}

/** The query of findCases (its plan is tested). */
export function caseSearch(db: Knex, words: string, limit: number): Knex.QueryBuilder {
  const like = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const query = db('case_record');
  if (RECEIPT_NUMBER_PATTERN.test(words.toUpperCase())) query.where({ receipt_number: words.toUpperCase() });
  else {
    query.where((q) => q.whereILike('receipt_number', like).orWhereILike('applicant_name', like).orWhereILike('item_name', like))
      .whereRaw(`${SEARCHED} @> case_search_query_grams(?)`, [words]);
  }
  return query.orderBy([{ column: 'received_on', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit)
    .select({ receiptNumber: 'receipt_number', businessKey: 'business_key', itemName: 'item_name', applicantName: 'applicant_name' }, 'status', 'outcome')
    .select(db.raw(`${dateColumn('received_on')} as "receivedOn"`), db.raw(`${dateColumn('decision_deadline')} as "decisionDeadline"`));
}
