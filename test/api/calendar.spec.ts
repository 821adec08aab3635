// The working-day calendar over the web API: deadlines computed, a year outside the calendar
// refused until an analyst enters and publishes it.
import { expect } from 'chai';
import type { System } from '../../lib/system.js';
import { useSystem } from '../support/system.js';
import { basic, webBase } from '../support/web.js';


describe('calendar API (工作日历)', function () {
  this.timeout(60_000);
  let system: System;
  let web: string;

  before(async () => {
    system = await useSystem();
    web = `${webBase(system)}/api/calendar`;
  });

  const get = (path: string, user = 'window1') => fetch(`${web}${path}`, { headers: { authorization: basic(user) } });

  it('should compute a deadline across National Day', async () => {
    const response = await get('/deadline?from=2026-09-30&workingDays=5');
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.include({ deadline: '2026-10-13', dueAt: '2026-10-13T23:59:59+08:00' });
  });

  it('should refuse a deadline beyond the published years, then compute it once 2027 is entered', async () => {
    const refused = await get('/deadline?from=2026-12-28&workingDays=10');
    expect(refused.status).to.equal(422);
    expect(((await refused.json()) as { message: string }).message).to.contain('2027');

    const put = (date: string, body: unknown, user = 'analyst1') => fetch(`${web}/days/${date}`, { method: 'PUT', headers: { authorization: basic(user), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await put('2027-01-01', { kind: 'holiday', name: '元旦' }, 'window1')).status).to.equal(403);
    const bad = await put('2027-01-01', { kind: 'vacation' });
    expect(bad.status).to.equal(400);
    expect(((await bad.json()) as { problems: Array<{ field: string }> }).problems.map((p) => p.field)).to.deep.equal(['kind', 'name']);
    expect((await put('2027-01-01', { kind: 'holiday', name: '元旦' })).status).to.equal(204);
    expect((await fetch(`${web}/years/2027/publish`, { method: 'POST', headers: { authorization: basic('analyst1') } })).status, 'without the CSRF header').to.equal(403);
    expect((await fetch(`${web}/years/2027/publish`, { method: 'POST', headers: { authorization: basic('analyst1'), 'x-requested-with': 'test' } })).status).to.equal(204);

    // 12-29, 12-30, 12-31, (1-1 元旦), 1-4 … 1-8, 1-11, 1-12
    const computed = await get('/deadline?from=2026-12-28&workingDays=10');
    expect(computed.status).to.equal(200);
    expect(((await computed.json()) as { deadline: string }).deadline).to.equal('2027-01-12');
  });

  it('should list a year with its holidays and make-up days', async () => {
    const listing = (await (await get('/?year=2026')).json()) as { days: Array<{ date: string; kind: string; name: string }> };
    expect(listing.days.find((day) => day.date === '2026-10-10')).to.include({ kind: 'workday', name: '国庆节' });
    expect(listing.days.find((day) => day.date === '2026-10-01')).to.include({ kind: 'holiday', name: '国庆节' });
  });
});
