// Row counts of whole schemas: what "nothing was written" means to a test or a check.
import type { Knex } from 'knex';

/** `{ "schema.table": rows }` for every table of the given schemas (exact counts). */
export async function rowCounts(db: Knex, schemas: string[]): Promise<Record<string, number>> {
  const tables = await db('information_schema.tables').select<Array<{ schema: string; name: string }>>({ schema: 'table_schema', name: 'table_name' })
    .whereIn('table_schema', schemas).andWhere('table_type', 'BASE TABLE').orderBy(['table_schema', 'table_name']);
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables) {
    counts[`${schema}.${name}`] = Number((await db.withSchema(schema).from(name).count({ n: '*' }).first())?.n ?? 0);
  }
  return counts;
}

/** What must be zero once the system has settled after faults (npm run chaos). */
export async function settlementFigures(db: Knex): Promise<{ licencesTwice: number; casesWithTwoLicences: number; undelivered: number }> {
  const count = async (query: Knex.QueryBuilder): Promise<number> => Number((await db.count({ n: '*' }).from(query.as('q')).first())?.n ?? 0);
  return {
    licencesTwice: await count(db('licence').select('licence_number').groupBy('licence_number').havingRaw('count(*) > 1')),
    casesWithTwoLicences: await count(db('licence').select('business_key').groupBy('business_key').havingRaw('count(*) > 1')),
    undelivered: await count(db('outbox_message').select('id').whereNot({ status: 'delivered' })),
  };
}

/** Cases registered (case_record rows) among these business keys and receipt numbers. */
export async function registeredCases(db: Knex, keys: { businessKeys: string[]; receiptNumbers: string[] }): Promise<number> {
  const row = await db('case_record').where((q) => q.whereIn('business_key', keys.businessKeys).orWhereIn('receipt_number', keys.receiptNumbers)).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/** What a wave of breached promises left, over the cases whose business key starts with `prefix` (bench/timer-storm.ts). */
export async function breachFigures(db: Knex, prefix: string): Promise<{ creditRecords: number; creditQueued: number; revoked: number; terminated: number }> {
  const like = `${prefix}%`;
  const count = async (query: Knex.QueryBuilder): Promise<number> => Number((await query.count({ n: '*' }).first())?.n ?? 0);
  return {
    creditRecords: await count(db('credit_record').whereLike('business_key', like).whereIn('kind', ['违约', '不良记录'])),
    creditQueued: await count(db('outbox_message as o').join('credit_record as c', 'c.event_key', 'o.dedup_key').where('o.channel', 'credit').whereLike('c.business_key', like).whereIn('c.kind', ['违约', '不良记录'])),
    revoked: await count(db('licence').whereLike('business_key', like).where({ status: '撤销' })),
    terminated: await count(db('case_record').whereLike('business_key', like).whereIn('outcome', ['撤销', '终止'])),
  };
}
