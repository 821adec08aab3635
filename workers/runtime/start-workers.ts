// Subscribes every worker to the engine: long polling, a unique workerId per process, Basic
// auth, per-topic lock durations, and a shutdown that finishes or releases locked tasks.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Client, type Task, type TaskService } from 'camunda-external-task-client-js';
import type { Credentials } from '../../lib/config.js';
import type { Logger } from '../../lib/log.js';
import { handleTask, type RetryPolicy } from './handle-task.js';
import type { WorkerServices } from './services.js';
import type { WorkerDefinition } from './worker.js';
import { basicAuthorization } from '../../lib/basic-auth.js';

export interface WorkerSettings extends RetryPolicy {
  restUrl: string;
  credentials: Credentials;
  maxTasks: number;
  asyncResponseTimeoutMs: number;
  shutdownTimeoutMs: number;
}

export interface RunningWorkers {
  workerId: string;
  topics: string[];
  /** stops polling, waits for tasks in hand, and unlocks whatever is still unfinished */
  stop(): Promise<void>;
}

export function startWorkers(definitions: WorkerDefinition[], settings: WorkerSettings, log: Logger, services: WorkerServices): RunningWorkers {
  const workerId = `shenpi-${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const authorization = basicAuthorization(settings.credentials);
  const client = new Client({
    baseUrl: settings.restUrl,
    workerId,
    maxTasks: settings.maxTasks,
    asyncResponseTimeout: settings.asyncResponseTimeoutMs,
    // long polling holds the request at the engine; the pause between polls only adds latency
    interval: 50,
    autoPoll: false,
    interceptors: (config) => ({ ...config, headers: { ...(config.headers as object | undefined), authorization } }),
  });
  const workerLog = log.child({ component: 'workers', workerId });
  const inFlight = new Map<string, { task: Task; taskService: TaskService }>();
  let stopping = false;

  let lastPollError = '';
  client.on('poll:error', (error: Error) => {
    // one line per change of cause, not one every 300 ms while the engine is down
    if (error.message !== lastPollError) workerLog.warn('polling the engine failed', { error: error.message });
    lastPollError = error.message;
  });
  client.on('poll:success', () => {
    if (lastPollError) workerLog.info('polling the engine works again');
    lastPollError = '';
  });

  for (const definition of definitions) {
    client.subscribe(definition.topic, { lockDuration: definition.options.lockDuration, variables: definition.options.variables }, async ({ task, taskService }) => {
      if (stopping) {
        // fetched by a long poll that returned during shutdown: hand it back at once
        await taskService.unlock(task).catch(() => undefined);
        return;
      }
      inFlight.set(task.id, { task, taskService });
      try {
        await handleTask(definition, task, taskService, settings, workerLog, services);
      } finally {
        inFlight.delete(task.id);
      }
    });
  }
  client.start();
  workerLog.info('workers polling', { topics: definitions.map((d) => d.topic), restUrl: settings.restUrl });

  return {
    workerId,
    topics: definitions.map((d) => d.topic),
    async stop() {
      stopping = true;
      client.stop();
      const deadline = Date.now() + settings.shutdownTimeoutMs;
      while (inFlight.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      for (const { task, taskService } of inFlight.values()) {
        await taskService.unlock(task).catch((error: Error) => workerLog.warn('could not unlock task', { taskId: task.id, error: error.message }));
      }
      workerLog.info('workers stopped', { unlocked: inFlight.size });
    },
  };
}
