// Brings shenpi up in order (database, migrations, engine, users, deployment, workers, web) and
// down in reverse. Used by `npm start` and by the test suite, so both run the same system.
import type { Server } from 'node:http';
import path from 'node:path';
import type { Knex } from 'knex';
import type { Config } from '../lib/config.js';
import { PROJECT_ROOT } from '../lib/config.js';
import { createDb, migrate } from '../lib/db.js';
import { EngineClient } from '../lib/engine/client.js';
import { deployProject, type DeploymentResult } from '../lib/engine/deploy.js';
import { ensureIdentity, grantDeskStart } from '../lib/engine/identity.js';
import { deskStartableKeys } from '../lib/engine/deploy.js';
import { buildEngineJar, engineJarIsStale, startEngine, type EngineProcess } from '../lib/engine/launch.js';
import { StartupError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { isPortFree } from '../lib/ports.js';
import { jdbcSettings, startDatabase, type Database } from '../lib/postgres.js';
import { ensureEngineQueryStatistics } from '../lib/engine/query-statistics.js';
import type { Progress } from '../lib/progress.js';
import { WORKERS, createWorkerServices, startWorkers, type RunningWorkers } from '../workers/index.js';
import { chineseDaysSeed } from '../lib/calendar/chinese-days.js';
import { seedBundles, seedCatalogue } from '../lib/catalogue/seed.js';
import { listLatest } from '../lib/repositories/catalogue.js';
import { seedCalendar } from '../lib/repositories/calendar.js';
import { startCalendarWatch, warnAboutHorizon } from '../lib/calendar/horizon.js';
import { startDispatchers } from '../lib/outbox/channels.js';
import { startPublicationWatch } from '../lib/publication/watch.js';
import { createApp } from '../api/app.js';
import { seedDemoClient } from '../lib/platform/demo-client.js';
import { buildModeler, modelerIsStale } from '../lib/modeler/build.js';
import { buildWorkbench, workbenchIsStale } from '../lib/workbench/build.js';

export interface SystemOptions {
  log: Logger;
  progress: Progress;
  workers: boolean;
  web: boolean;
  /** where processes/ and forms/ are read for the deployment (a bench's generated catalogue); the project by default */
  resourceRoot?: string;
}

export interface System {
  config: Config;
  database: Database;
  db: Knex;
  /** the first engine node's process (undefined for an external engine) */
  engineProcess: EngineProcess | undefined;
  /** every node's process, the first first (SHENPI_ENGINE_NODES); a killed node's entry stays until restarted */
  engineProcesses: EngineProcess[];
  /** REST client acting as the admin (every node, with fail-over) */
  admin: EngineClient;
  deployment: DeploymentResult;
  workers: RunningWorkers | undefined;
  web: Server | undefined;
  stop(): Promise<void>;
  /** stops the engine (node `node`, from 0) if it still runs and starts it again; the database stays up */
  restartEngine(node?: number): Promise<void>;
}

/**
 * The workers with the outbox dispatchers and the publication watch: what runs beside the engine.
 * One worker set per node in config.worker.restUrls, each long-polling its own node (a node wakes
 * only its own pollers when it creates a task); `workers` is the first set.
 */
export async function startWorkerServices(config: Config, db: Knex, admin: EngineClient, log: Logger): Promise<{ workers: RunningWorkers; stop(): Promise<void> }> {
  const services = createWorkerServices(db, config.deadlines, { queryUrl: config.credit.queryUrl, timeoutMs: config.credit.timeoutMs }, { webUrl: config.web.publicUrl, hotline12345: { configured: Boolean(config.hotline12345.url) } });
  const sets = config.worker.restUrls.map((restUrl) => startWorkers(WORKERS, {
    restUrl,
    credentials: config.service,
    maxTasks: config.worker.maxTasks,
    asyncResponseTimeoutMs: config.worker.asyncResponseTimeoutMs,
    shutdownTimeoutMs: config.worker.shutdownTimeoutMs,
    retries: config.worker.retries,
    retryTimeoutMs: config.worker.retryTimeoutMs,
  }, log, services));
  const dispatchers = startDispatchers(db, config, log.child({ component: 'outbox' }));
  const watch = startPublicationWatch(db, admin, config, log.child({ component: 'publication' }));
  return {
    workers: sets[0]!,
    async stop() {
      await watch.stop();
      for (const dispatcher of dispatchers.reverse()) await dispatcher.stop();
      await Promise.all(sets.map((set) => set.stop()));
    },
  };
}

/** The web server, listening once it resolves. */
export function startWebServer(config: Config, db: Knex, admin: EngineClient, log: Logger): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const server = createApp({ config, db, engine: new EngineClient(config.engine.restUrls, config.service), log: log.child({ component: 'web' }), onDeployed: (keys) => grantDeskStart(admin, keys), workers: WORKERS })
      .listen(config.web.port, config.web.host, () => resolve(server));
    server.once('error', reject);
  });
}

export function stopWebServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
}

export async function startSystem(config: Config, options: SystemOptions): Promise<System> {
  const { log, progress } = options;
  const logDir = path.join(config.dataDir, 'logs');
  const stack: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    while (stack.length) {
      const undo = stack.pop()!;
      await undo().catch((error: unknown) => log.warn('shutdown step failed', { error }));
    }
  };
  try {
    if (options.web && !(await isPortFree(config.web.port, config.web.host))) {
      throw new StartupError(`端口 ${config.web.port} 已被占用, Web 服务无法启动`, '请停止占用该端口的进程, 或设置 SHENPI_WEB_PORT');
    }
    if (!config.engine.externalUrl && engineJarIsStale()) {
      await progress.step('构建引擎 (Maven, 首次需下载依赖)', (tick) => buildEngineJar(logDir, tick));
    }
    const database = await progress.step(config.databaseUrl ? '连接数据库 (DATABASE_URL)' : '启动内置 PostgreSQL 17', () => startDatabase(config, log));
    stack.push(() => database.stop());
    const db = createDb(database.url, config.appSchema);
    stack.push(() => db.destroy());
    await progress.step('数据库迁移', async () => {
      const applied = await migrate(db, config.appSchema, config.engineSchema);
      if (applied.length) log.info('migrations applied', { applied });
    });
    await progress.step('工作日历与事项清单', async () => {
      const calendar = await seedCalendar(db, chineseDaysSeed());
      if (calendar.days) log.info('working-day calendar seeded', calendar);
      // analysts are told in time to enter next year (log, notification, /health, staff pages)
      await warnAboutHorizon(db, config, log);
      const calendarWatch = startCalendarWatch(db, config, log);
      stack.push(async () => calendarWatch.stop());
      const catalogue = await seedCatalogue(db);
      if (catalogue.added.length) log.info('catalogue seeded', catalogue);
      const bundles = await seedBundles(db, new Map((await listLatest(db)).map((item) => [item.key, item.entry])));
      if (bundles.length) log.info('bundles seeded', { added: bundles });
      const demo = await seedDemoClient(db, config);
      if (demo === 'revoked') log.warn('production mode: the demo platform client was revoked');
    });
    const launchEngine = (node: number) => (tick: (elapsedMs: number) => void): Promise<EngineProcess> =>
      startEngine({ config, jdbc: jdbcSettings(database.url, config.engineSchema), admin: config.admin, logDir, onWait: tick, node });
    const nodeTitle = (node: number): string => `引擎${config.engine.nodes > 1 ? ` 节点 ${node + 1}/${config.engine.nodes}` : ''} (端口 ${config.engine.port + node})`;
    const engineProcesses: EngineProcess[] = [];
    if (!config.engine.externalUrl) {
      // the first node creates the engine's tables, the admin and the filter; the others join it
      // (homogeneous cluster: job executor on every node, not deployment-aware)
      for (let node = 0; node < config.engine.nodes; node += 1) {
        engineProcesses.push(await progress.step(`启动${nodeTitle(node)}`, launchEngine(node)));
        // the same array as system.engineProcesses (a restarted node replaces its entry)
        stack.push(() => engineProcesses[node]!.stop());
      }
    }
    // the engine has made its tables by now (schema-update); an external engine shares the database
    await progress.step('引擎查询统计信息', async () => {
      const created = await ensureEngineQueryStatistics(db, config.engineSchema);
      if (created.length) log.info('engine query statistics created', { created });
    });
    const admin = new EngineClient(config.engine.restUrls, config.admin);
    await progress.step('用户、科室与权限', async () => {
      const created = await ensureIdentity(admin, { service: config.service, demoPassword: config.demoPassword });
      if (created.length) log.info('users created', { users: created });
    });
    const deployment = await progress.step('部署流程与表单', async () => {
      const resourceRoot = options.resourceRoot ?? PROJECT_ROOT;
      const result = await deployProject(admin, resourceRoot);
      log.info(result.changed.length ? 'deployed' : 'nothing changed, no new versions', { deploymentId: result.id, changed: result.changed, resources: result.resourceCount });
      await grantDeskStart(admin, deskStartableKeys(resourceRoot));
      return result;
    });
    let workers: RunningWorkers | undefined;
    if (options.workers) {
      const services = await progress.step('启动 workers', () => startWorkerServices(config, db, admin, log));
      workers = services.workers;
      stack.push(() => services.stop());
    }
    let web: Server | undefined;
    if (options.web) {
      if (modelerIsStale()) await progress.step('构建 Web 建模器 (esbuild)', () => buildModeler());
      if (workbenchIsStale()) await progress.step('构建工作台 (Vite)', () => buildWorkbench());
      web = await progress.step(`启动 Web 服务 (端口 ${config.web.port})`, () => startWebServer(config, db, admin, log));
      stack.push(() => stopWebServer(web!));
    }
    const system: System = {
      config, database, db, engineProcess: engineProcesses[0], engineProcesses, admin, deployment, workers, web, stop,
      async restartEngine(node = 0) {
        const running = system.engineProcesses[node];
        if (!running) throw new StartupError('引擎不由 shenpi 启动 (SHENPI_ENGINE_URL), 无法重启', '请重启该外部引擎');
        await running.stop();
        system.engineProcesses[node] = await progress.step(`重启${nodeTitle(node)}`, launchEngine(node));
        if (node === 0) system.engineProcess = system.engineProcesses[0];
      },
    };
    return system;
  } catch (error) {
    await stop();
    throw error;
  }
}
