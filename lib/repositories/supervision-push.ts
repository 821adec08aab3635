// 审管衔接: decisions queued for the supervising department, and the results coming back.
import type { Knex } from 'knex';
import { enqueue } from './outbox.js';

export const SUPERVISION_CHANNEL = 'supervision';

export async function queueDecisionForSupervision(db: Knex, key: string, payload: unknown): Promise<void> {
  await enqueue(db, SUPERVISION_CHANNEL, key, payload);
}

export interface SupervisionResult {
  businessKey: string;
  licenceNumber: string | null;
  kind: '检查' | '处罚';
  department: string;
  occurredOn: string;
  result: string;
  reference: string;
  receivedBy: string;
}

/** Stores a result once per department and reference (a resent result changes nothing). */
export async function addSupervisionResult(db: Knex, input: SupervisionResult): Promise<boolean> {
  const inserted = await db('supervision_result').insert({
    business_key: input.businessKey, licence_number: input.licenceNumber, kind: input.kind, department: input.department,
    occurred_on: input.occurredOn, result: input.result, reference: input.reference, received_by: input.receivedBy,
  }).onConflict(['department', 'reference']).ignore().returning('id');
  return inserted.length > 0;
}

export async function supervisionResultsFor(db: Knex, businessKey: string): Promise<Array<Omit<SupervisionResult, 'businessKey' | 'receivedBy'>>> {
  return db('supervision_result').where({ business_key: businessKey }).orderBy('id').select(
    { licenceNumber: 'licence_number' }, 'kind', 'department', db.raw(`to_char(occurred_on, 'YYYY-MM-DD') as "occurredOn"`), 'result', 'reference');
}
