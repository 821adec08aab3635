// The logged-in user and the session's CSRF token; every call of the app goes through `api`.
import { reactive } from 'vue';

export interface User {
  id: string;
  name: string;
  groups: string[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const state = reactive<{ user: User | null; csrfToken: string }>({ user: null, csrfToken: '' });

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-requested-with': 'XMLHttpRequest' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = state.csrfToken;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    if (response.status === 401 && state.user) {
      state.user = null;
      window.location.hash = '#/login';
    }
    throw new ApiError(response.status, answer.message ?? `请求失败 (${response.status})`);
  }
  return answer as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
};

export const session = {
  state,
  async restore(): Promise<boolean> {
    if (state.user) return true;
    try {
      const answer = await call<{ user: User | null; csrfToken?: string }>('GET', '/api/session');
      if (!answer.user) return false;
      Object.assign(state, answer);
      return true;
    } catch {
      return false;
    }
  },
  async login(username: string, password: string): Promise<void> {
    const answer = await call<{ user: User; csrfToken: string }>('POST', '/api/session', { username, password });
    Object.assign(state, answer);
  },
  async logout(): Promise<void> {
    await call('DELETE', '/api/session').catch(() => undefined);
    state.user = null;
    state.csrfToken = '';
  },
};
