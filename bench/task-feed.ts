// What the bench's clerks see of their cases: one poller for all cases in flight (a query every
// few tens of milliseconds, whatever their number) hands each waiting clerk the next task of
// its case, and tells who waits for a case to end when it has. A task carries the engine's own
// creation time, so the clerk's wait is measured from it, not from when the poller saw it.
import type { EngineClient } from '../lib/engine/client.js';

export interface FeedTask { id: string; taskDefinitionKey: string; processInstanceId: string; created: string }

export class TaskFeed {
  private readonly waiting = new Map<string, (task: FeedTask) => void>();
  private readonly ends = new Map<string, () => void>();
  private readonly businessKeys = new Map<string, string>();
  private readonly handed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly engine: EngineClient, private readonly prefix: string, private readonly intervalMs = 25) {}

  start(): void {
    const round = async () => {
      try {
        await this.poll();
      } catch {
        // a dropped keep-alive connection, an engine busy past its timeout: look again next round
      } finally {
        if (this.timer) this.timer = setTimeout(() => void round(), this.intervalMs);
      }
    };
    this.timer = setTimeout(() => void round(), this.intervalMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The case's next open task with this BPMN id (once per task). */
  next(businessKey: string, taskDefinitionKey: string): Promise<FeedTask> {
    return new Promise((resolve) => this.waiting.set(`${businessKey}|${taskDefinitionKey}`, resolve));
  }

  /** Resolves when the process instance has ended. */
  end(processInstanceId: string): Promise<void> {
    return new Promise((resolve) => this.ends.set(processInstanceId, resolve));
  }

  private async poll(): Promise<void> {
    if (this.waiting.size) {
      const tasks = await this.engine.get<FeedTask[]>(`/task?processInstanceBusinessKeyLike=${encodeURIComponent(this.prefix)}%25&maxResults=10000`);
      for (const task of tasks) {
        if (this.handed.has(task.id)) continue;
        let businessKey = this.businessKeys.get(task.processInstanceId);
        if (!businessKey) {
          businessKey = (await this.engine.get<{ businessKey: string }>(`/process-instance/${task.processInstanceId}`)).businessKey;
          this.businessKeys.set(task.processInstanceId, businessKey);
        }
        const key = `${businessKey}|${task.taskDefinitionKey}`;
        const resolve = this.waiting.get(key);
        if (!resolve) continue;
        this.waiting.delete(key);
        this.handed.add(task.id);
        resolve(task);
      }
    }
    if (this.ends.size) {
      const ids = [...this.ends.keys()];
      const active = new Set((await this.engine.post<Array<{ id: string }>>('/process-instance', { processInstanceIds: ids })).map((instance) => instance.id));
      for (const id of ids) {
        if (active.has(id)) continue;
        this.ends.get(id)!();
        this.ends.delete(id);
      }
    }
  }
}
