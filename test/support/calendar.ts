// A TEST 2027 (not the State Council's schedule) for walks dated today whose deadlines run into
// 2027: published by an analyst through the web server, withdrawn again after the spec.
import { expect } from 'chai';
import { withdrawCalendarYear } from '../../lib/repositories/calendar.js';
import type { System } from '../../bin/system.js';
import { basic, webBase } from './web.js';

const TEST_2027 = { holidays: [{ from: '2027-01-01', to: '2027-01-01', name: '元旦 (测试数据)' }], workdays: [] };

export async function publishTest2027(system: System): Promise<void> {
  await withdrawCalendarYear(system.db, 2027);
  const published = await fetch(`${webBase(system)}/api/calendar/years/2027`, {
    method: 'PUT', headers: { authorization: basic('analyst1'), 'content-type': 'application/json' }, body: JSON.stringify({ ...TEST_2027, publish: true }),
  });
  expect(published.status, await published.text()).to.equal(200);
}

export const withdrawTest2027 = (system: System): Promise<void> => withdrawCalendarYear(system.db, 2027);

/** A staff request as `user` (JSON, so the CSRF rule lets it through). */
export const staffPost = (system: System, user: string, path: string, json: unknown): Promise<Response> => fetch(`${webBase(system)}${path}`, {
  method: 'POST', headers: { authorization: basic(user), 'content-type': 'application/json' }, body: JSON.stringify(json),
});
