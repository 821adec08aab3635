// Seeds the working-day calendar from the `chinese-days` package, which follows the State
// Council's annual announcements. The table stays editable: next year's schedule is announced
// each November, often before a package release.
import { createRequire } from 'node:module';
import type { CalendarDay } from './work-calendar.js';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);

/** "National Day,国庆节,3" → 国庆节 */
function chineseName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}

export interface CalendarSeed {
  days: CalendarDay[];
  years: number[];
  source: string;
}

export function chineseDaysSeed(): CalendarSeed {
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const version = (require('chinese-days/package.json') as { version: string }).version;
  const days: CalendarDay[] = [];
  // weekend days inside a holiday are kept too: they are off anyway, and the name helps
  for (const [date, entry] of Object.entries(data.holidays)) days.push({ date, kind: 'holiday', name: chineseName(entry) });
  for (const [date, entry] of Object.entries(data.workdays)) days.push({ date, kind: 'workday', name: chineseName(entry) });
  const years = [...new Set(days.map((day) => Number(day.date.slice(0, 4))))].sort((a, b) => a - b);
  return { days: days.sort((a, b) => a.date.localeCompare(b.date)), years, source: `chinese-days@${version}` };
}
