// Deadlines as the engine uses them: the last day (ISO date), the moment it runs out (due date
// and red-card timer) and the moment of the yellow warning, all in the office's time zone.
import type { WorkCalendar } from './work-calendar.js';

/** Office hours of a day, minutes after midnight, local time: [from, to) (parsed in office-hours.ts). */
export interface OfficePeriod { from: number; to: number }

export interface DeadlineSettings {
  /** the office's UTC offset, '+08:00' */
  utcOffset: string;
  /** 电子监察: yellow warning when this many working days remain (counting the last day) */
  warningWorkingDays: number;
  /** office hours, for time limits below a working day (default 09:00–12:00, 13:30–17:30) */
  officeHours?: OfficePeriod[];
}

export interface Deadline {
  /** the last working day, ISO date */
  deadline: string;
  /** end of the last day: task due date, red card */
  dueAt: string;
  /** start of the warning day; equals dueAt when the warning point had passed already */
  warningAt: string;
}

export function todayIn(utcOffset: string, now = new Date()): string {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(utcOffset);
  if (!match) throw new Error(`时区偏移格式无效: ${utcOffset} (应为 +08:00)`);
  const minutes = (Number(match[2]) * 60 + Number(match[3])) * (match[1] === '-' ? -1 : 1);
  return new Date(now.getTime() + minutes * 60_000).toISOString().slice(0, 10);
}

/** The moments of a deadline that is counted from `countingFrom` (acceptance, restart…). */
export function schedule(calendar: WorkCalendar, deadline: string, countingFrom: string, settings: DeadlineSettings): Deadline {
  const dueAt = `${deadline}T23:59:59${settings.utcOffset}`;
  if (settings.warningWorkingDays < 1) return { deadline, dueAt, warningAt: dueAt };
  const warningDay = calendar.addWorkingDays(deadline, -(settings.warningWorkingDays - 1), '截止日期');
  return { deadline, dueAt, warningAt: warningDay <= countingFrom ? dueAt : `${warningDay}T00:00:00${settings.utcOffset}` };
}

/** N working days after `from` (the day of the act not counted). */
export function computeDeadline(calendar: WorkCalendar, from: string, workingDays: number, settings: DeadlineSettings): Deadline {
  return schedule(calendar, calendar.addWorkingDays(from, workingDays), from, settings);
}
