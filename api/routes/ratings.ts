// 好差评 for staff: the monthly figures per department and item (leaders, analysts, the 好差评
// office); and, public, the published outcomes of bad ratings (结果公开).
import { Router } from 'express';
import type { Knex } from 'knex';
import { monthlyRatingFigures } from '../../lib/ratings/index.js';
import { publishedRatingOutcomes } from '../../lib/repositories/ratings.js';
import { requireGroup } from '../roles.js';
import { validRequest } from '../validate.js';

export function ratingRoutes(db: Knex): Router {
  const router = Router();
  router.get('/figures', requireGroup('leaders', 'analysts', 'ratingOffice'), validRequest({ query: { month: { type: 'string', maxLength: 7 } } }), async (req, res) => {
    const month = typeof req.query.month === 'string' ? req.query.month : '';
    res.json(await monthlyRatingFigures(db, { month }));
  });
  return router;
}

/** Public, no login: what was done about bad ratings (no applicant appears). */
export function publicRatingRoutes(db: Knex): Router {
  const router = Router();
  router.get('/outcomes.json', async (_req, res) => {
    res.json({ outcomes: await publishedRatingOutcomes(db) });
  });
  return router;
}
