// The external-task workers, the outbox and the publication watch as a supervised child of
// `npm start` (bin/start.ts); the database and the engine come in DATABASE_URL and SHENPI_ENGINE_URL.
import { loadConfig } from '../lib/config.js';
import { createDb } from '../lib/db.js';
import { EngineClient } from '../lib/engine/client.js';
import { createLogger } from '../lib/log.js';
import { runSupervisedChild } from '../lib/supervisor.js';
import { startWorkerServices } from './system.js';

const config = loadConfig();
const log = createLogger({ component: 'workers', pid: process.pid });
const db = createDb(config.databaseUrl!, config.appSchema);
const services = await startWorkerServices(config, db, new EngineClient(config.engine.restUrls, config.admin), log);
log.info('workers running');
runSupervisedChild(log, async () => {
  await services.stop();
  await db.destroy();
});
