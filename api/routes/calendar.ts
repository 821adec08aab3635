// 工作日历: everyone reads it and may compute a deadline; analysts edit days and publish years
// (the State Council announces next year's schedule each November).
import { Router } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../lib/config.js';
import { computeDeadline } from '../../lib/calendar/deadlines.js';
import { CalendarRangeError, InvalidDateError } from '../../lib/calendar/work-calendar.js';
import { deleteCalendarDay, listCalendar, loadCalendar, publishCalendarYear, setCalendarDay } from '../../lib/repositories/calendar.js';
import { badRequest, HttpError, notFound } from '../errors.js';
import { requireGroup } from '../roles.js';
import { field, validRequest } from '../validate.js';

export function calendarRoutes(db: Knex, config: Config): Router {
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

  router.post('/years/:year/publish', analysts, validRequest({ params: { year: field.year } }), async (req, res) => {
    const year = Number(req.params.year);
    await publishCalendarYear(db, year, req.user!.id);
    res.status(204).end();
  });

  return router;
}
