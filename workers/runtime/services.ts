// What worker handlers may use besides the task: the app database, the working-day calendar
// (cached until an analyst changes it) and the deadline settings.
import type { Knex } from 'knex';
import type { Task } from 'camunda-external-task-client-js';
import { todayIn, type DeadlineSettings } from '../../lib/calendar/deadlines.js';
import type { WorkCalendar } from '../../lib/calendar/work-calendar.js';
import { parseIsoDate } from '../../lib/calendar/work-calendar.js';
import { calendarVersion, loadCalendar } from '../../lib/repositories/calendar.js';

export interface WorkerServices {
  db: Knex;
  calendar(): Promise<WorkCalendar>;
  deadlines: DeadlineSettings;
  credit: { queryUrl: string | undefined; timeoutMs: number };
  /** the web server as staff reach it (links to the case record in task forms) */
  webUrl: string;
  /** whether a 12345 platform is configured (SHENPI_12345_URL): hand-overs are pushed, or recorded as not pushed */
  hotline12345: { configured: boolean };
  /**
   * The business date of a task: the process variable clockDate when set (cases entered
   * after the fact, 补录, and tests), otherwise today in the office's time zone.
   */
  today(task: Task): string;
}

export function createWorkerServices(db: Knex, deadlines: DeadlineSettings, credit: WorkerServices['credit'], extras: Partial<Pick<WorkerServices, 'webUrl' | 'hotline12345'>> = {}): WorkerServices {
  const webUrl = extras.webUrl ?? 'http://127.0.0.1:3000';
  const hotline12345 = extras.hotline12345 ?? { configured: false };
  let cached: { calendar: WorkCalendar; version: string } | undefined;
  return {
    db,
    webUrl,
    deadlines,
    credit,
    hotline12345,
    async calendar() {
      // a case that waited for a year runs again right after it is published: never a stale calendar
      const version = await calendarVersion(db);
      if (cached?.version !== version) cached = { calendar: await loadCalendar(db), version };
      return cached.calendar;
    },
    today(task) {
      const clockDate = task.variables.get('clockDate');
      if (clockDate === undefined || clockDate === null || clockDate === '') return todayIn(deadlines.utcOffset);
      parseIsoDate(clockDate, '流程变量 clockDate');
      return clockDate as string;
    },
  };
}
