// A case's history as the engine keeps it: the process instances of one business key (the
// item's process and the building blocks it called), their activities and variables. The staff
// case page, the applicant's progress and the tests read a case through this one class.
import type { EngineClient } from '../engine/client.js';

export interface HistoricActivity {
  /** the activity instance */
  id: string;
  activityId: string;
  activityName: string | null;
  activityType: string;
  assignee: string | null;
  taskId: string | null;
  startTime: string;
  endTime: string | null;
  processDefinitionKey: string;
}

/**
 * One reading of a case's history: what it answers is remembered (the 办件 page asks for the
 * activities, who completed them and what was written more than once), so a new CaseHistory
 * reads the history anew. The case's processes are asked at the same time, not one by one.
 */
export class CaseHistory {
  private readonly read = new Map<string, Promise<unknown>>();

  constructor(private readonly engine: EngineClient, readonly businessKey: string) {}

  private once<T>(key: string, reading: () => Promise<T>): Promise<T> {
    if (!this.read.has(key)) this.read.set(key, reading().catch((error: unknown) => { this.read.delete(key); throw error; }));
    return this.read.get(key) as Promise<T>;
  }

  /** The same request for each of the case's processes, at the same time; answers in the processes' order. */
  private async eachInstance<T>(path: (id: string) => string): Promise<T[]> {
    return (await Promise.all((await this.instances()).map((id) => this.engine.get<T[]>(path(id))))).flat();
  }

  /** Ids of the case's process instances, running or ended, the first started first. */
  async instances(): Promise<string[]> {
    return this.once('instances', async () => {
      const found = await this.engine.get<Array<{ id: string }>>(`/history/process-instance?processInstanceBusinessKey=${encodeURIComponent(this.businessKey)}&sortBy=startTime&sortOrder=asc`);
      return found.map((instance) => instance.id);
    });
  }

  /** Activities across the case's processes in the order they started (only the unfinished on request). */
  async activities(options: { unfinished?: boolean } = {}): Promise<HistoricActivity[]> {
    return this.once(`activities${options.unfinished ? ':unfinished' : ''}`, async () => {
      const all = await this.eachInstance<HistoricActivity>((id) => `/history/activity-instance?processInstanceId=${id}${options.unfinished ? '&unfinished=true' : ''}&sortBy=occurrence&sortOrder=asc`);
      return all.sort((a, b) => a.startTime.localeCompare(b.startTime));
    });
  }

  /** Activity ids in the order they happened: the path the case took. */
  async path(): Promise<string[]> {
    return (await this.activities()).map((activity) => activity.activityId);
  }

  /** Who completed each human task (by task id): the audit log knows, even when the task was never claimed. */
  async completedBy(): Promise<Map<string, string>> {
    return this.once('completedBy', async () => {
      const completedBy = new Map<string, string>();
      for (const entry of await this.eachInstance<{ taskId: string | null; userId: string | null }>((id) => `/history/user-operation?processInstanceId=${id}&operationType=Complete`)) {
        if (entry.taskId && entry.userId) completedBy.set(entry.taskId, entry.userId);
      }
      return completedBy;
    });
  }

  /**
   * What was written at each step: the form fields submitted at a task and the variables a step
   * wrote, with the task and the activity instance they belong to, in the order written.
   */
  async written(): Promise<Array<{ taskId: string | null; activityInstanceId: string | null; name: string; value: unknown }>> {
    return this.once('written', async () => {
      const details = await this.eachInstance<{ taskId: string | null; activityInstanceId: string | null; variableName?: string; fieldId?: string; value?: unknown; fieldValue?: unknown }>(
        (id) => `/history/detail?processInstanceId=${id}&deserializeValues=false&sortBy=time&sortOrder=asc`);
      return details.map((detail) => ({ taskId: detail.taskId, activityInstanceId: detail.activityInstanceId, name: detail.variableName ?? detail.fieldId ?? '', value: detail.value ?? detail.fieldValue }));
    });
  }

  /**
   * A variable's current value: from the latest-started of the case's processes (or of
   * `instanceIds`) that has a value; a call activity hands a block each variable of its list,
   * null when the case has none yet, so null is passed over.
   */
  async variable<T = unknown>(name: string, instanceIds?: string[]): Promise<T | undefined> {
    for (const id of [...(instanceIds ?? await this.instances())].reverse()) {
      const found = await this.engine.get<Array<{ value: unknown; type: string }>>(`/history/variable-instance?processInstanceId=${id}&variableName=${encodeURIComponent(name)}&deserializeValues=false`);
      if (!found[0] || found[0].value === null) continue;
      const { value, type } = found[0];
      return (type === 'Json' && typeof value === 'string' ? JSON.parse(value) : value) as T;
    }
    return undefined;
  }
}
