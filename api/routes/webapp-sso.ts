// GET /api/session/camunda/:app — the 工作台's links into Camunda's web apps (Cockpit ↗,
// Tasklist ↗): for the session's user only (an API client with Basic auth gets none), a token of
// 60 seconds for one use, and a redirect to the app, where the engine logs the user in.
import express from 'express';
import type { Config } from '../../lib/config.js';
import { isWebappApp, mintWebappToken, WEBAPP_APPS, webappSignOnUrl } from '../../lib/engine/webapp-sso.js';
import { HttpError, invalidField } from '../errors.js';
import { sessionUser } from '../session.js';

export function webappSignOnRoutes(config: Config): express.Router {
  const router = express.Router();
  router.get('/:app', (req, res) => {
    const app = req.params.app;
    if (!isWebappApp(app)) throw invalidField('app', 'one-of', `应用 (app) 应为 ${WEBAPP_APPS.join('、')} 之一`);
    const user = sessionUser(req);
    if (!user) throw new HttpError(401, 'unauthenticated', '请先登录工作台, 再从工作台打开 Camunda 应用');
    res.set('Cache-Control', 'no-store').redirect(302, webappSignOnUrl(config.engine.webappUrl, mintWebappToken(config.engine.ssoSecret, user.id, app), app));
  });
  return router;
}
