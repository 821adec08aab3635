// Statistics and an index PostgreSQL needs for the engine's task queries under authorization (the
// 工作台's filters). Every task query joins the user's authorizations filtered by
// `PERMS_ & <permission> = <permission>`: without statistics on those expressions the planner
// takes 0.5 % of the rows for each and, thinking the user has a handful of authorizations, pairs
// each of them with every open task of the section (a cross product, seconds at 10,000 tasks).
// Statistics objects and indexes are DDL on the engine's tables, no engine rows; created once the engine has
// made its tables, idempotent on every start (docs/performance.md, 工作台待办).
import type { Knex } from 'knex';

/** Camunda's permission bits the task queries test: READ (task, filter, ...) and READ_TASK (process definition). */
const PERMISSION_BITS = { read: 2, read_task: 64 } as const;

/**
 * The filters' own order (deadline, then creation), alone for a section's tasks and after the
 * assignee for 我的待办: a page is read along it and stops after the page, instead of sorting all
 * 10,000 tasks of a section (90 → 30 ms at 100,000 tasks) or walking all tasks by deadline for
 * the clerk's 300 (116 → 3 ms).
 */
const TASK_INDEXES: Record<string, string[]> = {
  shenpi_task_due_created: ['due_date_', 'create_time_'],
  shenpi_task_assignee_due: ['assignee_', 'due_date_', 'create_time_'],
};

/** Creates the missing statistics (and analyzes the table once they are new) and task indexes; their names. */
export async function ensureEngineQueryStatistics(db: Knex, engineSchema: string): Promise<string[]> {
  const created: string[] = [];
  // an external engine (SHENPI_ENGINE_URL) may keep its tables elsewhere: nothing to do here then
  const { rows: tables } = await db.raw<{ rows: Array<{ found: string | null }> }>('select to_regclass(?) as found', [`${engineSchema}.act_ru_authorization`]);
  if (!tables[0]?.found) return created;
  for (const [name, bit] of Object.entries(PERMISSION_BITS)) {
    const statistics = `shenpi_authorization_perms_${name}`;
    const { rows } = await db.raw<{ rows: unknown[] }>('select 1 from pg_statistic_ext where stxname = ? and stxnamespace = ?::regnamespace', [statistics, engineSchema]);
    if (rows.length) continue;
    await db.raw(`create statistics if not exists ??.?? on (perms_ & ${bit}) from ??.act_ru_authorization`, [engineSchema, statistics, engineSchema]);
    created.push(statistics);
  }
  if (created.length) await db.raw('analyze ??.act_ru_authorization', [engineSchema]);
  for (const [name, columns] of Object.entries(TASK_INDEXES)) {
    const { rows: indexes } = await db.raw<{ rows: unknown[] }>('select 1 from pg_indexes where schemaname = ? and indexname = ?', [engineSchema, name]);
    if (indexes.length) continue;
    await db.raw(`create index concurrently if not exists ?? on ??.act_ru_task (${columns.map(() => '??').join(', ')})`, [name, engineSchema, ...columns]);
    created.push(name);
  }
  return created;
}
