// The working-day calendar over the web API: deadlines computed, a year outside the calendar
// refused until an analyst enters and publishes it.
import { expect } from 'chai';
import { CALENDAR_NOTICE_TITLE, warnAboutHorizon } from '../../lib/calendar/horizon.js';
import { todayIn } from '../../lib/calendar/deadlines.js';
import { createLogger } from '../../lib/log.js';
import { withdrawCalendarYear } from '../../lib/repositories/calendar.js';
import { notificationsForGroups } from '../../lib/repositories/supervision.js';
import type { System } from '../../bin/system.js';
import { useSystem } from '../support/system.js';
import { basic, webBase } from '../support/web.js';


describe('calendar API (工作日历)', function () {
  this.timeout(180_000);
  let system: System;
  let web: string;

  before(async () => {
    system = await useSystem();
    web = `${webBase(system)}/api/calendar`;
    await withdrawCalendarYear(system.db, 2027);
  });
  // 2027 is test data here: other specs find it unpublished, as it is today
  after(async () => withdrawCalendarYear(system.db, 2027));

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
    expect((await fetch(`${web}/years/2027/publish`, { method: 'POST', headers: { authorization: basic('analyst1'), 'x-requested-with': 'test' } })).status).to.equal(200);

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

  describe('a year as the State Council\'s notice lists it', () => {
    const send = (method: string, path: string, body: unknown, user = 'analyst1') => fetch(`${web}${path}`, { method, headers: { authorization: basic(user), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // TEST DATA, not the real 2028 schedule
    const TEST_2028 = {
      holidays: [{ from: '2028-01-01', to: '2028-01-03', name: '元旦' }, { from: '2028-01-25', to: '2028-02-01', name: '春节' }],
      workdays: [{ date: '2028-01-22', name: '春节' }],
    };
    after(async () => withdrawCalendarYear(system.db, 2028));

    it('should offer 2026 as entered, in ranges, and an unknown year empty', async () => {
      const known = (await (await get('/years/2026/schedule')).json()) as { published: boolean; schedule: { holidays: unknown[]; workdays: unknown[] } };
      expect(known.published).to.equal(true);
      expect(known.schedule.holidays).to.deep.include({ from: '2026-10-01', to: '2026-10-07', name: '国庆节' });
      expect(known.schedule.workdays).to.deep.include({ date: '2026-10-10', name: '国庆节' });
      const unknown = (await (await get('/years/2029/schedule')).json()) as { published: boolean; source: string | null; schedule: { holidays: unknown[] } };
      expect(unknown).to.deep.equal({ year: 2029, published: false, source: null, schedule: { holidays: [], workdays: [] } });
    });

    it('should preview the working days a schedule gives', async () => {
      const response = await send('POST', '/years/2028/preview', TEST_2028);
      expect(response.status).to.equal(200);
      const preview = (await response.json()) as { workingDays: number; months: Array<{ workingDays: number; days: Array<{ date: string; working: boolean; name: string }> }> };
      // January 2028: 21 weekdays, 1-03 and 1-25 … 1-31 off on weekdays (6), Saturday 1-22 worked
      expect(preview.months[0]!.workingDays).to.equal(21 - 1 - 5 + 1);
      expect(preview.months[0]!.days.find((day) => day.date === '2028-01-22')).to.deep.equal({ date: '2028-01-22', working: true, name: '春节 (调休上班)' });
      expect(preview.months).to.have.length(12);
    });

    it('should NOT accept an impossible date, overlapping ranges, a make-up day on a weekday or in another year, naming each field', async () => {
      const response = await send('POST', '/years/2028/preview', {
        holidays: [{ from: '2028-02-28', to: '2028-02-30', name: '春节' }, { from: '2028-05-01', to: '2028-05-05', name: '劳动节' }, { from: '2028-05-04', to: '2028-05-06', name: '青年节' }, { from: '2028-06-03', to: '2028-06-01', name: '端午' }],
        workdays: [{ date: '2028-05-08', name: '劳动节' }, { date: '2027-12-25', name: '元旦' }],
      });
      expect(response.status).to.equal(400);
      const body = (await response.json()) as { problems: Array<{ field: string; rule: string; message: string }> };
      expect(body.problems.map((p) => `${p.field}:${p.rule}`)).to.deep.equal(['holidays/0/to:date', 'holidays/2:overlap', 'holidays/3/to:order', 'workdays/0/date:weekend', 'workdays/1/date:year']);
      expect(body.problems[0]!.message).to.contain('2028-02-30').and.to.contain('不是有效的日期');
      const shape = await send('POST', '/years/2028/preview', { holidays: [{ from: '2028-01-01', name: '元旦' }] });
      expect(shape.status).to.equal(400);
      expect(((await shape.json()) as { problems: Array<{ field: string }> }).problems.map((p) => p.field)).to.deep.equal(['workdays', 'holidays/0/to']);
    });

    it('should let only analysts enter and publish a year, all at once', async () => {
      expect((await send('PUT', '/years/2028', { ...TEST_2028, publish: true }, 'window1')).status).to.equal(403);
      expect((await get('/deadline?from=2028-01-21&workingDays=1')).status).to.equal(422);
      const saved = await send('PUT', '/years/2028', { ...TEST_2028, publish: true });
      expect(saved.status).to.equal(200);
      expect(await saved.json()).to.include({ year: 2028, days: 12, published: true });
      // Friday 1-21 → Saturday 1-22 (调休上班)
      expect(((await (await get('/deadline?from=2028-01-21&workingDays=1')).json()) as { deadline: string }).deadline).to.equal('2028-01-22');
    });
  });

  describe('warning analysts before the calendar ends (from 60 days before its last day)', () => {
    // today (2026-11-29 when written) is within 60 days of 2026-12-31, the last published day
    before(function () {
      const today = todayIn(system.config.deadlines.utcOffset);
      if (today < '2026-11-01' || today > '2026-12-31') this.skip();
    });

    it('should say so in /health, without login and without internals', async () => {
      const health = (await (await fetch(`${webBase(system)}/health`)).json()) as { calendar: { publishedUntil: string; warning: boolean; message: string } };
      expect(health.calendar).to.include({ publishedUntil: '2026-12-31', warning: true });
      expect(health.calendar.message).to.contain('2027');
      expect(Object.keys(health.calendar).sort()).to.deep.equal(['daysLeft', 'message', 'publishedUntil', 'warning']);
    });

    it('should notify the analysts once per year-end, however often it looks', async () => {
      const log = createLogger({ component: 'test' });
      await warnAboutHorizon(system.db, system.config, log);
      await warnAboutHorizon(system.db, system.config, log);
      const notices = (await notificationsForGroups(system.db, ['analysts'])).filter((notice) => notice.title === CALENDAR_NOTICE_TITLE);
      expect(notices).to.have.length(1);
      expect(notices[0]!.body).to.contain('2026-12-31').and.to.contain('2027');
    });

    it('should show a banner on the staff pages the web server renders', async () => {
      const portal = await (await fetch(`${webBase(system)}/portal`, { headers: { authorization: basic('window1') } })).text();
      expect(portal).to.contain('shenpi-calendar-banner').and.to.contain('2027');
      const credit = await (await fetch(`${webBase(system)}/credit`, { headers: { authorization: basic('window1') } })).text();
      expect(credit).to.contain('shenpi-calendar-banner');
      // JSON answers stay as they are
      expect(await (await get('/?year=2026')).text()).not.to.contain('shenpi-calendar-banner');
    });
  });

  describe('the page at /calendar', () => {
    it('should serve analysts a page whose script is a file (no inline script), and NOT serve it to the window', async () => {
      const page = await fetch(`${webBase(system)}/calendar`, { headers: { authorization: basic('analyst1') } });
      expect(page.status).to.equal(200);
      const html = await page.text();
      expect(html).to.contain('<script src="/calendar/calendar-page.js"></script>');
      expect(html.match(/<script[^>]*>[^<]+<\/script>/g)).to.equal(null);
      expect(html).not.to.match(/ on[a-z]+="/);
      const script = await fetch(`${webBase(system)}/calendar/calendar-page.js`, { headers: { authorization: basic('analyst1') } });
      expect(script.headers.get('content-type')).to.contain('javascript');
      expect(await script.text()).to.contain('/api/calendar');
      expect((await fetch(`${webBase(system)}/calendar`, { headers: { authorization: basic('window1') } })).status).to.equal(403);
    });
  });
});
