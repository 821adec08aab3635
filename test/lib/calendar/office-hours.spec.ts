// Office hours (09:00–12:00, 13:30–17:30) for time limits below a working day: 半个工作日 is the
// next 4 office hours, never on a day off. Counted by hand on the 2026 calendar.
import { expect } from 'chai';
import { chineseDaysSeed } from '../../../lib/calendar/chinese-days.js';
import { addOfficeHours, computeHoursDeadline, DEFAULT_OFFICE_HOURS, parseOfficeHours, splitTimeLimit } from '../../../lib/calendar/office-hours.js';
import { WorkCalendar } from '../../../lib/calendar/work-calendar.js';

const seed = chineseDaysSeed();
const calendar = new WorkCalendar(seed.days, seed.years);
const hours = parseOfficeHours(DEFAULT_OFFICE_HOURS);
const add = (from: string, n: number): string => addOfficeHours(calendar, from, n, hours, '+08:00');

describe('office hours (办公时间)', () => {
  it('should carry half a working day received on a Friday afternoon over the weekend to Monday morning', () => {
    // Friday 2026-11-27 16:00: 16:00–17:30 (1.5 h), Monday 11-30 09:00–11:30 (2.5 h)
    expect(add('2026-11-27T16:00:00+08:00', 4)).to.equal('2026-11-30T11:30:00+08:00');
  });

  it('should start counting when the office opens, and skip the lunch break', () => {
    expect(add('2026-11-30T07:10:00+08:00', 4)).to.equal('2026-11-30T14:30:00+08:00');
    expect(add('2026-11-30T11:00:00+08:00', 2)).to.equal('2026-11-30T14:30:00+08:00');
    // received on a Sunday night (21:21): due on Monday, never the Sunday itself
    expect(add('2026-11-29T13:21:00Z', 4)).to.equal('2026-11-30T14:30:00+08:00');
  });

  it('should NOT count a holiday: received on 2026-09-30 at 17:00, due after National Day', () => {
    // 17:00–17:30 (0.5 h), 10-01 … 10-07 off, 10-08 09:00–12:00 (3 h), 13:30–14:00
    expect(add('2026-09-30T17:00:00+08:00', 4)).to.equal('2026-10-08T14:00:00+08:00');
  });

  it('should warn one office hour before the end', () => {
    expect(computeHoursDeadline(calendar, '2026-11-27T16:00:00+08:00', 4, hours, '+08:00')).to.deep.equal({ deadline: '2026-11-30', dueAt: '2026-11-30T11:30:00+08:00', warningAt: '2026-11-30T10:30:00+08:00' });
  });

  it('should read 0.5 working day as 4 office hours, 1.5 as an office day and 4 hours, and NOT accept 1.3', () => {
    expect(splitTimeLimit(0.5, hours)).to.deep.equal({ officeHours: 4 });
    expect(splitTimeLimit(1.5, hours)).to.deep.equal({ officeHours: 11 });
    expect(splitTimeLimit(3, hours)).to.deep.equal({ workingDays: 3 });
    expect(() => splitTimeLimit(1.3, hours)).to.throw('只支持整数个工作日或半个工作日');
  });

  it('should NOT accept office hours that overlap or end before they begin', () => {
    expect(() => parseOfficeHours('09:00-12:00,11:30-17:30')).to.throw('重叠');
    expect(() => parseOfficeHours('12:00-09:00')).to.throw('结束早于');
    expect(() => parseOfficeHours('9-12')).to.throw('HH:MM-HH:MM');
  });
});
