// The client ships no typings; these cover the parts shenpi uses (3.x API).
declare module 'camunda-external-task-client-js' {
  import { EventEmitter } from 'node:events';

  export interface TypedValue {
    value: unknown;
    type: string;
    valueInfo?: Record<string, unknown>;
  }

  export class Variables {
    constructor(initialVariables?: Record<string, TypedValue>, options?: Record<string, unknown>);
    get(name: string): unknown;
    getTyped(name: string): TypedValue | undefined;
    getAll(): Record<string, unknown>;
    getAllTyped(): Record<string, TypedValue>;
    set(name: string, value: unknown): this;
    setTyped(name: string, typedValue: TypedValue): this;
    setAll(values: Record<string, unknown>): this;
    setTransient(name: string, value: unknown): this;
    getDirtyVariables(): Record<string, TypedValue>;
  }

  export interface Task {
    id: string;
    topicName: string;
    workerId: string;
    activityId: string;
    activityInstanceId: string;
    processInstanceId: string;
    processDefinitionId: string;
    processDefinitionKey: string;
    businessKey: string | null;
    executionId: string;
    retries: number | null;
    errorMessage: string | null;
    lockExpirationTime: string;
    priority: number;
    variables: Variables;
  }

  export interface HandleFailureOptions {
    errorMessage?: string;
    errorDetails?: string;
    retries?: number;
    retryTimeout?: number;
  }

  export interface TaskService {
    complete(task: Task, processVariables?: Variables, localVariables?: Variables): Promise<void>;
    handleFailure(task: Task, options?: HandleFailureOptions): Promise<void>;
    handleBpmnError(task: Task, errorCode: string, errorMessage?: string, variables?: Variables): Promise<void>;
    extendLock(task: Task, newDuration: number): Promise<void>;
    unlock(task: Task): Promise<void>;
  }

  export interface HandlerArgs {
    task: Task;
    taskService: TaskService;
  }

  export interface SubscribeOptions {
    lockDuration?: number;
    variables?: string[];
    localVariables?: boolean;
    processDefinitionKeyIn?: string[];
  }

  export type Interceptor = (config: Record<string, unknown>) => Record<string, unknown>;

  export interface ClientOptions {
    baseUrl: string;
    workerId?: string;
    maxTasks?: number;
    maxParallelExecutions?: number;
    interval?: number;
    lockDuration?: number;
    autoPoll?: boolean;
    asyncResponseTimeout?: number;
    usePriority?: boolean;
    interceptors?: Interceptor | Interceptor[];
    use?: ((client: Client) => void) | Array<(client: Client) => void>;
  }

  export class Client extends EventEmitter {
    constructor(options: ClientOptions);
    activeTasksCount: number;
    start(): void;
    stop(): void;
    subscribe(topic: string, options: SubscribeOptions, handler: (args: HandlerArgs) => Promise<void>): { unsubscribe(): void };
  }

}
