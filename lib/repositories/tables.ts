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
