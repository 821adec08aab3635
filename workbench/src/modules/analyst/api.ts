// The analysts' calls: JSON, a workbook upload or a PDF, with the session's CSRF token; a refusal
// keeps the server's problems (field, rule, Chinese message) so a page can show each by its field.
import { session } from '../../session';

export interface Problem { field: string; rule: string; message: string; sheet?: string; row?: number; position?: string }

export class RequestRefused extends Error {
  constructor(readonly status: number, message: string, readonly problems: Problem[] = []) {
    super(message);
  }
}

type Body = { json: unknown } | { file: Blob; type: string };

async function send(method: string, path: string, body?: Body): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-requested-with': 'XMLHttpRequest' };
  if (method !== 'GET') headers['x-csrf-token'] = session.state.csrfToken;
  let payload: BodyInit | undefined;
  if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body) {
    headers['content-type'] = body.type;
    payload = body.file;
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as { message?: string; problems?: Problem[] };
    if (response.status === 401) window.location.hash = '#/login';
    throw new RequestRefused(response.status, answer.message ?? `请求失败 (${response.status})`, answer.problems ?? []);
  }
  return response;
}

export const analystApi = {
  get: async <T>(path: string): Promise<T> => (await send('GET', path)).json() as Promise<T>,
  post: async <T>(path: string, json: unknown = {}): Promise<T> => (await send('POST', path, { json })).json() as Promise<T>,
  put: async <T>(path: string, json: unknown): Promise<T> => (await send('PUT', path, { json })).json() as Promise<T>,
  upload: async <T>(path: string, file: Blob, type: string): Promise<T> => (await send('POST', path, { file, type })).json() as Promise<T>,
  pdf: async (path: string, json: unknown): Promise<Blob> => (await send('POST', path, { json })).blob(),
};

/** A refusal's problems by field (the first message of each), for `el-form-item :error`. */
export function problemsByField(error: unknown): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const problem of error instanceof RequestRefused ? error.problems : []) byField[problem.field] ??= problem.message;
  return byField;
}
