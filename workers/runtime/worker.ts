import type { Task } from 'camunda-external-task-client-js';
import type { Logger } from '../../lib/log.js';
import type { Topic } from '../topics.js';
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

/** How an analyst finds this worker in the web modeler: its element template (modeler/). */
export interface WorkerTemplate {
  /** the name an analyst picks, in Chinese (双公示推送), never the topic */
  name: string;
  description: string;
  /** input parameters the BPMN sets on the task, with a default and the allowed values */
  inputs?: Array<{ name: string; label: string; value: string; choices?: string[] }>;
  /** process variables the worker sets when it completes */
  outputs?: string[];
}

/** Returns the process variables to set when the task completes. */
export type WorkerHandler = (context: WorkerContext) => Promise<Record<string, unknown>>;

/** What a worker module exports (conventions, item 4). */
export interface WorkerDefinition {
  topic: Topic;
  options: WorkerOptions;
  template: WorkerTemplate;
  handler: WorkerHandler;
}
