import type { Task } from 'camunda-external-task-client-js';
import type { Logger } from '../../lib/log.js';
import type { Topic } from '../../lib/process/topics.js';
import type { WorkerTemplate } from '../../lib/process/worker-template.js';
import type { WorkerServices } from './services.js';

export interface WorkerOptions {
  /** how long a fetched task stays locked to this worker */
  lockDuration: number;
  /** only these variables are fetched with the task (smaller payloads) */
  variables?: string[];
}

export interface WorkerContext {
  task: Task;
  log: Logger;
  services: WorkerServices;
}

/** Returns the process variables to set when the task completes. */
export type WorkerHandler = (context: WorkerContext) => Promise<Record<string, unknown>>;

export type { WorkerTemplate };

/** What a worker module exports (conventions, item 4). */
export interface WorkerDefinition {
  topic: Topic;
  options: WorkerOptions;
  template: WorkerTemplate;
  handler: WorkerHandler;
}
