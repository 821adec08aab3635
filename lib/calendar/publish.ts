// Publishing a year of the working-day calendar: from then on deadlines may fall in it, and
// every case that waits for it (待发布工作日历) goes on by itself and computes its dates.
import type { Knex } from 'knex';
import { WORK_CALENDAR_PUBLISHED_MESSAGE } from '../bpmn/builder.js';
import type { EngineClient } from '../engine/client.js';
import { publishCalendarYear, replaceCalendarYear } from '../repositories/calendar.js';
import { scheduleDays, type YearSchedule } from './year-schedule.js';

export interface Published {
  year: number;
  /** waits that went on (a case may wait at more than one task) */
  resumedWaits: number;
}

/** Tells every waiting case that the calendar has changed; a case whose year is still missing waits again. */
export async function resumeCalendarWaits(engine: EngineClient): Promise<number> {
  const results = await engine.post<unknown[]>('/message', { messageName: WORK_CALENDAR_PUBLISHED_MESSAGE, all: true, resultEnabled: true });
  return results.length;
}

export async function publishYear(db: Knex, engine: EngineClient, year: number, by: string): Promise<Published> {
  await publishCalendarYear(db, year, by);
  return { year, resumedWaits: await resumeCalendarWaits(engine) };
}

/** Enters a checked schedule (checkYearSchedule) as the year's days; published at once when asked. */
export async function saveYear(db: Knex, engine: EngineClient, year: number, schedule: YearSchedule, by: string, publish: boolean): Promise<Published & { days: number; published: boolean }> {
  const days = scheduleDays(schedule);
  await replaceCalendarYear(db, year, days, by, publish);
  return { year, days: days.length, published: publish, resumedWaits: publish ? await resumeCalendarWaits(engine) : 0 };
}
