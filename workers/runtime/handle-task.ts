// The one wrapper around every worker handler: success completes the task, a BpmnError becomes
// a BPMN error, anything else becomes handleFailure with retries counting down and a growing
// retry timeout, so that an incident shows in Cockpit when they run out. The client this wraps
// would swallow a thrown exception and leave the task locked; here nothing escapes.
import { Variables, type Task, type TaskService } from 'camunda-external-task-client-js';
import { Permanent } from '../../lib/errors.js';
import type { Logger } from '../../lib/log.js';
import { BpmnError } from '../../lib/process/bpmn-errors.js';
import type { WorkerServices } from './services.js';
import { StringList } from './variables.js';
import type { WorkerDefinition } from './worker.js';

/** Counters for measurement (bench/): reports the engine refused for a concurrent change. */
export const reportStats = { optimisticLockRetries: 0 };

export interface RetryPolicy {
  retries: number;
  retryTimeoutMs: number;
}

export function toVariables(values: Record<string, unknown>): Variables {
  const variables = new Variables();
  for (const [name, value] of Object.entries(values)) {
    if (value instanceof StringList) {
      // a java.util.List for the engine (multi-instance collections), sent as JSON
      variables.setTyped(name, { type: 'Object', value: JSON.stringify(value.values), valueInfo: { objectTypeName: 'java.util.ArrayList<java.lang.String>', serializationDataFormat: 'application/json' } });
    } else {
      variables.set(name, value);
    }
  }
  return variables;
}

/** Remaining retries after this failure, and how long to wait before the next attempt. */
export function nextRetry(task: Pick<Task, 'retries'>, policy: RetryPolicy): { retries: number; retryTimeout: number } {
  const retries = Math.max(0, (task.retries ?? policy.retries) - 1);
  const attempt = policy.retries - retries; // 1 on the first failure
  return { retries, retryTimeout: policy.retryTimeoutMs * 2 ** Math.max(0, attempt - 1) };
}

export async function handleTask(definition: WorkerDefinition, task: Task, taskService: TaskService, policy: RetryPolicy, baseLog: Logger, services: WorkerServices): Promise<void> {
  const log = baseLog.child({ topic: task.topicName, taskId: task.id, processInstanceId: task.processInstanceId, businessKey: task.businessKey });
  let outcome: Outcome;
  try {
    outcome = { kind: 'complete', variables: await definition.handler({ task, log, services }) };
  } catch (error) {
    outcome = error instanceof BpmnError
      ? { kind: 'bpmn-error', error }
      : { kind: 'failure', error: error instanceof Error ? error : new Error(String(error)) };
  }
  // two branches of one case finishing at the same moment make the engine refuse one report
  // (optimistic locking); reporting again shortly after succeeds
  for (let attempt = 1; ; attempt += 1) {
    try {
      await report(outcome, task, taskService, policy, log);
      return;
    } catch (error) {
      if (attempt < 4 && /OptimisticLockingException/.test((error as Error).message)) {
        reportStats.optimisticLockRetries += 1;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.floor(Math.random() * 100)));
        continue;
      }
      // The engine refused the report (lock lost, task gone, engine down): the lock expires and
      // the task is fetched again, which idempotent side effects make safe.
      log.error('could not report task outcome to the engine', { outcome: outcome.kind, error });
      return;
    }
  }
}

type Outcome = { kind: 'complete'; variables: Record<string, unknown> } | { kind: 'bpmn-error'; error: BpmnError } | { kind: 'failure'; error: Error };

async function report(outcome: Outcome, task: Task, taskService: TaskService, policy: RetryPolicy, log: Logger): Promise<void> {
  switch (outcome.kind) {
    case 'complete':
      await taskService.complete(task, toVariables(outcome.variables));
      log.info('task completed');
      break;
    case 'bpmn-error':
      await taskService.handleBpmnError(task, outcome.error.code, outcome.error.message, toVariables(outcome.error.variables));
      log.info('task ended with BPMN error', { errorCode: outcome.error.code });
      break;
    case 'failure': {
      // an error that says retrying cannot help (a missing calendar year, a mistyped variable)
      // becomes an incident at once, with its message telling the operator what to do
      const retry = outcome.error instanceof Permanent ? { retries: 0, retryTimeout: 0 } : nextRetry(task, policy);
      await taskService.handleFailure(task, {
        errorMessage: outcome.error.message.slice(0, 600),
        errorDetails: outcome.error.stack ?? outcome.error.message,
        ...retry,
      });
      log.error('task failed', { error: outcome.error, ...retry, incident: retry.retries === 0 });
      break;
    }
  }
}
