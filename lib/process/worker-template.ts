// How an analyst finds a worker in the web modeler: its element template. Part of the process
// contract (like the topics), so the modeler's templates in lib/ need nothing from workers/.
import type { Topic } from './topics.js';

export interface WorkerTemplate {
  /** the name an analyst picks, in Chinese (双公示推送), never the topic */
  name: string;
  description: string;
  /** input parameters the BPMN sets on the task, with a default and the allowed values */
  inputs?: Array<{ name: string; label: string; value: string; choices?: string[] }>;
  /** process variables the worker sets when it completes */
  outputs?: string[];
}

/** What the modeler needs of a worker: the topic it serves and how it is shown. */
export interface TemplatedWorker {
  topic: Topic;
  template: WorkerTemplate;
}
