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
import { requireGroup } from '../roles.js';
import { field, validRequest } from '../validate.js';

export function calendarRoutes(db: Knex, engine: EngineClient, config: Config): Router {
  const router = Router();
  const analysts = requireGroup('analysts');

  const translate = (error: unknown): never => {
    if (error instanceof CalendarRangeError) throw new HttpError(422, 'calendar-range', error.message);
    if (error instanceof InvalidDateError) throw badRequest(error.message, [{ field: error.field, rule: 'date', message: error.message }]);
    throw error;
  };

  router.get('/', validRequest({ query: { year: field.year } }), async (req, res) => {
    const year = req.query.year === undefined ? undefined : Number(req.query.year);
    res.json(await listCalendar(db, year));
  });

  router.get('/deadline', validRequest({ query: { from: field.date, workingDays: { type: 'string', pattern: '^(0|[1-9][0-9]{0,3})$', title: '工作日数 workingDays (0 到 9999 的整数)' } }, required: ['from', 'workingDays'] }), async (req, res) => {
    const from = String(req.query.from);
    const workingDays = Number(req.query.workingDays);
    try {
      const calendar = await loadCalendar(db);
      res.json({ from, workingDays, ...computeDeadline(calendar, from, workingDays, config.deadlines) });
    } catch (error) {
      translate(error);
    }
  });

  router.put('/days/:date', analysts, validRequest({ params: { date: field.date } }), async (req, res) => {
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

  router.delete('/days/:date', analysts, validRequest({ params: { date: field.date } }), async (req, res) => {
    try {
      if (!(await deleteCalendarDay(db, String(req.params.date)))) throw notFound(`${req.params.date} 不是日历中的例外日期`);
    } catch (error) {
      translate(error);
    }
    res.status(204).end();
  });

  const yearParam = validRequest({ params: { year: field.year } });

  // a year in the form of the State Council's notice: as entered, or else as the installed
  // chinese-days package has it (the starting point), or else empty
  router.get('/years/:year/schedule', yearParam, async (req, res) => {
    const year = Number(req.params.year);
    const entered = await calendarYear(db, year);
    const fromPackage = entered.days.length || entered.published ? undefined : chineseDaysSchedule(year);
    res.json({
      year, published: entered.published,
      source: fromPackage?.source ?? (entered.days.length || entered.published ? entered.source ?? 'manual' : null),
      schedule: fromPackage?.schedule ?? daysToSchedule(entered.days),
    });
  });

  router.post('/years/:year/preview', analysts, yearParam, async (req, res) => {
    const year = Number(req.params.year);
    res.json(previewYear(year, checkYearSchedule(year, req.body)));
  });

  // the whole year at once; with publish: true deadlines may fall in it from now on, and the
  // cases waiting for it (待发布工作日历) go on by themselves
  router.put('/years/:year', analysts, yearParam, async (req, res) => {
    const year = Number(req.params.year);
    const schedule = checkYearSchedule(year, req.body);
    res.json(await saveYear(db, engine, year, schedule, req.user!.id, (req.body as { publish?: boolean }).publish === true));
  });

  router.post('/years/:year/publish', analysts, yearParam, async (req, res) => {
    const year = Number(req.params.year);
    // the cases waiting for the calendar (待发布工作日历) go on by themselves
    res.json(await publishYear(db, engine, year, req.user!.id));
  });

  return router;
}
