// Calls to /api/modeler with the browser's login; an error answer becomes an ApiError carrying
// the server's Chinese message and, for lint failures, the problems to list.
export interface Problem { field: string; rule: string; message: string }

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly problems?: Problem[]) {
    super(message);
    this.name = 'ApiError';
  }
}

let sessionToken: Promise<string> | undefined;

/**
 * The 工作台 session's CSRF token (api/session.ts), asked once: opened from the 工作台, the
 * modeler works under that login and sends the token with every change; under HTTP Basic there
 * is no session and no token.
 */
function csrfToken(): Promise<string> {
  sessionToken ??= fetch('/api/session', { headers: { accept: 'application/json', 'x-requested-with': 'XMLHttpRequest' } })
    .then((response) => (response.ok ? response.json() : {}))
    .then((answer: { csrfToken?: string }) => answer.csrfToken ?? '', () => '');
  return sessionToken;
}

export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const token = method === 'GET' ? '' : await csrfToken();
  const response = await fetch(`/api/modeler${path}`, {
    method,
    // the custom header marks a request of shenpi's own page (CSRF, api/csrf.ts)
    headers: { accept: 'application/json', 'x-requested-with': 'shenpi-modeler', ...(token ? { 'x-csrf-token': token } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (parsed ?? {}) as { message?: string; problems?: Problem[] };
    throw new ApiError(response.status, error.message ?? `请求失败 (${response.status})`, error.problems);
  }
  return parsed as T;
}
