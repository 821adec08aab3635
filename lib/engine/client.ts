// A small client for the engine's REST API (/engine-rest), always with HTTP Basic auth.
import type { Credentials } from '../config.js';
import { basicAuthorization } from '../basic-auth.js';
import { EngineNodes } from './nodes.js';

export class EngineRequestError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly type: string | undefined,
    readonly engineMessage: string,
    readonly details: unknown,
  ) {
    super(`引擎 ${method} ${path} 返回 ${status}${type ? ' ' + type : ''}: ${engineMessage}`);
    this.name = 'EngineRequestError';
  }
}

/** The engine runs a service-account request as this user (ActingUserAuthenticationProvider). */
export const ACTING_USER_HEADER = 'X-Shenpi-Acting-User';

export class EngineClient {
  private readonly authorization: string;
  /** the node, or the nodes of a cluster (round-robin with fail-over, lib/engine/nodes.ts) */
  readonly nodes: EngineNodes;

  constructor(nodes: string | readonly string[] | EngineNodes, readonly credentials: Credentials, readonly actingUser?: string) {
    this.nodes = nodes instanceof EngineNodes ? nodes : new EngineNodes(nodes);
    this.authorization = basicAuthorization(credentials);
  }

  /** the first node's /engine-rest */
  get baseUrl(): string {
    return this.nodes.urls[0]!;
  }

  /** Same engine, another identity (e.g. to act as a clerk in a test). */
  as(credentials: Credentials): EngineClient {
    return new EngineClient(this.nodes, credentials);
  }

  /**
   * The service account acting as a logged-in user: the engine authenticates the request as that
   * user with their groups, so only the user's own authorizations apply.
   */
  onBehalfOf(userId: string): EngineClient {
    return new EngineClient(this.nodes, this.credentials, userId);
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<T> {
    const init: RequestInit = { method, headers: { authorization: this.authorization, accept, ...(this.actingUser ? { [ACTING_USER_HEADER]: this.actingUser } : {}) } };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await this.nodes.fetch(method, path, init);
    const text = await response.text();
    const parsed: unknown = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (!response.ok) {
      const error = (parsed && typeof parsed === 'object' ? parsed : {}) as { type?: string; message?: string; details?: unknown };
      throw new EngineRequestError(method, path, response.status, error.type, error.message ?? String(parsed || response.statusText), error.details);
    }
    return (parsed === '' ? undefined : parsed) as T;
  }

  get<T = unknown>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body ?? {});
  }

  put<T = unknown>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body ?? {});
  }

  delete<T = unknown>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }
}

/** Typed variables for the REST API, from plain values. */
export function toVariables(values: Record<string, unknown>): Record<string, { value: unknown; type: string }> {
  const variables: Record<string, { value: unknown; type: string }> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) variables[name] = { value: null, type: 'Null' };
    else if (typeof value === 'boolean') variables[name] = { value, type: 'Boolean' };
    else if (typeof value === 'number') variables[name] = { value, type: Number.isInteger(value) ? 'Long' : 'Double' };
    else if (typeof value === 'string') variables[name] = { value, type: 'String' };
    else variables[name] = { value: JSON.stringify(value), type: 'Json' };
  }
  return variables;
}

/**
 * Resolves when the engine answers HTTP at all (401 without credentials counts: it is up).
 * `onWait` is called about once a second so the caller can show progress.
 */
export async function waitForEngine(restUrl: string, timeoutMs: number, onWait: (elapsedMs: number) => void, isAlive: () => boolean = () => true): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (!isAlive()) throw new Error('引擎进程已退出');
    try {
      const response = await fetch(`${restUrl}/version`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200 || response.status === 401) return;
    } catch {
      // not listening yet
    }
    const elapsed = Date.now() - started;
    if (elapsed > timeoutMs) throw new Error(`引擎在 ${Math.round(timeoutMs / 1000)} 秒内没有响应`);
    onWait(elapsed);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
