// "Start a process inside a transaction, delete it again if the transaction fails": the engine
// and the database cannot commit together, so a process started for a record that was then not
// stored (the 网上申请, a complaint, a bad rating) is taken back: all or nothing.
import type { Knex } from 'knex';
import type { EngineClient } from '../engine/client.js';
import { toVariables } from '../engine/client.js';
import type { Logger } from '../log.js';

export interface ProcessStart {
  businessKey: string;
  variables: Record<string, unknown>;
}

/** Starts a process by its key; returns the instance id. */
export type StartProcess = (processKey: string, start: ProcessStart) => Promise<string>;

/**
 * Runs `work`, which may start processes through the `start` it is given; when `work` fails,
 * each process it started is deleted. When the engine's answer to a start is lost, the instance
 * with the (new, unique) business key is looked up: if the engine started it, it is ours.
 */
export async function undoStartsOnFailure<T>(engine: EngineClient, log: Logger, work: (start: StartProcess) => Promise<T>): Promise<T> {
  const started: string[] = [];
  const start: StartProcess = async (processKey, { businessKey, variables }) => {
    try {
      const instance = await engine.post<{ id: string }>(`/process-definition/key/${encodeURIComponent(processKey)}/start`, { businessKey, variables: toVariables(variables) });
      started.push(instance.id);
      return instance.id;
    } catch (error) {
      const existing = await engine.get<Array<{ id: string }>>(`/history/process-instance?processInstanceBusinessKey=${encodeURIComponent(businessKey)}`).catch(() => []);
      if (!existing[0]) throw error;
      started.push(existing[0].id);
      return existing[0].id;
    }
  };
  try {
    return await work(start);
  } catch (error) {
    for (const processInstanceId of started) {
      log.error('record not stored after its process started; deleting the process', { processInstanceId, error });
      await engine.delete(`/process-instance/${processInstanceId}?skipCustomListeners=true&skipIoMappings=true`)
        .catch((cleanup: unknown) => log.error('could not delete the process', { processInstanceId, error: cleanup }));
    }
    throw error;
  }
}

/** `undoStartsOnFailure` around one database transaction. */
export async function startInTransaction<T>(db: Knex, engine: EngineClient, log: Logger, work: (trx: Knex.Transaction, start: StartProcess) => Promise<T>): Promise<T> {
  return undoStartsOnFailure(engine, log, (start) => db.transaction((trx) => work(trx, start)));
}
