// The web server as a supervised child of `npm start` (bin/start.ts): the database and the
// engine are already up; their addresses come in DATABASE_URL and SHENPI_ENGINE_URL.
import { loadConfig } from '../lib/config.js';
import { createDb } from '../lib/db.js';
import { EngineClient } from '../lib/engine/client.js';
import { createLogger } from '../lib/log.js';
import { runSupervisedChild } from '../lib/supervisor.js';
import { startWebServer, stopWebServer } from './system.js';

const config = loadConfig();
const log = createLogger({ component: 'web', pid: process.pid });
const db = createDb(config.databaseUrl!, config.appSchema);
const server = await startWebServer(config, db, new EngineClient(config.engine.restUrls, config.admin), log);
log.info('web server listening', { port: config.web.port });
runSupervisedChild(log, async () => {
  await stopWebServer(server);
  await db.destroy();
});
