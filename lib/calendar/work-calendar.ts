// Working days (工作日) for legal time limits (行政许可法 Art. 82): statutory holidays are not
// counted, the make-up working days the State Council announces (调休上班) are, and the day an
// act happens is not counted. Dates are ISO calendar dates ('2026-10-09'). A date in a year
// the calendar does not know is an error: guessing "Monday to Friday" would put wrong
// deadlines on real cases after every holiday.
import { Permanent } from '../errors.js';

export type DayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string;
  /** holiday: a weekday off; workday: a weekend day worked (调休上班) */
  kind: DayKind;
  name: string;
}

/** A period in which the clock stood still (特别程序, Art. 45): `from` still counted, `to` not. */
export interface ClockPause {
  from: string;
  to: string;
}

/** Retrying cannot help: someone has to enter the year first. */
export class CalendarRangeError extends Permanent {
  constructor(readonly date: string, readonly knownYears: number[]) {
    const range = knownYears.length ? `${knownYears[0]}–${knownYears.at(-1)} 年` : '无';
    super(`日期 ${date} 超出工作日历的已知范围 (已知: ${range}): 请先在工作日历中录入并发布 ${date.slice(0, 4)} 年的节假日安排`);
    this.name = 'CalendarRangeError';
  }
}

export class InvalidDateError extends Permanent {
  constructor(readonly field: string, readonly value: unknown) {
    super(`${field} 不是有效的日期 (应为 YYYY-MM-DD): ${JSON.stringify(value)}`);
    this.name = 'InvalidDateError';
  }
}

/** The shape of an ISO date, YYYY-MM-DD (a JSON Schema `pattern` takes its source); `parseIsoDate` also checks the day exists. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function parseIsoDate(value: unknown, field = '日期'): number {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) throw new InvalidDateError(field, value);
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(time).toISOString().slice(0, 10) !== value) throw new InvalidDateError(field, value);
  return time;
}

export function formatIsoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return formatIsoDate(parseIsoDate(date) + days * DAY_MS);
}

export class WorkCalendar {
  private readonly exceptions: Map<string, CalendarDay>;
  private readonly years: Set<number>;

  /** `knownYears`: the years whose holiday schedule has been published and entered. */
  constructor(days: Iterable<CalendarDay>, knownYears: Iterable<number>) {
    this.exceptions = new Map([...days].map((day) => [day.date, day]));
    this.years = new Set(knownYears);
  }

  get knownYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  private check(date: string, field?: string): number {
    const time = parseIsoDate(date, field);
    if (!this.years.has(new Date(time).getUTCFullYear())) throw new CalendarRangeError(date, this.knownYears);
    return time;
  }

  isWorkingDay(date: string): boolean {
    const time = this.check(date);
    const exception = this.exceptions.get(date);
    if (exception) return exception.kind === 'workday';
    const weekday = new Date(time).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** What the day is, for display: 工作日, 周末, or the holiday / make-up day's name. */
  describe(date: string): { working: boolean; name: string } {
    const working = this.isWorkingDay(date);
    const exception = this.exceptions.get(date);
    return { working, name: exception ? `${exception.name}${exception.kind === 'workday' ? ' (调休上班)' : ''}` : working ? '工作日' : '周末' };
  }

  /**
   * The n-th working day after `from` (the day of the act is not counted). n = 0 gives `from`
   * itself (即办件: decided the same day). n < 0 counts backwards.
   */
  addWorkingDays(from: string, n: number, field = '起算日期'): string {
    if (!Number.isInteger(n)) throw new RangeError(`工作日数必须是整数: ${n}`);
    this.check(from, field);
    let date = from;
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0;) {
      date = addCalendarDays(date, step);
      if (this.isWorkingDay(date)) left -= 1;
    }
    return date;
  }

  /** Working days d with from < d ≤ to; negative (−count of to < d ≤ from) when to is earlier. */
  workingDaysBetween(from: string, to: string): number {
    const start = this.check(from);
    const end = this.check(to);
    if (end < start) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let date = addCalendarDays(from, 1); parseIsoDate(date) <= end; date = addCalendarDays(date, 1)) {
      if (this.isWorkingDay(date)) count += 1;
    }
    return count;
  }

  /**
   * Working days left on `today` before `deadline` passes, counting today when it is a working
   * day: 1 on the last day, 0 once it has passed on a non-working day, negative when overdue.
   * While the clock is stopped (`stoppedSince`), the count stays what it was that day.
   */
  remainingWorkingDays(today: string, deadline: string, stoppedSince?: string): number {
    const day = stoppedSince ?? today;
    const countToday = this.isWorkingDay(day) ? 1 : 0;
    if (parseIsoDate(day) <= this.check(deadline, '截止日期')) return this.workingDaysBetween(day, deadline) + countToday;
    return -this.workingDaysBetween(deadline, day);
  }

  /** The deadline moved by the working days that a pause took (Art. 45): the day it stopped counts, the day it restarted does not. */
  resumeAfterPause(deadline: string, pause: ClockPause): string {
    const remaining = this.workingDaysBetween(pause.from, deadline);
    return this.addWorkingDays(pause.to, remaining, '恢复计时日期');
  }
}

/** The value, or undefined while it needs a year the calendar does not know yet: for display and checks, never a guess. */
export function unlessUnpublished<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarRangeError) return undefined;
    throw error;
  }
}
