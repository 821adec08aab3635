// Drives a case (办件) through the real engine as the clerks would: finds a human task of the
// case by its id in the BPMN, completes it as a member of its group, executes a timer's job,
// and reads the path the case took across the item process and the blocks it called.
import { randomUUID } from 'node:crypto';
import type { EngineClient } from '../../lib/engine/client.js';
import { EngineRequestError, toVariables } from '../../lib/engine/client.js';
import { waitFor } from './process.js';
import { CaseHistory } from '../../lib/cases/history.js';
import { bundleItemBusinessKey } from '../../lib/cases/identity.js';

export const DEMO_PASSWORD = 'shenpi-demo';

/** The demo user who works in each group (lib/engine/directory.ts). */
export const MEMBER: Record<string, string> = {
  window: 'window1', marketReview: 'market1', constructionReview: 'construction1', municipalReview: 'municipal1',
  healthReview: 'health1', publicSecurityReview: 'police1', legalReview: 'legal1', leaders: 'leader1', utilityCompanies: 'utility1',
  ratingOffice: 'rating1', complaintWindow: 'complaint1', supervisors: 'supervisor1',
};

/** 审查与决定分离: the colleague who decides what the group's MEMBER reviewed. */
export const DECIDER: Record<string, string> = {
  ...MEMBER, marketReview: 'market2', constructionReview: 'construction2', municipalReview: 'municipal2', healthReview: 'health2', publicSecurityReview: 'police2',
};

export interface EngineTask {
  id: string;
  name: string;
  taskDefinitionKey: string;
  processInstanceId: string;
  due: string | null;
}

export class CaseDriver {
  readonly businessKey: string;
  processInstanceId = '';

  /** `businessKey`: to follow a case started by another (an item of a bundle: `<bundle>:<item>`) */
  constructor(private readonly engine: EngineClient, readonly itemKey: string, businessKey?: string) {
    this.businessKey = businessKey ?? `test-${randomUUID()}`;
  }

  /** The case of one item of this bundle case. */
  child(itemKey: string): CaseDriver {
    return new CaseDriver(this.engine, itemKey, bundleItemBusinessKey(this.businessKey, itemKey));
  }

  /** The open tasks of the case, each with the group that may work on it. */
  async openTasks(): Promise<Array<EngineTask & { group: string | undefined }>> {
    const tasks = await this.engine.get<EngineTask[]>(`/task?processInstanceBusinessKey=${encodeURIComponent(this.businessKey)}`);
    return Promise.all(tasks.map(async (task) => {
      const links = await this.engine.get<Array<{ type: string; groupId: string | null }>>(`/task/${task.id}/identity-links`);
      return { ...task, group: links.find((link) => link.type === 'candidate' && link.groupId)?.groupId ?? undefined };
    }));
  }

  /** Completes a task by id as a member of its group (决定: the colleague of the reviewer). */
  async completeTask(task: { id: string; group: string | undefined; processInstanceId?: string; taskDefinitionKey?: string }, variables: Record<string, unknown>): Promise<void> {
    const user = (task.taskDefinitionKey === 'DecisionTask' ? DECIDER : MEMBER)[task.group ?? ''] ?? 'window1';
    await this.submit({ processInstanceId: task.processInstanceId ?? (await this.engine.get<EngineTask>(`/task/${task.id}`)).processInstanceId, id: task.id }, user, variables);
  }

  /**
   * A clerk submits the task's form: exactly its fields (the engine refuses anything else). The
   * test clock (`clockDate`, the business date the workers compute with) is no form field: the
   * administrator sets it on the task's process first, as the engine's clock would have moved.
   */
  private async submit(task: { id: string; processInstanceId: string }, user: string, variables: Record<string, unknown>): Promise<void> {
    const { clockDate, ...form } = variables;
    if (clockDate !== undefined) await this.engine.put(`/process-instance/${task.processInstanceId}/variables/clockDate`, toVariables({ clockDate }).clockDate);
    await this.engine.as({ username: user, password: DEMO_PASSWORD }).post(`/task/${task.id}/complete`, { variables: toVariables(form) });
  }

  async start(variables: Record<string, unknown>): Promise<this> {
    const instance = await this.engine.post<{ id: string }>(`/process-definition/key/${this.itemKey}/start`, {
      businessKey: this.businessKey, variables: toVariables({ itemKey: this.itemKey, ...variables }),
    });
    this.processInstanceId = instance.id;
    return this;
  }

  /** Waits until the case has an open task with this BPMN id (in any of its processes). */
  async task(taskDefinitionKey: string, timeoutMs = 30_000): Promise<EngineTask> {
    return this.explain(waitFor(`task ${taskDefinitionKey} of ${this.itemKey}`, async () => {
      const tasks = await this.engine.get<EngineTask[]>(`/task?processInstanceBusinessKey=${this.businessKey}&taskDefinitionKey=${taskDefinitionKey}`);
      return tasks[0];
    }, timeoutMs));
  }

  /** Completes the task as `user` (a member of its candidate group), with form variables. */
  async complete(taskDefinitionKey: string, user: string, variables: Record<string, unknown> = {}): Promise<EngineTask> {
    const task = await this.task(taskDefinitionKey);
    await this.submit(task, user, variables);
    return task;
  }

  /** Executes the job of a timer as the job executor would; returns its due date. */
  async fireTimer(activityId: string): Promise<string> {
    const job = await this.explain(waitFor(`timer ${activityId} of ${this.itemKey}`, async () => {
      const instances = await this.instances();
      for (const id of instances) {
        const jobs = await this.engine.get<Array<{ id: string; dueDate: string }>>(`/job?processInstanceId=${id}&activityId=${activityId}`);
        if (jobs[0]) return jobs[0];
      }
      return undefined;
    }));
    // like the job executor, try again when a worker completed a task of the same case at that moment
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.engine.post(`/job/${job.id}/execute`, {});
        break;
      } catch (error) {
        const concurrent = error instanceof EngineRequestError && error.engineMessage.includes('ENGINE-03005');
        if (!concurrent || attempt === 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
    return job.dueDate;
  }

  /** Waits for the root cause of an incident in the case (not its copies on calling activities). */
  async rootIncident(): Promise<{ activityId: string; incidentMessage: string }> {
    return waitFor(`an incident in ${this.itemKey}`, async () => {
      for (const id of await this.instances()) {
        const found = await this.engine.get<Array<{ id: string; rootCauseIncidentId: string; activityId: string; incidentMessage: string }>>(`/incident?processInstanceId=${id}`);
        const cause = found.find((incident) => incident.id === incident.rootCauseIncidentId);
        if (cause) return cause;
      }
      return undefined;
    });
  }

  /** Waits for a timer's job and returns its due date (without firing it). */
  async awaitTimer(activityId: string): Promise<string> {
    return this.explain(waitFor(`timer ${activityId} of ${this.itemKey}`, async () => (await this.timerDue(activityId))[0]));
  }

  /** The due dates of a timer's open jobs (without firing them). */
  async timerDue(activityId: string): Promise<string[]> {
    const due: string[] = [];
    for (const id of await this.instances()) {
      const jobs = await this.engine.get<Array<{ dueDate: string }>>(`/job?processInstanceId=${id}&activityId=${activityId}`);
      due.push(...jobs.map((job) => job.dueDate));
    }
    return due;
  }

  async correlate(messageName: string, variables: Record<string, unknown>): Promise<void> {
    await this.engine.post('/message', { messageName, businessKey: this.businessKey, processVariables: toVariables(variables) });
  }

  /** The case's history in the engine (lib/cases/history.ts). */
  get history(): CaseHistory {
    return new CaseHistory(this.engine, this.businessKey);
  }

  /** Ids of the case's process instances (the item's and the blocks it called), running or ended. */
  async instances(): Promise<string[]> {
    return this.history.instances();
  }

  /** Activity ids in the order they happened, across the item process and its blocks. */
  async path(): Promise<string[]> {
    return this.history.path();
  }

  /** Waits for the item process to end; returns the id of the end event it reached. */
  async waitForEnd(timeoutMs = 30_000): Promise<string> {
    await this.explain(waitFor(`${this.itemKey} to end`, async () => {
      const instance = await this.engine.get<{ state: string }>(`/history/process-instance/${this.processInstanceId}`);
      return instance.state === 'ACTIVE' ? undefined : instance.state;
    }, timeoutMs));
    const activities = await this.engine.get<Array<{ activityId: string; activityType: string }>>(`/history/activity-instance?processInstanceId=${this.processInstanceId}`);
    return activities.filter((activity) => /EndEvent$/.test(activity.activityType)).map((end) => end.activityId).join(',');
  }

  /** On a timeout, says which incidents the case has (a failed worker, a bad expression). */
  private async explain<T>(waiting: Promise<T>): Promise<T> {
    try {
      return await waiting;
    } catch (error) {
      const incidents: string[] = [];
      for (const id of await this.instances()) {
        const found = await this.engine.get<Array<{ activityId: string; incidentMessage: string }>>(`/incident?processInstanceId=${id}`);
        incidents.push(...found.map((incident) => `${incident.activityId}: ${incident.incidentMessage}`));
      }
      throw new Error(`${(error as Error).message}${incidents.length ? `; incidents: ${incidents.join(' | ')}` : ''}`);
    }
  }

  /** A variable's current value: from the latest-started of the case's processes that has it. */
  async variable<T = unknown>(name: string): Promise<T> {
    return (await this.history.variable<T>(name)) as T;
  }

  async cancel(): Promise<void> {
    await this.engine.delete(`/process-instance/${this.processInstanceId}?skipCustomListeners=true`).catch(() => undefined);
  }
}

/** An ISO instant for comparison: the engine answers in its own time zone. */
export const instant = (iso: string): string => new Date(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString();
