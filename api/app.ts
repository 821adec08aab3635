// The thin web server: health for operators, and (behind login) shenpi's own pages and API.
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../lib/config.js';
import type { EngineClient } from '../lib/engine/client.js';
import type { Logger } from '../lib/log.js';
import { requireLogin } from './auth.js';
import { sessionRoutes, sessions } from './session.js';
import { HttpError } from './errors.js';
import { calendarRoutes } from './routes/calendar.js';
import { casePage, caseRoutes } from './routes/cases.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { supervisionRoutes } from './routes/supervision.js';
import { creditPage, creditRoutes } from './routes/credit.js';
import { promiseRoutes } from './routes/promises.js';
import { publicRoutes } from './routes/public.js';
import { publicationRoutes } from './routes/publication.js';
import { supervisionResultRoutes } from './routes/supervision-results.js';
import { portalPage } from './routes/portal.js';
import { openApiRoute, platformApi } from './platform/index.js';
import { platformClientRoutes } from './routes/platform-clients.js';
import { modelerPage, modelerRoutes } from './routes/modeler.js';
import { publicRatingRoutes, ratingRoutes } from './routes/ratings.js';
import { complaintRoutes } from './routes/complaints.js';
import { workbenchApp, workbenchRoutes } from './routes/workbench.js';

export interface AppDeps {
  config: Config;
  db: Knex;
  engine: EngineClient;
  log: Logger;
  /** after a deployment from the modeler: let the window start the new items (一窗受理) */
  onDeployed?: (processKeys: string[]) => Promise<void>;
}

export function createApp({ config, db, engine, log, onDeployed }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // the platform API (网上平台): its own API keys, body limits and error shape, no staff login
  app.get('/api/openapi.json', openApiRoute(config));
  app.use('/api/v1', platformApi({ config, db, engine, log }));
  app.use(express.json({ limit: '1mb' }));

  app.get('/health', async (_req, res) => {
    const engineUp = await fetch(`${config.engine.restUrl}/version`).then((r) => r.status === 401 || r.ok, () => false);
    res.status(engineUp ? 200 : 503).json({ status: engineUp ? 'ok' : 'degraded', engine: engineUp ? 'up' : 'down' });
  });

  // 双公示 and licence verification are public: no login, no personal ID numbers
  app.use('/public', publicRoutes(db, config));
  app.use('/public/ratings', publicRatingRoutes(db));

  // the 工作台 (staff app): its page and assets need no login, it shows its own login page
  app.use(sessions(config, db));
  app.use('/api/session', sessionRoutes(engine, db));
  app.use(workbenchApp(config));

  app.use(requireLogin(engine));
  app.get('/portal', (req, res) => {
    res.type('html').send(portalPage(config, req.user!));
  });
  app.use('/api/workbench', workbenchRoutes(db, engine, config));
  app.get('/api/me', (req, res) => {
    res.json(req.user);
  });
  app.use('/api/catalogue', catalogueRoutes(db));
  app.use('/api/calendar', calendarRoutes(db, config));
  app.use('/api/cases', promiseRoutes(db, engine));
  app.use('/api/cases', caseRoutes(db, engine, config));
  app.use('/cases', casePage(db, engine, config));
  app.use('/api/credit', creditRoutes(db));
  app.use('/credit', creditPage(db));
  app.use('/api/supervision', supervisionRoutes(db));
  app.use('/api/supervision', supervisionResultRoutes(db));
  app.use('/api/publication', publicationRoutes(db, engine, config));
  app.use('/api/platform-clients', platformClientRoutes(db));
  app.use('/modeler', modelerPage(config));
  app.use('/api/modeler', modelerRoutes({ config, db, engine, log, onDeployed }));
  app.use('/api/ratings', ratingRoutes(db));
  app.use('/api/complaints', complaintRoutes({ db, engine, config }));

  app.use((_req, res) => {
    res.status(404).json({ error: 'not-found', message: '没有这个页面或接口' });
  });
  // one error handler: unexpected errors are logged, the client gets no internals
  app.use((error: Error & { type?: string; status?: number }, req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof HttpError) {
      res.status(error.status).json({ error: error.code, message: error.message, ...error.extra, ...(error.problems ? { problems: error.problems } : {}) });
      return;
    }
    if (error.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'bad-request', message: '请求体不是有效的 JSON' });
      return;
    }
    if (error.type === 'entity.too.large') {
      res.status(413).json({ error: 'too-large', message: '请求体过大' });
      return;
    }
    log.error('request failed', { method: req.method, path: req.path, error });
    res.status(500).json({ error: 'internal', message: '服务器内部错误, 请稍后重试或联系运维' });
  });
  return app;
}
