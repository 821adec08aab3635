// What the cluster benches need beside their load: the `nodes=N` argument, a clerk who survives an
// engine node dying under their request (looks before acting again, as a person would), and the
// count after the load: every case ended exactly once, every side effect once.
import type { Knex } from 'knex';
import { toVariables, type EngineClient } from '../lib/engine/client.js';
import { unreachable } from '../lib/engine/nodes.js';

/** `nodes=N` among the arguments (or SHENPI_BENCH_NODES), and the other arguments in order. */
export function benchArguments(argv = process.argv.slice(2)): { nodes: number; positional: string[] } {
  const named = argv.find((arg) => /^nodes=\d+$/.test(arg));
  const nodes = Number(named?.slice('nodes='.length) ?? process.env.SHENPI_BENCH_NODES ?? 1);
  return { nodes: Math.max(1, nodes), positional: argv.filter((arg) => arg !== named) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the case, again only when it is not there: a start whose connection broke (its node
 * killed) may have been committed.
 */
export async function startOnce(admin: EngineClient, processKey: string, businessKey: string, variables: Record<string, unknown>): Promise<{ id: string }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await admin.post<{ id: string }>(`/process-definition/key/${processKey}/start`, { businessKey, variables: toVariables(variables) });
    } catch (error) {
      if (!unreachable(error) || attempt > 20) throw error;
      await sleep(500);
      const [existing] = await admin.get<Array<{ id: string }>>(`/process-instance?businessKey=${encodeURIComponent(businessKey)}&processDefinitionKey=${processKey}`);
      if (existing) return existing;
    }
  }
}

/** Completes the task, again only while it is still open (a completion whose connection broke may have been applied). */
export async function completeOnce(clerk: EngineClient, taskId: string, variables: Record<string, unknown>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await clerk.post(`/task/${taskId}/complete`, { variables: toVariables(variables) });
      return;
    } catch (error) {
      if (!unreachable(error) || attempt > 20) throw error;
      await sleep(500);
      const open = await clerk.get(`/task/${taskId}`).then(() => true, (failure: { status?: number }) => {
        if (failure.status === 404) return false;
        throw failure;
      });
      if (!open) return;
    }
  }
}

export interface ExactlyOnce {
  started: number;
  endedOnce: number;
  lost: number;
  duplicated: number;
  /** instances under the prefix whose start the client never saw succeed (a start lost with its node, applied) */
  strays: number;
  casesRecordedTwice: number;
  licencesMissing: number;
  licencesTwice: number;
  documentsTwice: number;
  outboxUndelivered: number;
}

/**
 * Each business key: one instance of the item's process, ended (COMPLETED), one case record, one
 * licence (every case is granted), at most one document of each kind; no message undelivered.
 * Duplicates the tables' unique keys would refuse are counted anyway (a key dropped by mistake).
 */
export async function exactlyOnce(admin: EngineClient, db: Knex, processKey: string, businessKeys: string[], prefix: string): Promise<ExactlyOnce> {
  const instances = await admin.post<Array<{ businessKey: string; state: string }>>('/history/process-instance?maxResults=100000', { processDefinitionKey: processKey, processInstanceBusinessKeyLike: `${prefix}%` });
  const ended = new Map<string, number>();
  const any = new Map<string, number>();
  for (const instance of instances) {
    any.set(instance.businessKey, (any.get(instance.businessKey) ?? 0) + 1);
    if (instance.state === 'COMPLETED') ended.set(instance.businessKey, (ended.get(instance.businessKey) ?? 0) + 1);
  }
  const like = `${prefix}%`;
  const grouped = async (table: string, columns: string[]): Promise<number> =>
    Number((await db.count({ n: '*' }).from(db(table).select(columns).whereLike('business_key', like).groupBy(columns).havingRaw('count(*) > 1').as('q')).first())?.n ?? 0);
  const licensed = new Set((await db('licence').whereLike('business_key', like).select('business_key')).map((row: { business_key: string }) => row.business_key));
  return {
    started: businessKeys.length,
    endedOnce: businessKeys.filter((key) => ended.get(key) === 1).length,
    lost: businessKeys.filter((key) => !ended.get(key)).length,
    duplicated: businessKeys.filter((key) => (any.get(key) ?? 0) > 1).length,
    strays: [...any.keys()].filter((key) => !businessKeys.includes(key)).length,
    casesRecordedTwice: await grouped('case_record', ['business_key']),
    licencesMissing: businessKeys.filter((key) => !licensed.has(key)).length,
    licencesTwice: await grouped('licence', ['business_key']),
    documentsTwice: await grouped('case_document', ['business_key', 'kind']),
    outboxUndelivered: Number((await db('outbox_message').whereNot({ status: 'delivered' }).count({ n: '*' }).first())?.n ?? 0),
  };
}
