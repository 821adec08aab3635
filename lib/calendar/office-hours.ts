// Office hours (办公时间): the periods of a working day the windows are open, e.g. 09:00–12:00 and
// 13:30–17:30. A time limit below one working day (半个工作日, or N 个工作小时) runs on this
// clock: 0.5 working day is due within the next 4 office hours, never on a day off, and a case
// received after hours starts counting when the office next opens.
import type { Deadline, OfficePeriod } from './deadlines.js';
import { addCalendarDays, type WorkCalendar } from './work-calendar.js';

export type { OfficePeriod };

/** 0.5 working day (半个工作日) in office hours. */
export const HALF_DAY_OFFICE_HOURS = 4;

export const DEFAULT_OFFICE_HOURS = '09:00-12:00,13:30-17:30';

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (total: number): string => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/** "09:00-12:00,13:30-17:30" → periods in order; an Error in Chinese saying what is wrong. */
export function parseOfficeHours(text: string): OfficePeriod[] {
  const periods = text.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/.exec(part);
    if (!match) throw new Error(`办公时间段 "${part}" 格式无效, 应为 HH:MM-HH:MM, 如 09:00-12:00`);
    const period = { from: minutes(`${match[1]}:${match[2]}`), to: minutes(`${match[3]}:${match[4]}`) };
    if (period.to <= period.from) throw new Error(`办公时间段 "${part}" 的结束早于或等于开始`);
    return period;
  });
  if (periods.length === 0) throw new Error('办公时间不能为空, 如 09:00-12:00,13:30-17:30');
  periods.forEach((period, index) => {
    if (index > 0 && period.from < periods[index - 1]!.to) throw new Error(`办公时间段 ${hhmm(period.from)} 与前一段重叠或顺序颠倒`);
  });
  return periods;
}

function offsetMinutes(utcOffset: string): number {
  const sign = utcOffset.startsWith('-') ? -1 : 1;
  return sign * (Number(utcOffset.slice(1, 3)) * 60 + Number(utcOffset.slice(4, 6)));
}

/** The local date and minute of the day of an instant. */
function local(instant: string, utcOffset: string): { date: string; minute: number } {
  const time = new Date(instant).getTime();
  if (Number.isNaN(time)) throw new Error(`时间 ${instant} 无效 (应为 ISO 8601, 如 2026-11-27T16:00:00+08:00)`);
  const shifted = new Date(time + offsetMinutes(utcOffset) * 60_000);
  return { date: shifted.toISOString().slice(0, 10), minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

/** The moment `hours` office hours after `from` (an ISO instant): only working days' office periods count. */
export function addOfficeHours(calendar: WorkCalendar, from: string, hours: number, periods: OfficePeriod[], utcOffset: string): string {
  if (!(hours > 0) || !Number.isFinite(hours)) throw new RangeError(`工作小时数必须为正数: ${hours}`);
  let { date, minute } = local(from, utcOffset);
  let left = Math.round(hours * 60);
  for (;;) {
    if (calendar.isWorkingDay(date)) {
      for (const period of periods) {
        if (period.to <= minute) continue;
        const start = Math.max(minute, period.from);
        if (left <= period.to - start) return `${date}T${hhmm(start + left)}:00${utcOffset}`;
        left -= period.to - start;
        minute = period.to;
      }
    }
    date = addCalendarDays(date, 1);
    minute = 0;
  }
}

/** A deadline in office hours: due at the moment they run out; the yellow warning when one office hour is left. */
export function computeHoursDeadline(calendar: WorkCalendar, from: string, hours: number, periods: OfficePeriod[], utcOffset: string): Deadline {
  const dueAt = addOfficeHours(calendar, from, hours, periods, utcOffset);
  const warningAt = hours > 1 ? addOfficeHours(calendar, from, hours - 1, periods, utcOffset) : dueAt;
  return { deadline: dueAt.slice(0, 10), dueAt, warningAt };
}

/** The configured office hours, or the default ones (settings built without them, e.g. in tests). */
export const officeHoursOf = (settings: { officeHours?: OfficePeriod[] }): OfficePeriod[] => settings.officeHours ?? parseOfficeHours(DEFAULT_OFFICE_HOURS);

/** Office hours in one working day (7 for 09:00–12:00, 13:30–17:30). */
export const officeDayHours = (periods: OfficePeriod[]): number => periods.reduce((sum, period) => sum + period.to - period.from, 0) / 60;

/**
 * A time limit in working days as the catalogue gives it (a multiple of 0.5) → whole working
 * days, or office hours when it has a half: 0.5 = the next 4 office hours, 1.5 = a full office
 * day's hours and 4 more, counted from the moment of receipt.
 */
export function splitTimeLimit(workingDays: number, periods: OfficePeriod[]): { workingDays: number } | { officeHours: number } {
  if (Number.isInteger(workingDays)) return { workingDays };
  if (workingDays > 0 && Number.isInteger(workingDays * 2)) return { officeHours: Math.floor(workingDays) * officeDayHours(periods) + HALF_DAY_OFFICE_HOURS };
  throw new RangeError(`时限 ${workingDays} 个工作日: 只支持整数个工作日或半个工作日 (0.5 的倍数)`);
}
