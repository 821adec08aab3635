// The working-day calendar's tables: the exception days and the years known to be complete.
import type { Knex } from 'knex';
import { WorkCalendar, parseIsoDate, type CalendarDay, type DayKind } from '../calendar/work-calendar.js';
import type { CalendarSeed } from '../calendar/chinese-days.js';

interface DayRow { day: string | Date; kind: DayKind; name: string; source: string }

const asIsoDate = (value: string | Date): string => typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

export async function loadCalendar(db: Knex): Promise<WorkCalendar> {
  const [days, years] = await Promise.all([
    db('work_calendar_day').select(db.raw("to_char(day, 'YYYY-MM-DD') as day"), 'kind', 'name') as Promise<DayRow[]>,
    db('work_calendar_year').pluck('year') as Promise<number[]>,
  ]);
  return new WorkCalendar(days.map((row) => ({ date: asIsoDate(row.day), kind: row.kind, name: row.name })), years);
}

/** Changes whenever a day is entered, edited or removed or a year is published: a cached calendar compares it. */
export async function calendarVersion(db: Knex): Promise<string> {
  const { rows } = await db.raw<{ rows: Array<{ version: string }> }>(`select concat_ws('/',
    (select count(*) from work_calendar_day), (select max(updated_at) from work_calendar_day),
    (select count(*) from work_calendar_year), (select max(published_at) from work_calendar_year)) as version`);
  return rows[0]!.version;
}

export async function publishedYears(db: Knex): Promise<number[]> {
  return db('work_calendar_year').orderBy('year').pluck('year');
}

export interface CalendarListing {
  years: Array<{ year: number; source: string; publishedBy: string; publishedAt: Date }>;
  days: Array<CalendarDay & { source: string }>;
}

export async function listCalendar(db: Knex, year?: number): Promise<CalendarListing> {
  const days = db('work_calendar_day').select(db.raw("to_char(day, 'YYYY-MM-DD') as date"), 'kind', 'name', 'source').orderBy('day');
  if (year) days.whereRaw('extract(year from day) = ?', [year]);
  const years = await db('work_calendar_year').select('year', 'source', { publishedBy: 'published_by' }, { publishedAt: 'published_at' }).orderBy('year');
  return { years, days: await days };
}

/** Adds what the seed has and the table lacks; never overwrites an edited day. */
export async function seedCalendar(db: Knex, seed: CalendarSeed): Promise<{ days: number; years: number[] }> {
  return db.transaction(async (trx) => {
    const inserted = await trx('work_calendar_day')
      .insert(seed.days.map((day) => ({ day: day.date, kind: day.kind, name: day.name, source: seed.source, updated_by: 'seed' })))
      .onConflict('day').ignore().returning('day');
    const years = await trx('work_calendar_year')
      .insert(seed.years.map((year) => ({ year, source: seed.source, published_by: 'seed' })))
      .onConflict('year').ignore().returning('year');
    return { days: inserted.length, years: years.map((row: { year: number }) => row.year) };
  });
}

export async function setCalendarDay(db: Knex, day: CalendarDay, by: string): Promise<void> {
  parseIsoDate(day.date, 'date');
  await db('work_calendar_day')
    .insert({ day: day.date, kind: day.kind, name: day.name, source: 'manual', updated_by: by })
    .onConflict('day').merge({ kind: day.kind, name: day.name, source: 'manual', updated_by: by, updated_at: db.fn.now() });
}

export async function deleteCalendarDay(db: Knex, date: string): Promise<boolean> {
  parseIsoDate(date, 'date');
  return (await db('work_calendar_day').where({ day: date }).delete()) > 0;
}

/** A year's days as entered, and whether it is published. */
export async function calendarYear(db: Knex, year: number): Promise<{ published: boolean; source: string | null; days: CalendarDay[] }> {
  const [row, days] = await Promise.all([
    db('work_calendar_year').where({ year }).first('source'),
    db('work_calendar_day').select(db.raw("to_char(day, 'YYYY-MM-DD') as date"), 'kind', 'name').whereRaw('extract(year from day) = ?', [year]).orderBy('day') as Promise<CalendarDay[]>,
  ]);
  return { published: Boolean(row), source: row?.source ?? null, days };
}

/** Replaces all of a year's exception days (the notice as a whole), and publishes it with them when asked: all or nothing. */
export async function replaceCalendarYear(db: Knex, year: number, days: CalendarDay[], by: string, publish: boolean): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('work_calendar_day').whereRaw('extract(year from day) = ?', [year]).delete();
    if (days.length) await trx('work_calendar_day').insert(days.map((day) => ({ day: day.date, kind: day.kind, name: day.name, source: 'manual', updated_by: by })));
    if (publish) await trx('work_calendar_year').insert({ year, source: 'manual', published_by: by }).onConflict('year').merge({ source: 'manual', published_by: by, published_at: trx.fn.now() });
  });
}

/** Declares a year's schedule complete: from now on deadlines may fall in it. */
export async function publishCalendarYear(db: Knex, year: number, by: string): Promise<void> {
  await db('work_calendar_year').insert({ year, source: 'manual', published_by: by }).onConflict('year').merge({ published_by: by, published_at: db.fn.now() });
}

/** Takes a year back out of the calendar, days and all (tests that need a year unpublished). */
export async function withdrawCalendarYear(db: Knex, year: number): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('work_calendar_day').whereRaw('extract(year from day) = ?', [year]).delete();
    await trx('work_calendar_year').where({ year }).delete();
  });
}
