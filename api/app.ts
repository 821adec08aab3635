// The thin web server: health for operators, and (behind login) shenpi's own pages and API.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import helmet from 'helmet';
import type { Knex } from 'knex';
import type { Config } from '../lib/config.js';
import type { EngineClient } from '../lib/engine/client.js';
import type { Logger } from '../lib/log.js';
import { loginCheck, requireLogin } from './auth.js';
import { requireSameSiteWrites } from './csrf.js';
import { errorHandler } from './errors.js';
import { readableRequest } from './validate.js';
import { calendarBanner, calendarHorizonCache } from './calendar-banner.js';
import { sessionRoutes, sessions } from './session.js';
import { webappSignOnRoutes } from './routes/webapp-sso.js';
import { calendarRoutes } from './routes/calendar.js';
import { calendarPage } from './routes/calendar-page.js';
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
import type { TemplatedWorker } from '../lib/process/worker-template.js';
import { publicRatingRoutes, ratingRoutes } from './routes/ratings.js';
import { complaintRoutes } from './routes/complaints.js';
import { workbenchApp, workbenchRoutes } from './routes/workbench.js';
import { documentTemplatePage, documentTemplateRoutes } from './routes/document-templates.js';
import { monitoringRoutes } from './routes/monitoring.js';
import { caseQueryRoutes } from './routes/case-query.js';

const STATIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');

/**
 * Security headers on every answer (helmet): a CSP without inline script (styles come from
 * /assets/pages.css; the modeler's libraries set style attributes), no framing by any site,
 * nosniff, no referrer across origins. No upgrade-insecure-requests: shenpi serves plain HTTP
 * on 127.0.0.1 by default (TLS is the reverse proxy's job).
 */
function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
  });
}

export interface AppDeps {
  config: Config;
  db: Knex;
  engine: EngineClient;
  log: Logger;
  /** after a deployment from the modeler: let the window start the new items (一窗受理) */
  onDeployed?: (processKeys: string[]) => Promise<void>;
  /** the workers the modeler offers as element templates (the registry, given by the composition root) */
  workers: TemplatedWorker[];
}

export function createApp({ config, db, engine, log, onDeployed, workers }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // every route: a path and query of readable text (valid UTF-8, no NUL), else 400
  app.use(readableRequest('url'));
  app.use(securityHeaders());
  // the platform API (网上平台): its own API keys, body limits and error shape, no staff login
  app.get('/api/openapi.json', openApiRoute(config));
  app.use('/api/v1', platformApi({ config, db, engine, log }));
  app.use(express.json({ limit: '1mb' }), readableRequest('body'));

  const horizon = calendarHorizonCache(db, config);
  app.get('/health', async (_req, res) => {
    // a cluster is up while one of its nodes answers
    const nodesUp = await Promise.all(config.engine.restUrls.map((url) => fetch(`${url}/version`).then((r) => r.status === 401 || r.ok, () => false)));
    const engineUp = nodesUp.some(Boolean);
    // the working-day calendar's reach, and from 60 days before its end a warning
    const calendar = await horizon().then(({ publishedUntil, daysLeft, warning, message }) => ({ publishedUntil, daysLeft, warning, message }), () => undefined);
    res.status(engineUp ? 200 : 503).json({ status: engineUp ? 'ok' : 'degraded', engine: engineUp ? 'up' : 'down', ...(nodesUp.length > 1 ? { engineNodes: nodesUp.map((up) => (up ? 'up' : 'down')) } : {}), ...(calendar ? { calendar } : {}) });
  });

  app.use('/assets', express.static(STATIC_DIR, { index: false, maxAge: '1h' }));
  // 双公示 and licence verification are public: no login, no personal ID numbers
  app.use('/public', publicRoutes(db, config));
  app.use('/public/ratings', publicRatingRoutes(db));

  // the 工作台 (staff app): its page and assets need no login, it shows its own login page
  const check = loginCheck(engine, config.web.session.failuresPerAddress);
  app.use(sessions(config, db));
  app.use('/api/session', sessionRoutes(engine, db, check));
  app.use('/api/session/camunda', webappSignOnRoutes(config));
  app.use(workbenchApp(config));

  app.use(requireLogin(engine, check), requireSameSiteWrites());
  app.use(calendarBanner(horizon));
  // what a login sees holds personal data: never kept by the browser or a proxy (the modeler's
  // bundle, the same for everyone, may be cached)
  app.use((req, res, next) => {
    if (!req.path.startsWith('/modeler/assets/')) res.set('Cache-Control', 'no-store');
    next();
  });
  app.get('/portal', (req, res) => {
    res.type('html').send(portalPage(config, req.user!));
  });
  app.use('/api/workbench', workbenchRoutes(db, engine, config));
  app.get('/api/me', (req, res) => {
    res.json(req.user);
  });
  app.use('/api/catalogue', catalogueRoutes(db));
  app.use('/api/calendar', calendarRoutes(db, engine, config));
  app.use('/calendar', calendarPage(db, horizon));
  app.use('/api/cases', promiseRoutes({ db, engine, config }));
  app.use('/api/cases', caseRoutes(db, engine, config));
  app.use('/cases', casePage(db, engine, config));
  app.use('/api/credit', creditRoutes(db));
  app.use('/credit', creditPage(db));
  app.use('/api/supervision', supervisionRoutes(db));
  app.use('/api/supervision', supervisionResultRoutes(db));
  app.use('/api/publication', publicationRoutes(db, engine, config));
  app.use('/api/platform-clients', platformClientRoutes(db, config.mode === 'production'));
  app.use('/modeler', modelerPage(config));
  app.use('/api/modeler', modelerRoutes({ config, db, engine, log, onDeployed, workers }));
  app.use('/api/ratings', ratingRoutes(db));
  app.use('/api/complaints', complaintRoutes({ db, engine, config }));
  app.use('/api/document-templates', documentTemplateRoutes(db));
  app.use('/document-templates', documentTemplatePage());
  app.use('/api/monitoring', monitoringRoutes(db, config));
  app.use('/api/case-query', caseQueryRoutes(db, engine));

  app.use((_req, res) => {
    res.status(404).json({ error: 'not-found', message: '没有这个页面或接口' });
  });
  app.use(errorHandler(log));
  return app;
}
