// A year's schedule as the State Council's notice lists it (国务院办公厅关于 X 年部分节假日安排的通知):
// holiday ranges (放假) and make-up working days (调休上班). Checked as a whole (every problem
// at once, each naming the field), turned into the calendar's exception days, and previewed as
// the working days that result before an analyst publishes it.
import { Ajv, type ErrorObject } from 'ajv';
import { InputError, problem } from '../validation/input-error.js';
import type { ValidationProblem } from '../validation/application-validator.js';
import { chineseDaysSeed } from './chinese-days.js';
import { addCalendarDays, ISO_DATE, parseIsoDate, WorkCalendar, type CalendarDay } from './work-calendar.js';

export interface HolidayRange { from: string; to: string; name: string }
export interface MakeUpDay { date: string; name: string }
export interface YearSchedule { holidays: HolidayRange[]; workdays: MakeUpDay[] }

const DATE_SHAPE = ISO_DATE.source;
const NAME = { type: 'string', minLength: 2, maxLength: 40 };
const SCHEMA = {
  type: 'object',
  required: ['holidays', 'workdays'],
  properties: {
    holidays: { type: 'array', maxItems: 40, items: { type: 'object', required: ['from', 'to', 'name'], additionalProperties: false, properties: { from: { type: 'string', pattern: DATE_SHAPE }, to: { type: 'string', pattern: DATE_SHAPE }, name: NAME } } },
    workdays: { type: 'array', maxItems: 40, items: { type: 'object', required: ['date', 'name'], additionalProperties: false, properties: { date: { type: 'string', pattern: DATE_SHAPE }, name: NAME } } },
    publish: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

const validate = new Ajv({ allErrors: true, strict: true }).compile(SCHEMA);

const LABELS: Record<string, string> = { holidays: '放假安排', workdays: '调休上班日', from: '开始日期', to: '结束日期', name: '名称', date: '日期', publish: '是否发布' };

/** /holidays/2/to → holidays/2/to and 放假安排第 3 项的结束日期 */
function describeField(path: string): { field: string; label: string } {
  const parts = path.split('/').filter(Boolean);
  const label = parts.map((part) => (/^\d+$/.test(part) ? `第 ${Number(part) + 1} 项` : LABELS[part] ?? part)).join('');
  return { field: parts.join('/') || '/', label: label || '请求体' };
}

function schemaProblem(error: ErrorObject): ValidationProblem {
  const path = error.keyword === 'required' ? `${error.instancePath}/${String((error.params as { missingProperty: string }).missingProperty)}` : error.instancePath;
  const { field, label } = describeField(path);
  const rule = error.keyword;
  switch (error.keyword) {
    case 'required': return problem(field, rule, `缺少${label} (${field})`);
    case 'pattern': return problem(field, 'date', `${label} (${field}) 应为日期 YYYY-MM-DD`);
    case 'minLength': return problem(field, rule, `${label} (${field}) 至少 2 个字, 如 春节`);
    case 'maxLength': return problem(field, rule, `${label} (${field}) 不能超过 40 个字`);
    case 'maxItems': return problem(field, rule, `${label} (${field}) 不能超过 40 项`);
    case 'additionalProperties': return problem(`${field === '/' ? '' : `${field}/`}${String((error.params as { additionalProperty: string }).additionalProperty)}`, rule, `${label}中有未知字段 ${String((error.params as { additionalProperty: string }).additionalProperty)}`);
    case 'type': return problem(field, rule, `${label} (${field}) 类型应为 ${String((error.params as { type: string }).type)}`);
    default: return problem(field, rule, `${label} (${field}) 无效: ${error.message ?? rule}`);
  }
}

const isDate = (value: string): boolean => {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
};
const weekday = (date: string): number => new Date(parseIsoDate(date)).getUTCDay();

/** The schedule if it is sound for `year`; otherwise InputError with every problem. */
export function checkYearSchedule(year: number, input: unknown): YearSchedule {
  if (!validate(input)) throw new InputError('工作日历安排无效', (validate.errors ?? []).map(schemaProblem));
  const schedule = input as YearSchedule;
  const problems: ValidationProblem[] = [];
  const inYear = (field: string, label: string, value: string): boolean => {
    if (!isDate(value)) {
      problems.push(problem(field, 'date', `${label} (${field}) ${value} 不是有效的日期`));
      return false;
    }
    if (!value.startsWith(`${year}-`)) {
      problems.push(problem(field, 'year', `${label} (${field}) ${value} 不在 ${year} 年内`));
      return false;
    }
    return true;
  };
  const offDays = new Map<string, number>();
  schedule.holidays.forEach((range, index) => {
    const from = inYear(`holidays/${index}/from`, `放假安排第 ${index + 1} 项的开始日期`, range.from);
    const to = inYear(`holidays/${index}/to`, `放假安排第 ${index + 1} 项的结束日期`, range.to);
    if (!from || !to) return;
    if (range.to < range.from) {
      problems.push(problem(`holidays/${index}/to`, 'order', `放假安排第 ${index + 1} 项 (${range.name}) 的结束日期 ${range.to} 早于开始日期 ${range.from}`));
      return;
    }
    for (let date = range.from; date <= range.to; date = addCalendarDays(date, 1)) {
      const other = offDays.get(date);
      if (other !== undefined) {
        problems.push(problem(`holidays/${index}`, 'overlap', `放假安排第 ${index + 1} 项 (${range.name}) 与第 ${other + 1} 项 (${schedule.holidays[other]!.name}) 重叠于 ${date}`));
        return;
      }
      offDays.set(date, index);
    }
  });
  const seen = new Set<string>();
  schedule.workdays.forEach((day, index) => {
    const field = `workdays/${index}/date`;
    if (!inYear(field, `调休上班日第 ${index + 1} 项`, day.date)) return;
    if (seen.has(day.date)) problems.push(problem(field, 'duplicate', `调休上班日 ${day.date} 重复`));
    seen.add(day.date);
    if (offDays.has(day.date)) problems.push(problem(field, 'overlap', `调休上班日 ${day.date} 落在放假安排第 ${offDays.get(day.date)! + 1} 项 (${schedule.holidays[offDays.get(day.date)!]!.name}) 内`));
    else if (weekday(day.date) !== 0 && weekday(day.date) !== 6) problems.push(problem(field, 'weekend', `调休上班日 ${day.date} 不是周六或周日: 工作日本来就上班`));
  });
  if (problems.length) throw new InputError('工作日历安排无效', problems);
  return { holidays: schedule.holidays.map((range) => ({ ...range, name: range.name.trim() })), workdays: schedule.workdays.map((day) => ({ ...day, name: day.name.trim() })) };
}

/** The calendar's exception days: every day of a holiday range (weekends too: the name helps) and each make-up day. */
export function scheduleDays(schedule: YearSchedule): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const range of schedule.holidays) {
    for (let date = range.from; date <= range.to; date = addCalendarDays(date, 1)) days.push({ date, kind: 'holiday', name: range.name });
  }
  for (const day of schedule.workdays) days.push({ date: day.date, kind: 'workday', name: day.name });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** Back from exception days to the notice's form: consecutive days off of one name make a range. */
export function daysToSchedule(days: CalendarDay[]): YearSchedule {
  const holidays: HolidayRange[] = [];
  for (const day of [...days].filter((d) => d.kind === 'holiday').sort((a, b) => a.date.localeCompare(b.date))) {
    const last = holidays.at(-1);
    if (last && last.name === day.name && addCalendarDays(last.to, 1) === day.date) last.to = day.date;
    else holidays.push({ from: day.date, to: day.date, name: day.name });
  }
  const workdays = days.filter((d) => d.kind === 'workday').sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ date: d.date, name: d.name }));
  return { holidays, workdays };
}

/** The year as the `chinese-days` package has it, when the installed version knows it. */
export function chineseDaysSchedule(year: number): { schedule: YearSchedule; source: string } | undefined {
  const seed = chineseDaysSeed();
  if (!seed.years.includes(year)) return undefined;
  return { schedule: daysToSchedule(seed.days.filter((day) => day.date.startsWith(`${year}-`))), source: seed.source };
}

export interface YearPreview {
  year: number;
  workingDays: number;
  months: Array<{ month: number; workingDays: number; days: Array<{ date: string; working: boolean; name: string }> }>;
}

/** Every day of the year as the schedule makes it: working or not, and why. */
export function previewYear(year: number, schedule: YearSchedule): YearPreview {
  const calendar = new WorkCalendar(scheduleDays(schedule), [year]);
  const months: YearPreview['months'] = [];
  for (let date = `${year}-01-01`; date.startsWith(`${year}-`); date = addCalendarDays(date, 1)) {
    const month = Number(date.slice(5, 7));
    if (!months[month - 1]) months.push({ month, workingDays: 0, days: [] });
    const { working, name } = calendar.describe(date);
    months[month - 1]!.days.push({ date, working, name });
    if (working) months[month - 1]!.workingDays += 1;
  }
  return { year, workingDays: months.reduce((sum, month) => sum + month.workingDays, 0), months };
}
