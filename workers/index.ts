// The registry of every worker shenpi runs; index only re-exports.
import type { WorkerDefinition } from './runtime/worker.js';
import { worker as validateApplication } from './validation/application.worker.js';

export const WORKERS: WorkerDefinition[] = [validateApplication];

export { startWorkers, type RunningWorkers, type WorkerSettings } from './runtime/start-workers.js';
export { TOPICS } from './topics.js';
export { BPMN_ERRORS } from './bpmn-errors.js';
