// One page of a Tasklist filter for the 工作台: the engine pages, sorts (the filter's own sorting:
// due date first, then creation) and counts, as the logged-in user, so a section with 10,000 open
// tasks costs one page, not the whole list (docs/performance.md, 工作台待办). A search looks in the
// task-local case columns (受理编号, 申请人, 事项), case-insensitively, through the same filter.
import type { Knex } from 'knex';
import type { Config } from '../../lib/config.js';
import { TASK_LIST_COLUMNS } from '../../lib/bpmn/builder.js';
import { todayIn } from '../../lib/calendar/deadlines.js';
import type { EngineClient } from '../../lib/engine/client.js';
import { loadCalendar } from '../../lib/repositories/calendar.js';

export interface EngineUser { id: string; firstName?: string; lastName?: string }
interface EngineVariable { name: string; value: unknown; type: string }
interface ListedTask {
  id: string; name: string; assignee: string | null; created: string; due: string | null; followUp: string | null;
  processDefinitionId: string; _embedded?: { variable?: EngineVariable[] };
}
interface HalTaskList { _embedded?: { task?: ListedTask[]; assignee?: EngineUser[]; processDefinition?: Array<{ id: string; name?: string }> } }

/** 张敏: family name first, as the office writes names */
export const personName = (user: EngineUser | undefined, fallback: string | null): string | null =>
  user ? `${user.lastName ?? ''}${user.firstName ?? ''}` || user.id : fallback;

export const COLUMN = Object.fromEntries(TASK_LIST_COLUMNS.map((column) => [column.label, column.local])) as Record<'受理编号' | '申请人' | '事项', string>;

/** Rows per page the 工作台 may ask for. */
export const PAGE_SIZES = { default: 20, max: 100 } as const;

export interface TaskPageQuery { page: number; size: number; search: string }

export interface TaskRow {
  id: string; name: string; receiptNumber: string; applicant: string; item: string; assignee: string | null; assigneeName: string | null;
  created: string; due: string | null; workingDaysLeft: number | null; signal: 'red' | 'yellow' | 'none';
}

/** The engine's LIKE with the user's words taken literally (its LIKE escapes with a backslash). */
const likeLiteral = (words: string): string => `%${words.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * What the filter's query is extended with: for a search, any of the case columns containing the
 * words, whatever their case (an OR query of the task-local variables); nothing otherwise.
 */
export function searchExtension(search: string): Record<string, unknown> {
  const words = search.trim();
  if (!words) return {};
  return { orQueries: [{ taskVariables: TASK_LIST_COLUMNS.map((column) => ({ name: column.local, operator: 'like', value: likeLiteral(words) })), variableValuesIgnoreCase: true }] };
}

/** How long a filter's count is answered without asking the engine, and how long a stale one may still be shown while it is counted again. */
export const COUNT_FRESH_MS = 15_000;
export const COUNT_STALE_MS = 300_000;

/**
 * A filter's count costs the engine every task of the filter (10,000 for a section), its page
 * only the page: counts are kept per user, filter and search for COUNT_FRESH_MS, then answered
 * once more while the engine counts again (at most COUNT_STALE_MS old), never shared between users.
 */
export class FilterCounts {
  private readonly entries = new Map<string, { count: number; at: number; refreshing?: Promise<void> }>();

  constructor(private readonly freshMs = COUNT_FRESH_MS, private readonly staleMs = COUNT_STALE_MS, private readonly capacity = 10_000) {}

  async get(userId: string, filterId: string, search: string, count: () => Promise<number>): Promise<number> {
    const key = JSON.stringify([userId, filterId, search]);
    const entry = this.entries.get(key);
    const age = entry ? Date.now() - entry.at : Infinity;
    if (entry && age < this.freshMs) return entry.count;
    if (entry && age < this.staleMs) {
      entry.refreshing ??= count().then((fresh) => this.remember(key, fresh), () => undefined).finally(() => { entry.refreshing = undefined; });
      return entry.count;
    }
    const fresh = await count();
    this.remember(key, fresh);
    return fresh;
  }

  /** After the user changed a task (claim, complete, hand over): their counts are asked again. */
  forget(userId: string): void {
    for (const key of this.entries.keys()) if ((JSON.parse(key) as string[])[0] === userId) this.entries.delete(key);
  }

  private remember(key: string, count: number): void {
    this.entries.delete(key);
    this.entries.set(key, { count, at: Date.now() });
    // the oldest first out (a Map keeps insertion order)
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * The page's tasks as the 工作台 lists them and the filter's total (FilterCounts), both from the
 * engine as the user; names of colleagues the user may not read come through `colleague`.
 */
export interface TaskPageContext {
  db: Knex; config: Config; counts: FilterCounts;
  /** the engine as the user, and the user's id */
  user: EngineClient; userId: string;
  colleague: (id: string) => Promise<EngineUser | undefined>;
}

export async function taskPage({ db, config, counts, user, userId, colleague }: TaskPageContext, filterId: string, query: TaskPageQuery): Promise<{ total: number; tasks: TaskRow[] }> {
  const id = encodeURIComponent(filterId);
  const extension = searchExtension(query.search);
  // the plain list, not the HAL one: a HAL list counts the whole filter again on every page
  const [listed, total, calendar] = await Promise.all([
    user.request<ListedTask[]>('POST', `/filter/${id}/list?firstResult=${(query.page - 1) * query.size}&maxResults=${query.size}`, extension),
    counts.get(userId, filterId, query.search.trim(), async () => (await user.post<{ count: number }>(`/filter/${id}/count`, extension)).count),
    loadCalendar(db),
  ]);
  // the page's case columns, read as the user (the engine checks each task's variables)
  const variables = listed.length
    ? await user.post<Array<EngineVariable & { taskId: string }>>('/variable-instance?deserializeValues=false', { taskIdIn: listed.map((task) => task.id), variableNameIn: TASK_LIST_COLUMNS.map((column) => column.local) })
    : [];
  const byTask = new Map<string, EngineVariable[]>();
  for (const variable of variables) byTask.set(variable.taskId, [...(byTask.get(variable.taskId) ?? []), variable]);
  const list: HalTaskList = { _embedded: { task: listed.map((task) => ({ ...task, _embedded: { variable: byTask.get(task.id) ?? [] } })) } };
  const users = new Map<string, EngineUser>();
  // a colleague's name the user's own rights may not read: staff names are no secret among staff
  for (const assignee of new Set(listed.map((task) => task.assignee).filter((name): name is string => Boolean(name)))) {
    const profile = await colleague(assignee);
    if (profile) users.set(assignee, profile);
  }
  // the process's name where a task has no 事项 column (a task of an earlier version)
  const unnamed = [...new Set(listed.filter((task) => !byTask.get(task.id)?.some((v) => v.name === COLUMN['事项'] && v.value)).map((task) => task.processDefinitionId))];
  const definitions = new Map(unnamed.length
    ? (await user.get<Array<{ id: string; name: string | null }>>(`/process-definition?processDefinitionIdIn=${unnamed.map(encodeURIComponent).join(',')}`)).map((definition) => [definition.id, definition.name ?? undefined])
    : []);
  const now = new Date();
  const today = todayIn(config.deadlines.utcOffset, now);
  const tasks = (list._embedded?.task ?? []).map((task): TaskRow => {
    const variable = (name: string): string => String(task._embedded?.variable?.find((v) => v.name === name)?.value ?? '');
    let workingDaysLeft: number | null = null;
    try {
      if (task.due) workingDaysLeft = calendar.remainingWorkingDays(today, todayIn(config.deadlines.utcOffset, new Date(task.due)));
    } catch {
      workingDaysLeft = null; // a deadline in a year the calendar does not know yet
    }
    const overdue = Boolean(task.due && new Date(task.due) < now);
    const warning = !overdue && Boolean(task.followUp && new Date(task.followUp) <= now);
    return {
      id: task.id,
      name: task.name,
      receiptNumber: variable(COLUMN['受理编号']),
      applicant: variable(COLUMN['申请人']),
      item: variable(COLUMN['事项']) || definitions.get(task.processDefinitionId) || '',
      assignee: task.assignee,
      assigneeName: task.assignee ? personName(users.get(task.assignee), task.assignee) : null,
      created: task.created,
      due: task.due,
      workingDaysLeft,
      signal: overdue ? 'red' : warning ? 'yellow' : 'none',
    };
  });
  return { total, tasks };
}
