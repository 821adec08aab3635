// 工作日历: everyone reads it and may compute a deadline; analysts edit days and publish years
// (the State Council announces next year's schedule each November).
import { Router } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../lib/config.js';
import type { EngineClient } from '../../lib/engine/client.js';
import { publishYear, saveYear } from '../../lib/calendar/publish.js';
import { checkYearSchedule, chineseDaysSchedule, daysToSchedule, previewYear } from '../../lib/calendar/year-schedule.js';
import { computeDeadline } from '../../lib/calendar/deadlines.js';
import { CalendarRangeError, InvalidDateError } from '../../lib/calendar/work-calendar.js';
import { calendarYear, deleteCalendarDay, listCalendar, loadCalendar, setCalendarDay } from '../../lib/repositories/calendar.js';
import { badRequest, HttpError, notFound } from '../errors.js';
import { answering } from '../input-errors.js';
import { requireGroup } from '../roles.js';

export function calendarRoutes(db: Knex, engine: EngineClient, config: Config): Router {
  const router = Router();
  const analysts = requireGroup('analysts');

  const translate = (error: unknown): never => {
    if (error instanceof CalendarRangeError) throw new HttpError(422, 'calendar-range', error.message);
    if (error instanceof InvalidDateError) throw badRequest(error.message, [{ field: error.field, rule: 'date', message: error.message }]);
    throw error;
  };

  router.get('/', async (req, res) => {
    const year = req.query.year === undefined ? undefined : Number(req.query.year);
    if (year !== undefined && !Number.isInteger(year)) throw badRequest('year 应为年份, 如 2026');
    res.json(await listCalendar(db, year));
  });

  router.get('/deadline', async (req, res) => {
    const from = String(req.query.from ?? '');
    const workingDays = Number(req.query.workingDays);
    if (!Number.isInteger(workingDays) || workingDays < 0) throw badRequest('workingDays 应为非负整数', [{ field: 'workingDays', rule: 'integer', message: 'workingDays 应为非负整数' }]);
    try {
      const calendar = await loadCalendar(db);
      res.json({ from, workingDays, ...computeDeadline(calendar, from, workingDays, config.deadlines) });
    } catch (error) {
      translate(error);
    }
  });

  router.put('/days/:date', analysts, async (req, res) => {
    const { kind, name } = (req.body ?? {}) as { kind?: unknown; name?: unknown };
    const problems = [];
    if (kind !== 'holiday' && kind !== 'workday') problems.push({ field: 'kind', rule: 'enum', message: 'kind 应为 holiday (放假) 或 workday (调休上班)' });
    if (typeof name !== 'string' || name.trim().length < 2) problems.push({ field: 'name', rule: 'minLength', message: 'name 应为节日名称, 如 国庆节' });
    if (problems.length) throw badRequest('日历日期无效', problems);
    try {
      await setCalendarDay(db, { date: String(req.params.date), kind: kind as 'holiday' | 'workday', name: (name as string).trim() }, req.user!.id);
    } catch (error) {
      translate(error);
    }
    res.status(204).end();
  });

  router.delete('/days/:date', analysts, async (req, res) => {
    try {
      if (!(await deleteCalendarDay(db, String(req.params.date)))) throw notFound(`${req.params.date} 不是日历中的例外日期`);
    } catch (error) {
      translate(error);
    }
    res.status(204).end();
  });

  const yearOf = (value: unknown): number => {
    const year = Number(value);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badRequest(`年份 year 应为 2000 至 2100 之间的整数: ${String(value)}`, [{ field: 'year', rule: 'year', message: '年份 year 应为 2000 至 2100 之间的整数' }]);
    return year;
  };

  // a year in the form of the State Council's notice: as entered, or else as the installed
  // chinese-days package has it (the starting point), or else empty
  router.get('/years/:year/schedule', async (req, res) => {
    const year = yearOf(req.params.year);
    const entered = await calendarYear(db, year);
    const fromPackage = entered.days.length || entered.published ? undefined : chineseDaysSchedule(year);
    res.json({
      year, published: entered.published,
      source: fromPackage?.source ?? (entered.days.length || entered.published ? entered.source ?? 'manual' : null),
      schedule: fromPackage?.schedule ?? daysToSchedule(entered.days),
    });
  });

  router.post('/years/:year/preview', analysts, async (req, res) => {
    const year = yearOf(req.params.year);
    res.json(await answering(async () => previewYear(year, checkYearSchedule(year, req.body))));
  });

  // the whole year at once; with publish: true deadlines may fall in it from now on, and the
  // cases waiting for it (待发布工作日历) go on by themselves
  router.put('/years/:year', analysts, async (req, res) => {
    const year = yearOf(req.params.year);
    const schedule = await answering(async () => checkYearSchedule(year, req.body));
    res.json(await saveYear(db, engine, year, schedule, req.user!.id, (req.body as { publish?: boolean }).publish === true));
  });

  router.post('/years/:year/publish', analysts, async (req, res) => {
    const year = yearOf(req.params.year);
    // the cases waiting for the calendar (待发布工作日历) go on by themselves
    res.json(await publishYear(db, engine, year, req.user!.id));
  });

  return router;
}
