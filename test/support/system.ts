// One real shenpi for the whole test run (embedded PostgreSQL in a temp folder, the real engine,
// the real workers) on free ports, so tests never touch a developer's running instance.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../lib/config.js';
import { createLogger } from '../../lib/log.js';
import { freePort } from '../../lib/ports.js';
import { consoleProgress } from '../../lib/progress.js';
import { startSystem, type System } from '../../bin/system.js';
import { startFakeCreditPlatform, type FakeCreditPlatform } from './credit-platform.js';
import { startFakeSmsGateway, type FakeSmsGateway } from './receiver.js';

let running: Promise<System> | undefined;
let platform: FakeCreditPlatform | undefined;
let sms: FakeSmsGateway | undefined;

/** The SMS gateway the test system sends notices to (a real local HTTP server). */
export function smsGateway(): FakeSmsGateway {
  if (!sms) throw new Error('useSystem() first');
  return sms;
}

/** The credit platform the test system pushes to (a real local HTTP server). */
export function creditPlatform(): FakeCreditPlatform {
  if (!platform) throw new Error('useSystem() first');
  return platform;
}

/**
 * `overrides`: environment for the first call only (benches turn the job executor on);
 * `resourceRoot`: where the processes and forms to deploy are (a bench's generated catalogue).
 */
export function useSystem(overrides: Record<string, string> = {}, resourceRoot?: string): Promise<System> {
  running ??= (async () => {
    const dataDir = process.env.SHENPI_TEST_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'shenpi-test-'));
    fs.chmodSync(dataDir, 0o755); // the embedded server runs as another OS user when we are root
    platform = await startFakeCreditPlatform();
    sms = await startFakeSmsGateway();
    const config = loadConfig({
      ...process.env,
      SHENPI_MODE: 'dev',
      SHENPI_DATA_DIR: dataDir,
      SHENPI_PG_PORT: String(await freePort()),
      SHENPI_ENGINE_PORT: String(await freePort()),
      SHENPI_WEB_PORT: String(await freePort()),
      SHENPI_WORKER_LONG_POLL_MS: '2000',
      SHENPI_WORKER_RETRY_TIMEOUT_MS: '500',
      SHENPI_WORKER_SHUTDOWN_MS: '3000',
      // the process tests run cases in the past (2026 National Day): their timers would all fire
      // at once, so the tests execute each timer job themselves, at the step they test
      SHENPI_JOB_EXECUTOR: 'false',
      SHENPI_CREDIT_PLATFORM_URL: platform.url,
      SHENPI_PUBLICATION_URL: platform.publicationUrl,
      SHENPI_SUPERVISION_URL: platform.supervisionUrl,
      SHENPI_12345_URL: platform.hotlineUrl,
      SHENPI_SMS_URL: sms.url,
      SHENPI_OUTBOX_INTERVAL_MS: '200',
      SHENPI_OUTBOX_RETRY_MS: '200',
      // every spec logs in from 127.0.0.1, and many try wrong passwords on purpose: the throttle per
      // address (100 failures, then 10 a minute) would lock out the specs that run next
      SHENPI_LOGIN_FAILURES_PER_ADDRESS: '100000',
      ...overrides,
    });
    const log = createLogger({ component: 'test-system' });
    return startSystem(config, { log, progress: consoleProgress((line) => process.stdout.write(`      ${line}\n`)), workers: true, web: true, resourceRoot });
  })();
  return running;
}

export async function stopSystem(): Promise<void> {
  if (!running) return;
  const system = await running.catch(() => undefined);
  running = undefined;
  await system?.stop();
  await platform?.close();
  platform = undefined;
  await sms?.close();
  sms = undefined;
  if (system && !process.env.SHENPI_TEST_DATA_DIR) fs.rmSync(system.config.dataDir, { recursive: true, force: true });
}
