// GET /api/session/camunda/:app — the 工作台's links into Camunda's web apps (Cockpit ↗,
// Tasklist ↗): for the session's user only (an API client with Basic auth gets none), a token of
// 60 seconds for one use, and a redirect to the app, where the engine logs the user in. In a
// cluster (several engine nodes) the first node that answers: the apps' sessions are a node's own.
import express from 'express';
import type { Config } from '../../lib/config.js';
import { isWebappApp, mintWebappToken, WEBAPP_APPS, webappSignOnUrl } from '../../lib/engine/webapp-sso.js';
import { HttpError, invalidField } from '../errors.js';
import { sessionUser } from '../session.js';

/** The web apps' address: the first node's, or in a cluster the first node that answers (1 s each). */
export async function liveWebappUrl(config: Config): Promise<string> {
  if (config.engine.restUrls.length === 1) return config.engine.webappUrl;
  for (const restUrl of config.engine.restUrls) {
    const up = await fetch(`${restUrl}/version`, { signal: AbortSignal.timeout(1000) }).then((r) => r.status === 401 || r.ok, () => false);
    if (up) return restUrl.replace(/\/engine-rest$/, '/camunda');
  }
  return config.engine.webappUrl;
}

export function webappSignOnRoutes(config: Config): express.Router {
  const router = express.Router();
  router.get('/:app', (req, res) => {
    const app = req.params.app;
    if (!isWebappApp(app)) throw invalidField('app', 'one-of', `应用 (app) 应为 ${WEBAPP_APPS.join('、')} 之一`);
    const user = sessionUser(req);
    if (!user) throw new HttpError(401, 'unauthenticated', '请先登录工作台, 再从工作台打开 Camunda 应用');
    const token = mintWebappToken(config.engine.ssoSecret, user.id, app);
    void liveWebappUrl(config).then((webappUrl) => res.set('Cache-Control', 'no-store').redirect(302, webappSignOnUrl(webappUrl, token, app)));
  });
  return router;
}
