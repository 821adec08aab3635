// Publishing a year of the working-day calendar: from then on deadlines may fall in it, and
// every case that waits for it (待发布工作日历) goes on by itself and computes its dates.
import type { Knex } from 'knex';
import { WORK_CALENDAR_PUBLISHED_MESSAGE } from '../bpmn/builder.js';
import type { EngineClient } from '../engine/client.js';
import { createLogger } from '../log.js';
import { publishCalendarYear, replaceCalendarYear } from '../repositories/calendar.js';
import { scheduleDays, type YearSchedule } from './year-schedule.js';

export interface Published {
  year: number;
  /** waits that went on (a case may wait at more than one task); null when the engine could not be told */
  resumedWaits: number | null;
}

const log = createLogger({ component: 'calendar' });

/**
 * Tells every waiting case that the calendar has changed; a case whose year is still missing
 * waits again. The year stays published when the engine cannot be reached: each wait then looks
 * again by its recheck timer (within 6 hours).
 */
export async function resumeCalendarWaits(engine: EngineClient): Promise<number | null> {
  try {
    const results = await engine.post<unknown[]>('/message', { messageName: WORK_CALENDAR_PUBLISHED_MESSAGE, all: true, resultEnabled: true });
    return results.length;
  } catch (error) {
    log.warn('could not resume the cases waiting for the calendar; their recheck timers will', { error: (error as Error).message });
    return null;
  }
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
