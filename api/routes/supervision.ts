// 电子监察 for the people responsible: the alerts and notifications of the caller's groups.
import { Router } from 'express';
import type { Knex } from 'knex';
import { alertsForGroups, notificationsForGroups } from '../../lib/repositories/supervision.js';

export function supervisionRoutes(db: Knex): Router {
  const router = Router();
  router.get('/alerts', async (req, res) => {
    res.json({ alerts: await alertsForGroups(db, req.user!.groups) });
  });
  router.get('/notifications', async (req, res) => {
    res.json({ notifications: await notificationsForGroups(db, req.user!.groups) });
  });
  return router;
}
