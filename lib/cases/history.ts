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

export class CaseHistory {
  constructor(private readonly engine: EngineClient, readonly businessKey: string) {}

  /** Ids of the case's process instances, running or ended, the first started first. */
  async instances(): Promise<string[]> {
    const found = await this.engine.get<Array<{ id: string }>>(`/history/process-instance?processInstanceBusinessKey=${encodeURIComponent(this.businessKey)}&sortBy=startTime&sortOrder=asc`);
    return found.map((instance) => instance.id);
  }

  /** Activities across the case's processes in the order they started (only the unfinished on request). */
  async activities(options: { unfinished?: boolean } = {}): Promise<HistoricActivity[]> {
    const all: HistoricActivity[] = [];
    for (const id of await this.instances()) {
      all.push(...await this.engine.get<HistoricActivity[]>(`/history/activity-instance?processInstanceId=${id}${options.unfinished ? '&unfinished=true' : ''}&sortBy=occurrence&sortOrder=asc`));
    }
    return all.sort((a, b) => a.startTime.localeCompare(b.startTime));
  }

  /** Activity ids in the order they happened: the path the case took. */
  async path(): Promise<string[]> {
    return (await this.activities()).map((activity) => activity.activityId);
  }

  /** Who completed each human task (by task id): the audit log knows, even when the task was never claimed. */
  async completedBy(): Promise<Map<string, string>> {
    const completedBy = new Map<string, string>();
    for (const id of await this.instances()) {
      for (const entry of await this.engine.get<Array<{ taskId: string | null; userId: string | null }>>(`/history/user-operation?processInstanceId=${id}&operationType=Complete`)) {
        if (entry.taskId && entry.userId) completedBy.set(entry.taskId, entry.userId);
      }
    }
    return completedBy;
  }

  /**
   * What was written at each step: the form fields submitted at a task and the variables a step
   * wrote, with the task and the activity instance they belong to, in the order written.
   */
  async written(): Promise<Array<{ taskId: string | null; activityInstanceId: string | null; name: string; value: unknown }>> {
    const written: Array<{ taskId: string | null; activityInstanceId: string | null; name: string; value: unknown }> = [];
    for (const id of await this.instances()) {
      for (const detail of await this.engine.get<Array<{ taskId: string | null; activityInstanceId: string | null; variableName?: string; fieldId?: string; value?: unknown; fieldValue?: unknown }>>(`/history/detail?processInstanceId=${id}&deserializeValues=false&sortBy=time&sortOrder=asc`)) {
        written.push({ taskId: detail.taskId, activityInstanceId: detail.activityInstanceId, name: detail.variableName ?? detail.fieldId ?? '', value: detail.value ?? detail.fieldValue });
      }
    }
    return written;
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
