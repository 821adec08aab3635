// 好差评 ratings and the handling of bad ratings: one rating per case, each step of a bad
// rating's process once per activity instance, the outcome published once, the monthly figures.
import type { Knex } from 'knex';
import { lockKey } from './side-effects.js';

export interface RatingRecord {
  id: number;
  receiptNumber: string;
  caseBusinessKey: string;
  itemKey: string;
  itemName: string;
  departmentGroup: string;
  level: number;
  comment: string | null;
  named: boolean;
  channel: string;
  applicantCode: string | null;
  ratedOn: string;
  businessKey: string | null;
  processInstanceId: string | null;
  status: string;
  counted: boolean;
  verificationResult: string | null;
  returnVisit: string | null;
  rectificationKind: '整改' | '说明' | null;
  rectification: string | null;
  rectifiedOn: string | null;
  rectifiedInTime: boolean | null;
  appealReason: string | null;
  appealDecision: string | null;
  publishedOn: string | null;
  publication: unknown;
}

export type NewRating = Pick<RatingRecord, 'receiptNumber' | 'caseBusinessKey' | 'itemKey' | 'itemName' | 'departmentGroup' | 'level' | 'comment' | 'named' | 'channel' | 'applicantCode' | 'ratedOn' | 'status' | 'businessKey'>;

const date = (column: string) => `to_char(${column}, 'YYYY-MM-DD') as "${column.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())}"`;

function selectRating(db: Knex) {
  return db('service_rating').select(
    'id', { receiptNumber: 'receipt_number' }, { caseBusinessKey: 'case_business_key' }, { itemKey: 'item_key' }, { itemName: 'item_name' },
    { departmentGroup: 'department_group' }, 'level', 'comment', 'named', 'channel', { applicantCode: 'applicant_code' }, { businessKey: 'business_key' },
    { processInstanceId: 'process_instance_id' }, 'status', 'counted', { verificationResult: 'verification_result' }, { returnVisit: 'return_visit' },
    { rectificationKind: 'rectification_kind' }, 'rectification', { rectifiedInTime: 'rectified_in_time' }, { appealReason: 'appeal_reason' },
    { appealDecision: 'appeal_decision' }, 'publication',
  ).select(db.raw(date('rated_on')), db.raw(date('rectified_on')), db.raw(date('published_on')));
}

/** Serialises ratings of one case (submissions racing each other) until the transaction ends. */
export async function lockCaseRating(trx: Knex.Transaction, receiptNumber: string): Promise<void> {
  await lockKey(trx, 'rating', receiptNumber);
}

export async function findRatingByReceipt(db: Knex, receiptNumber: string): Promise<RatingRecord | undefined> {
  return (await selectRating(db).where({ receipt_number: receiptNumber }).first()) as RatingRecord | undefined;
}

export async function findRatingByBusinessKey(db: Knex, businessKey: string): Promise<RatingRecord | undefined> {
  return (await selectRating(db).where({ business_key: businessKey }).first()) as RatingRecord | undefined;
}

export async function insertRating(db: Knex, rating: NewRating): Promise<number> {
  const [{ id }] = await db('service_rating').insert({
    receipt_number: rating.receiptNumber, case_business_key: rating.caseBusinessKey, item_key: rating.itemKey, item_name: rating.itemName,
    department_group: rating.departmentGroup, level: rating.level, comment: rating.comment, named: rating.named, channel: rating.channel,
    applicant_code: rating.applicantCode, rated_on: rating.ratedOn, status: rating.status, business_key: rating.businessKey,
  }).returning('id');
  return Number(id);
}

export async function setRatingProcess(db: Knex, id: number, processInstanceId: string): Promise<void> {
  await db('service_rating').where({ id }).update({ process_instance_id: processInstanceId, updated_at: db.fn.now() });
}

/** The applicant says the rating was a mistake; only the first appeal counts. */
export async function fileRatingAppeal(db: Knex, id: number, reason: string): Promise<boolean> {
  return (await db('service_rating').where({ id }).whereNull('appeal_reason').update({ appeal_reason: reason, status: '申诉待审核', updated_at: db.fn.now() })) > 0;
}

export interface RatingStep {
  businessKey: string;
  step: string;
  activityInstanceId: string;
  note?: string;
  fields?: Partial<{ status: string; counted: boolean; verification_result: string; return_visit: string; rectification_kind: '整改' | '说明'; rectification: string;
    rectified_on: string; rectified_in_time: boolean; appeal_reason: string; appeal_decision: string }>;
}

/** Records a step of a bad rating's handling once per activity instance; false if recorded before. */
export async function recordRatingStep(db: Knex, change: RatingStep): Promise<boolean> {
  return db.transaction(async (trx) => {
    const row = await trx('service_rating').where({ business_key: change.businessKey }).forUpdate().first('id');
    if (!row) throw new Error(`差评 ${change.businessKey} 不存在: 差评流程须由 submitRating 启动`);
    const inserted = await trx('service_rating_event').insert({ rating_id: row.id, step: change.step, activity_instance_id: change.activityInstanceId, note: change.note ?? null })
      .onConflict('activity_instance_id').ignore().returning('id');
    if (inserted.length === 0) return false;
    await trx('service_rating').where({ id: row.id }).update({ ...change.fields, updated_at: trx.fn.now() });
    return true;
  });
}

export async function ratingSteps(db: Knex, ratingId: number): Promise<Array<{ step: string; note: string | null; at: Date }>> {
  return db('service_rating_event').where({ rating_id: ratingId }).orderBy('id').select('step', 'note', 'at');
}

/** Publishes the outcome once: a redelivered task leaves the first publication. */
export async function publishRatingOutcome(db: Knex, businessKey: string, publishedOn: string, publication: Record<string, unknown>): Promise<boolean> {
  return (await db('service_rating').where({ business_key: businessKey }).whereNull('published_on')
    .update({ published_on: publishedOn, publication: JSON.stringify(publication), updated_at: db.fn.now() })) > 0;
}

export async function publishedRatingOutcomes(db: Knex, limit = 200): Promise<Array<Record<string, unknown>>> {
  const rows = await db('service_rating').whereNotNull('published_on').orderBy([{ column: 'published_on', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit).select('publication');
  return rows.map((row: { publication: Record<string, unknown> }) => row.publication);
}

export interface FigureRow {
  departmentGroup: string;
  itemKey: string;
  itemName: string;
  level: number;
  counted: boolean;
  bad: boolean;
  rectificationKind: string | null;
  rectifiedInTime: boolean | null;
  ratings: number;
}

/** Ratings of a month (rated_on), grouped by department, item, level and handling state. */
export async function ratingFigureRows(db: Knex, month: string): Promise<FigureRow[]> {
  const rows = await db('service_rating')
    .whereRaw(`to_char(rated_on, 'YYYY-MM') = ?`, [month])
    .groupBy('department_group', 'item_key', 'item_name', 'level', 'counted', 'rectification_kind', 'rectified_in_time')
    .orderBy(['department_group', 'item_key', 'level'])
    .select({ departmentGroup: 'department_group', itemKey: 'item_key', itemName: 'item_name', rectificationKind: 'rectification_kind', rectifiedInTime: 'rectified_in_time' }, 'level', 'counted')
    .count({ ratings: '*' });
  return (rows as unknown as FigureRow[]).map((row) => ({ ...row, level: Number(row.level), bad: Number(row.level) <= 2, ratings: Number(row.ratings) }));
}
