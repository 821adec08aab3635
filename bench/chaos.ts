// Faults survived, nothing lost, nothing twice (not a test). Starts shenpi the way `npm start`
// does (supervised web server and workers, on free ports, data in a temporary folder) against
// local HTTP servers standing in for the credit platform and the 双公示 endpoint, drives a steady
// load of online applications and of cases completed by their clerks, and meanwhile: SIGKILLs
// the workers twice and the web server once, kills the engine (the supervisor restarts it),
// takes both platforms down, and restarts PostgreSQL. Then it lets the system settle and prints
// what must be zero (or equal).
//
// With `nodes=2` (or SHENPI_BENCH_NODES=2) shenpi runs as a cluster (SHENPI_ENGINE_NODES: two
// engine nodes, a workers process per node) and the engine fault SIGKILLs node 1 while the load
// goes on through node 2; the clerks talk to both nodes (fail-over). Then also: every driven case
// ended exactly once (bench/cluster-check.ts).
//
//   npm run chaos [-- 120] [nodes=2]     (the outage in seconds)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/config.js';
import { todayIn } from '../lib/calendar/deadlines.js';
import { createDb } from '../lib/db.js';
import { EngineClient } from '../lib/engine/client.js';
import { freePort } from '../lib/ports.js';
import { registeredCases, settlementFigures } from '../lib/repositories/tables.js';
import { readEntry } from '../test/processes/items/scenarios.js';
import { sampleApplication, uniqueCreditCode } from '../test/support/applications.js';
import { CaseDriver } from '../test/support/cases.js';
import { startFakeCreditPlatform } from '../test/support/credit-platform.js';
import { startFakeSmsGateway } from '../test/support/receiver.js';
import { isPortFree } from '../lib/ports.js';
import { benchArguments, exactlyOnce } from './cluster-check.js';

const { nodes: NODES, positional } = benchArguments();
const OUTAGE_S = Number(positional[0] ?? 120);
const IN_FLIGHT = 3;
const DEMO_KEY = 'spk_demo.shenpi-demo-platform-key';
const entry = readEntry('food-business-licence');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (line: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenpi-chaos-'));
fs.chmodSync(dataDir, 0o755);
/** a free port followed by NODES - 1 free ones (the cluster's nodes take consecutive ports) */
async function enginePort(): Promise<number> {
  for (;;) {
    const port = await freePort();
    const rest = await Promise.all(Array.from({ length: NODES - 1 }, (_unused, i) => isPortFree(port + 1 + i)));
    if (rest.every(Boolean) && port + NODES <= 65535) return port;
  }
}
const ports = { web: await freePort(), engine: await enginePort(), pg: await freePort() };
const platform = await startFakeCreditPlatform();
// the applicants' SMS notices (without a gateway they would wait in the outbox for ever)
const sms = await startFakeSmsGateway();
const web = `http://127.0.0.1:${ports.web}`;
const engineRests = Array.from({ length: NODES }, (_unused, i) => `http://127.0.0.1:${ports.engine + i}/engine-rest`);
const engineRest = engineRests[0]!;
const admin = new EngineClient(engineRests, { username: 'admin', password: 'shenpi-admin' });

say(`starting shenpi (web ${ports.web}, engine ${NODES > 1 ? `${NODES} nodes from ${ports.engine}` : ports.engine}, PostgreSQL ${ports.pg}, data ${dataDir})`);
const shenpi: ChildProcess = spawn(process.execPath, ['bin/bootstrap.mjs', 'start'], {
  cwd: PROJECT_ROOT, detached: true, stdio: ['ignore', fs.openSync(path.join(dataDir, 'shenpi.log'), 'a'), fs.openSync(path.join(dataDir, 'shenpi.log'), 'a')],
  env: {
    ...process.env, SHENPI_MODE: 'dev', SHENPI_DATA_DIR: dataDir, SHENPI_WEB_PORT: String(ports.web), SHENPI_ENGINE_PORT: String(ports.engine), SHENPI_PG_PORT: String(ports.pg),
    SHENPI_CREDIT_PLATFORM_URL: platform.url, SHENPI_PUBLICATION_URL: platform.publicationUrl, SHENPI_SUPERVISION_URL: platform.supervisionUrl, SHENPI_12345_URL: platform.hotlineUrl, SHENPI_SMS_URL: sms.url,
    SHENPI_OUTBOX_INTERVAL_MS: '500', SHENPI_OUTBOX_RETRY_MS: '1000', SHENPI_OUTBOX_RETRY_MAX_MS: '10000', SHENPI_WORKER_RETRY_TIMEOUT_MS: '2000', SHENPI_WORKER_RETRIES: '6',
    SHENPI_LOG_FORMAT: 'json', SHENPI_LOG_LEVEL: 'warn', SHENPI_ENGINE_NODES: String(NODES),
  },
});

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(1000);
  }
}
const healthy = async () => (await fetch(`${web}/health`)).status === 200;
await until('shenpi to be ready', healthy, 600_000);
say('ready');

/** the pid of a process of this run whose command line contains `marker` */
function pidOf(marker: string, environMarker?: string): number | undefined {
  for (const entryName of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entryName)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entryName}/cmdline`, 'utf8');
      const environ = fs.readFileSync(`/proc/${entryName}/environ`, 'utf8');
      if (cmdline.includes(marker) && environ.includes(`SHENPI_DATA_DIR=${dataDir}`) && (!environMarker || environ.includes(environMarker))) return Number(entryName);
    } catch { /* gone, or not ours */ }
  }
  return undefined;
}
function kill(what: string, marker: string, environMarker?: string): void {
  const pid = pidOf(marker, environMarker);
  if (!pid) return say(`✘ ${what} not found`);
  process.kill(pid, 'SIGKILL');
  say(`SIGKILL ${what} (pid ${pid})`);
}

/** Fast shutdown of the embedded PostgreSQL, then the same server started again with the same arguments, as its owner. */
async function restartPostgres(): Promise<void> {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const { uid, gid } = fs.statSync(path.join(dataDir, 'postgres'));
  process.kill(pid, 'SIGINT');
  await until('PostgreSQL to stop', async () => !fs.existsSync(pidFile), 60_000);
  say(`PostgreSQL stopped (pid ${pid}), starting it again`);
  spawn(args[0]!, args.slice(1), { uid, gid, detached: true, stdio: 'ignore' }).unref();
  await until('PostgreSQL to accept connections', async () => fs.existsSync(pidFile), 60_000);
}

// the load: online applications (the platform API) and cases completed by their clerks
const accepted = { online: [] as string[], driven: [] as string[], refused: 0, errors: 0 };
let completed = 0;
let loading = true;
async function onlineApplication(): Promise<void> {
  const response = await fetch(`${web}/api/v1/applications`, {
    method: 'POST', headers: { authorization: `Bearer ${DEMO_KEY}`, 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
    body: JSON.stringify({ itemKey: entry.key, application: sampleApplication(entry, { creditCode: uniqueCreditCode() }) }),
  });
  if (response.status === 201) accepted.online.push(((await response.json()) as { receiptNumber: string }).receiptNumber);
  else accepted.refused += 1;
}
async function drivenCase(): Promise<void> {
  const driver = new CaseDriver(admin, entry.key);
  // today: the engine's job executor runs, so a date in the past would fire every deadline timer at once
  const today = todayIn('+08:00');
  await driver.start({ itemKey: entry.key, receivedOn: today, clockDate: today, application: sampleApplication(entry, { creditCode: uniqueCreditCode() }) });
  accepted.driven.push(driver.businessKey);
  const timeout = 600_000;
  // the clerk waits for the task through every fault, and completes it again when a completion
  // was lost (the task is still there) until it is gone
  const step = async (task: string, variables: Record<string, unknown>) => {
    let seen = false;
    let failures = 0;
    await until(`${task} of ${driver.businessKey} completed`, async () => {
      const tasks = await driver.openTasks().catch((error: Error) => {
        failures += 1;
        if (failures % 10 === 1) say(`reading the tasks of ${driver.businessKey.slice(0, 13)}: ${error.message.slice(0, 160)}`);
        throw error;
      });
      const open = tasks.find((t) => t.taskDefinitionKey === task);
      if (!open) return seen;
      seen = true;
      await driver.completeTask(open, variables).catch((error: Error) => {
        failures += 1;
        if (failures % 10 === 1) say(`completing ${task} of ${driver.businessKey.slice(0, 13)}: ${error.message.slice(0, 160)}`);
      });
      return false;
    }, timeout);
  };
  await step('ReviewMaterialsTask', { acceptanceDecision: 'accept' });
  await step('ReviewTask', { reviewOpinion: '符合条件', reviewAction: 'submit' });
  if (entry.siteInspection) await step('SiteInspectionTask', { siteInspectionResult: '合格', siteInspectionOpinion: '一致' });
  await step('DecisionTask', { decision: 'grant', decisionContent: '预包装食品销售' });
  await step('HandOverTask', { receivedBy: '张建国' });
  completed += 1;
}
const lanes = Array.from({ length: IN_FLIGHT }, async (_unused, lane) => {
  while (loading) {
    try {
      await (lane === 0 ? onlineApplication() : drivenCase());
    } catch (error) {
      accepted.errors += 1;
      if (accepted.errors % 10 === 1) say(`load: ${(error as Error).message.slice(0, 160)}`);
      await sleep(1000);
    }
    if (lane === 0) await sleep(2000);
  }
});

// the faults
const outage = OUTAGE_S * 1000;
await sleep(15_000);
kill('workers', 'bin/workers.ts');
await sleep(15_000);
kill('web server', 'bin/web.ts');
await sleep(15_000);
if (NODES > 1) kill('engine node 1 (the load goes on through the others)', '-jar', `SHENPI_ENGINE_PORT=${ports.engine}\0`);
else kill('engine', '-jar');
await until('the engine back', async () => (await fetch(`${engineRest}/version`, { headers: { authorization: `Basic ${Buffer.from('admin:shenpi-admin').toString('base64')}` } })).status === 200, 300_000);
say('engine back');
say(`credit platform and 双公示 endpoint down for ${OUTAGE_S} s`);
platform.setDown(true);
await sleep(outage / 2);
kill('workers', 'bin/workers.ts');
await sleep(outage / 2);
platform.setDown(false);
say('platforms up again');
await restartPostgres();
await sleep(30_000);
loading = false;
say('load stopped; settling');
await Promise.race([Promise.all(lanes), sleep(300_000)]);

// settle: every driven case ended, every message delivered
const dbUrl = `postgres://shenpi:${encodeURIComponent(fs.readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim())}@127.0.0.1:${ports.pg}/shenpi`;
const db = createDb(dbUrl, 'shenpi');
// settled: no service task left to do, no message left to deliver
await until('the system to settle', async () => (await settlementFigures(db)).undelivered === 0 && (await admin.get<{ count: number }>('/external-task/count')).count === 0, 300_000)
  .catch((error: Error) => say(error.message));
const figures = await settlementFigures(db);
const registered = await registeredCases(db, { businessKeys: accepted.driven, receiptNumbers: accepted.online });
const incidents = (await admin.get<{ count: number }>('/incident/count')).count;
const twice = (map: Map<string, { deliveries: number }>) => [...map.values()].filter((stored) => stored.deliveries > 1).length;
const once = await exactlyOnce(admin, db, entry.key, accepted.driven, 'test-');
const rows: Array<[string, string | number]> = [
  ['cases accepted (online + at the desk)', `${accepted.online.length + accepted.driven.length} (${accepted.online.length} + ${accepted.driven.length})`],
  ['cases registered in the engine', registered],
  ['cases driven to the end by their clerks (licence, 双公示)', completed],
  ['driven cases ended exactly once (lost, duplicated, started unseen)', `${once.endedOnce} of ${once.started} (${once.lost}, ${once.duplicated}, ${once.strays})`],
  ['driven cases without their licence', once.licencesMissing],
  ['cases with a document of one kind twice', once.documentsTwice],
  ['duplicate licence numbers', figures.licencesTwice],
  ['cases with two licences', figures.casesWithTwoLicences],
  ['duplicate publications received (双公示)', twice(platform.publications)],
  ['duplicate credit pushes received', twice(platform.records)],
  ['duplicate 审管衔接 pushes received', twice(platform.supervision)],
  ['duplicate SMS notices received', twice(sms.messages)],
  ['messages still undelivered', figures.undelivered],
  ['incidents left', incidents],
];
console.log(`\nchaos ${new Date().toISOString().slice(0, 10)}${NODES > 1 ? ` (${NODES} engine nodes, node 1 SIGKILLed)` : ''}: outage ${OUTAGE_S} s, ${platform.publications.size} publications, ${platform.supervision.size} 审管衔接 pushes, ${platform.records.size} credit records and ${sms.messages.size} SMS notices received, ${accepted.refused} online applications refused, ${accepted.errors} load errors (retried)\n`);
console.log('| | |\n| --- | --- |');
for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);

await db.destroy();
process.kill(-shenpi.pid!, 'SIGINT');
await new Promise((resolve) => shenpi.once('exit', resolve));
await platform.close();
await sms.close();
// the PostgreSQL started again by this script is no child of shenpi's: stop it here
const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
if (fs.existsSync(pidFile)) process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
await sleep(3000);
spawnSync('rm', ['-rf', dataDir]);
process.exit(0);
