// Calls to shenpi's own web server as a given user.
import type { System } from '../../lib/system.js';
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
