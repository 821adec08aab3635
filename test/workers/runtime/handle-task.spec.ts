import { expect } from 'chai';
import type { HandleFailureOptions, Task, TaskService, Variables } from 'camunda-external-task-client-js';
import { Variables as ClientVariables } from 'camunda-external-task-client-js';
import { Permanent } from '../../../lib/errors.js';
import { createLogger } from '../../../lib/log.js';
import { BpmnError } from '../../../lib/process/bpmn-errors.js';
import { handleTask, nextRetry } from '../../../workers/runtime/handle-task.js';
import type { WorkerServices } from '../../../workers/runtime/services.js';
import type { WorkerDefinition, WorkerHandler } from '../../../workers/runtime/worker.js';

// A fake task service records what the wrapper reports; the engine itself is exercised by the
// process tests.
class FakeTaskService implements TaskService {
  calls: Array<{ method: string; args: unknown[] }> = [];
  failWith: Error | undefined;
  private record(method: string, ...args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve();
  }
  complete(task: Task, variables?: Variables) { return this.record('complete', task, variables?.getAll()); }
  handleFailure(task: Task, options?: HandleFailureOptions) { return this.record('handleFailure', task, options); }
  handleBpmnError(task: Task, code: string, message?: string, variables?: Variables) { return this.record('handleBpmnError', task, code, message, variables?.getAll()); }
  extendLock(task: Task) { return this.record('extendLock', task); }
  unlock(task: Task) { return this.record('unlock', task); }
}

const task = (retries: number | null = null): Task => ({
  id: 'task-1', topicName: 'validation.application', workerId: 'w', activityId: 'ValidateApplicationTask', activityInstanceId: 'a',
  processInstanceId: 'p', processDefinitionId: 'd', processDefinitionKey: 'k', businessKey: 'B-1', executionId: 'e', retries,
  errorMessage: null, lockExpirationTime: '', priority: 0, variables: new ClientVariables(),
});
const worker = (handler: WorkerHandler): WorkerDefinition => ({ topic: 'validation.application', options: { lockDuration: 1000 }, template: { name: '测试', description: '测试' }, handler });
const policy = { retries: 3, retryTimeoutMs: 1000 };
const log = createLogger({ test: true });
// the wrapper hands services through untouched; these handlers use none
const services = {} as WorkerServices;
process.env.SHENPI_LOG_LEVEL = 'error';

describe('handleTask', () => {
  it('should complete the task with the variables the handler returns', async () => {
    const service = new FakeTaskService();
    await handleTask(worker(async () => ({ applicationValid: true, problems: [] })), task(), service, policy, log, services);
    expect(service.calls.map((c) => c.method)).to.deep.equal(['complete']);
    expect(service.calls[0]!.args[1]).to.deep.equal({ applicationValid: true, problems: [] });
  });

  it('should turn a BpmnError into a BPMN error with its code and variables', async () => {
    const service = new FakeTaskService();
    await handleTask(worker(async () => { throw new BpmnError('ITEM_NOT_IN_CATALOGUE', '不在清单', { refusalReason: 'x' }); }), task(), service, policy, log, services);
    expect(service.calls[0]!.method).to.equal('handleBpmnError');
    expect(service.calls[0]!.args.slice(1)).to.deep.equal(['ITEM_NOT_IN_CATALOGUE', '不在清单', { refusalReason: 'x' }]);
  });

  it('should turn an unexpected exception into handleFailure with retries counting down', async () => {
    const service = new FakeTaskService();
    await handleTask(worker(async () => { throw new TypeError('boom'); }), task(), service, policy, log, services);
    const options = service.calls[0]!.args[1] as HandleFailureOptions;
    expect(service.calls[0]!.method).to.equal('handleFailure');
    expect(options).to.include({ errorMessage: 'boom', retries: 2, retryTimeout: 1000 });
    expect(options.errorDetails).to.contain('TypeError');
  });

  it('should make an incident at once of an error that retrying cannot fix', async () => {
    const service = new FakeTaskService();
    const permanent = new Permanent('日期 2027-01-04 超出工作日历的已知范围');
    await handleTask(worker(async () => { throw permanent; }), task(), service, policy, log, services);
    expect(service.calls[0]!.args[1]).to.include({ retries: 0, retryTimeout: 0, errorMessage: permanent.message });
  });

  it('should report again when the engine refuses a report for a concurrent change (optimistic locking)', async () => {
    const service = new FakeTaskService();
    let refusals = 2;
    const complete = service.complete.bind(service);
    service.complete = (t: Task, variables?: Variables) => (refusals-- > 0 ? Promise.reject(new Error('ENGINE-03005 … OptimisticLockingException')) : complete(t, variables));
    await handleTask(worker(async () => ({ done: true })), task(), service, policy, log, services);
    expect(service.calls.map((call) => call.method)).to.deep.equal(['complete']);
    expect(refusals).to.equal(-1);
  });

  it('should NOT throw when the engine refuses the report (the lock simply expires)', async () => {
    const service = new FakeTaskService();
    service.failWith = new Error('engine down');
    await handleTask(worker(async () => ({})), task(), service, policy, log, services);
    expect(service.calls.map((c) => c.method)).to.deep.equal(['complete']);
  });
});

describe('#nextRetry', () => {
  it('should count down from the policy and grow the timeout', () => {
    expect(nextRetry({ retries: null }, policy)).to.deep.equal({ retries: 2, retryTimeout: 1000 });
    expect(nextRetry({ retries: 2 }, policy)).to.deep.equal({ retries: 1, retryTimeout: 2000 });
    expect(nextRetry({ retries: 1 }, policy)).to.deep.equal({ retries: 0, retryTimeout: 4000 });
  });

  it('should NOT go below zero', () => {
    expect(nextRetry({ retries: 0 }, policy).retries).to.equal(0);
  });
});
