// 办件查询 in the 工作台: find a case by 受理编号, 申请人 or 事项. Only the cases the user may
// read come back (the same rule as 办件轨迹, api/routes/cases.ts mayRead); the 轨迹 itself is
// GET /api/cases/<受理编号>.
import { Router } from 'express';
import type { Knex } from 'knex';
import type { EngineClient } from '../../lib/engine/client.js';
import { findCases } from '../../lib/repositories/cases.js';
import { field, validRequest } from '../validate.js';
import { mayRead } from './cases.js';

/** how many cases a search looks at, and answers */
const LOOKED_AT = 200;
const ANSWERED = 50;

export function caseQueryRoutes(db: Knex, engine: EngineClient): Router {
  const router = Router();
  router.get('/', validRequest({ query: { q: field.text(60, '查询内容 q (受理编号、申请人或事项)') }, required: ['q'] }), async (req, res) => {
    const found = [];
    for (const summary of await findCases(db, String(req.query.q).trim(), LOOKED_AT)) {
      if (found.length >= ANSWERED) break;
      if (await mayRead(engine, req.user!, summary.businessKey)) {
        const { businessKey: _key, ...shown } = summary;
        found.push(shown);
      }
    }
    res.json(found);
  });
  return router;
}
