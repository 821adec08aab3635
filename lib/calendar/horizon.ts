// How far the working-day calendar reaches: the last day of the published years that run on
// from this year. From `warningDays` before it (60 by default) analysts are warned, in the
// start-up log, in /health, by a notification to `analysts` (once per year-end) and on the staff
// pages: the State Council publishes next year's schedule in November or December.
import type { Knex } from 'knex';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { publishedYears } from '../repositories/calendar.js';
import { notifyGroup } from '../repositories/supervision.js';
import { todayIn } from './deadlines.js';
import { parseIsoDate } from './work-calendar.js';

export interface CalendarHorizon {
  /** the last day deadlines may fall on; null when this year itself is not published */
  publishedUntil: string | null;
  daysLeft: number;
  /** the first year to enter */
  nextYear: number;
  warning: boolean;
  /** what to do, in Chinese; null without a warning */
  message: string | null;
}

export function calendarHorizon(years: number[], today: string, warningDays: number): CalendarHorizon {
  const known = new Set(years);
  let next = Number(today.slice(0, 4));
  while (known.has(next)) next += 1;
  const publishedUntil = known.has(Number(today.slice(0, 4))) ? `${next - 1}-12-31` : null;
  const daysLeft = publishedUntil ? Math.round((parseIsoDate(publishedUntil) - parseIsoDate(today)) / 86_400_000) : 0;
  const warning = daysLeft <= warningDays;
  const reach = publishedUntil ? `工作日历只发布到 ${publishedUntil} (还有 ${daysLeft} 天)` : `工作日历没有 ${next} 年`;
  return {
    publishedUntil, daysLeft, nextYear: next, warning,
    message: warning ? `${reach}: 请分析员在「工作日历」页 (/calendar) 按国务院办公厅通知录入并发布 ${next} 年的节假日安排。此前期限落入 ${next} 年的办件处于"待发布工作日历"状态, 发布后自动继续。` : null,
  };
}

export async function currentHorizon(db: Knex, config: Config): Promise<CalendarHorizon> {
  return calendarHorizon(await publishedYears(db), todayIn(config.deadlines.utcOffset), config.calendar.warningDays);
}

export const CALENDAR_NOTICE_TITLE = '请录入下一年度工作日历';

/** Logs the warning and notifies `analysts` once per year-end; the horizon either way. */
export async function warnAboutHorizon(db: Knex, config: Config, log: Logger): Promise<CalendarHorizon> {
  const horizon = await currentHorizon(db, config);
  if (!horizon.warning) return horizon;
  log.warn('the working-day calendar ends soon', { publishedUntil: horizon.publishedUntil, daysLeft: horizon.daysLeft, nextYear: horizon.nextYear });
  await notifyGroup(db, 'analysts', 'work-calendar', CALENDAR_NOTICE_TITLE, horizon.message!, `work-calendar-horizon:${horizon.publishedUntil ?? `before-${horizon.nextYear}`}`);
  return horizon;
}

/** Looks again every few hours, so that a long-running server warns as the year-end comes near. */
export function startCalendarWatch(db: Knex, config: Config, log: Logger, everyMs = 6 * 3_600_000): { stop(): void } {
  const timer = setInterval(() => {
    warnAboutHorizon(db, config, log).catch((error: Error) => log.warn('checking the working-day calendar failed', { error: error.message }));
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
