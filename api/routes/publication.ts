// 台账比对 on demand (operators): a dry run by default, `?repair=true` to republish what can be.
import { Router } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../lib/config.js';
import { todayIn } from '../../lib/calendar/deadlines.js';
import type { EngineClient } from '../../lib/engine/client.js';
import { reconcile } from '../../lib/publication/reconcile.js';
import { loadCalendar } from '../../lib/repositories/calendar.js';
import { requireGroup } from '../roles.js';
import { field, validRequest } from '../validate.js';

export function publicationRoutes(db: Knex, engine: EngineClient, config: Config): Router {
  const router = Router();
  router.post('/reconcile', requireGroup('operators'), validRequest({ query: { repair: field.boolean } }), async (req, res) => {
    const started = Date.now();
    const report = await reconcile(db, engine, { repair: req.query.repair === 'true', calendar: await loadCalendar(db), today: todayIn(config.deadlines.utcOffset) });
    res.json({ ...report, tookMs: Date.now() - started });
  });
  return router;
}
