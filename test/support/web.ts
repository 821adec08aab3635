// Calls to shenpi's own web server as a given user.
import type { System } from '../../bin/system.js';
import { DEMO_PASSWORD } from './cases.js';

export const basic = (user: string, password = DEMO_PASSWORD): string => 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

export const webBase = (system: System): string => `http://${system.config.web.host}:${system.config.web.port}`;

/**
 * A user of the given groups that no other test logs in with: the engine delays a user's next
 * login after a wrong password (brute-force protection), so wrong-password checks use one of these.
 */
export async function probeUser(system: System, groups: string[] = []): Promise<string> {
  const id = `probe${Math.random().toString(36).slice(2, 10)}`;
  await system.admin.post('/user/create', { profile: { id, firstName: '测试', lastName: '探针', email: `${id}@shenpi.invalid` }, credentials: { password: DEMO_PASSWORD } });
  for (const group of groups) await system.admin.put(`/group/${group}/members/${id}`, {});
  return id;
}

/** A 工作台 login: the headers that carry its session cookie and CSRF token. */
export async function webSession(system: System, user: string, password = DEMO_PASSWORD): Promise<{ headers: Record<string, string>; csrfToken: string; cookie: string }> {
  const response = await fetch(`${webBase(system)}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password }) });
  if (response.status !== 201) throw new Error(`login of ${user}: ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, csrfToken, cookie };
}
