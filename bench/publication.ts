// 双公示 at province scale, against a real local HTTP server standing in for the credit
// platform (batch interface): 100,000 licence decisions written to the ledger and outbox (set-
// based, as a day's decisions), then pushed in batches and reconciled, against a naive
// one-request-per-record push of the same records in this run; then the decision-to-platform
// latency under a steady load (p50, p99).
//
//   npm run bench:publication [-- records=100000] [rate=200/s] [seconds=10]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../lib/config.js';
import { createDb, migrate } from '../lib/db.js';
import { createLogger } from '../lib/log.js';
import { freePort } from '../lib/ports.js';
import { startDatabase } from '../lib/postgres.js';
import { backoff, startDispatcher } from '../lib/outbox/dispatcher.js';
import { publicationDelivery } from '../lib/outbox/publication-platform.js';
import { buildLicenceRecord } from '../lib/publication/licence-record.js';
import { reconcile } from '../lib/publication/reconcile.js';
import { seedCatalogue } from '../lib/catalogue/seed.js';
import { latestVersion } from '../lib/repositories/catalogue.js';
import { dispatchBatch } from '../lib/repositories/outbox.js';
import { PUBLICATION_CHANNEL, publish, publishMany } from '../lib/repositories/publication.js';
import { EngineClient } from '../lib/engine/client.js';
import { startFakeCreditPlatform } from '../test/support/credit-platform.js';
import { uniqueCreditCode } from '../test/support/applications.js';
import { benchHeader, cpuByProgram, cpuSince, cpuTotal, goal } from './report.js';

const RECORDS = Number(process.argv[2] ?? 100_000);
const RATE = Number(process.argv[3] ?? 200);
const SECONDS = Number(process.argv[4] ?? 10);
/** the naive push is timed on the first records and scaled (its cost per record is constant: one request each) */
const NAIVE = Math.min(RECORDS, Number(process.env.SHENPI_BENCH_NAIVE ?? 5000));
const log = createLogger({ component: 'bench' });
process.env.SHENPI_LOG_LEVEL ??= 'warn';

const closing = benchHeader('双公示 (bench/publication.ts)');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenpi-bench-'));
fs.chmodSync(dataDir, 0o755);
const config = loadConfig({ ...process.env, SHENPI_DATA_DIR: dataDir, SHENPI_PG_PORT: String(await freePort()) });
const database = await startDatabase(config, log);
const db = createDb(database.url, config.appSchema);
const platform = await startFakeCreditPlatform();
try {
  await migrate(db, config.appSchema, config.engineSchema);
  await seedCatalogue(db);
  const entry = (await latestVersion(db, 'food-business-licence'))!.entry;
  const deliver = publicationDelivery(db, { url: platform.publicationUrl, token: undefined, timeoutMs: 30_000 });
  const retry = backoff(config.outbox);

  const licences = Array.from({ length: RECORDS }, (_v, i) => ({
    licence_number: `BENCH2026${String(i).padStart(6, '0')}`, business_key: `bench-${i}`, receipt_number: `SPBENCH${i}`, item_key: entry.key, item_version: 1,
    result_name: entry.result.name, holder_name: `呼和浩特市测试餐饮${i}号店`, holder_category: '法人及非法人组织', holder_code: uniqueCreditCode(),
    content: '预包装食品销售', decided_on: '2026-10-09', valid_from: '2026-10-09', valid_until: '2031-10-08', status: '有效',
  }));
  for (let i = 0; i < licences.length; i += 1000) await db('licence').insert(licences.slice(i, i + 1000));
  const records = licences.map((l) => ({ l, record: buildLicenceRecord({ entry, action: '准予', applicant: { name: l.holder_name, category: l.holder_category, creditCode: l.holder_code }, licence: { licenceNumber: l.licence_number, content: l.content, decidedOn: l.decided_on, validFrom: l.valid_from, validUntil: l.valid_until, status: l.status } }) }));
  console.log(`${RECORDS} 条许可决定已准备`);

  // naive: one request per record, in order
  let started = Date.now();
  for (const { record } of records.slice(0, NAIVE)) {
    const response = await fetch(platform.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
    if (!response.ok) throw new Error(`naive push failed: ${response.status}`);
  }
  const naiveSeconds = ((Date.now() - started) / 1000) * (RECORDS / NAIVE);
  console.log(`逐条推送 (每条一个请求): ${naiveSeconds.toFixed(1)} s${NAIVE < RECORDS ? ` (按 ${NAIVE} 条外推)` : ''}`);

  // shenpi: the ledger + outbox rows as the day's decisions write them (set-based), then the
  // batched delivery and the reconciliation, which is the seeds' figure
  started = Date.now();
  const cpuAtStart = cpuByProgram();
  await publishMany(db, records.map(({ l, record }) => ({ licenceNumber: l.licence_number, businessKey: l.business_key, itemKey: l.item_key, action: '准予' as const, record, decisionDate: l.decided_on })));
  const publishedAt = Date.now();
  const cpuAtPush = cpuByProgram();
  // the dispatchers as they run in production (SHENPI_PUBLICATION_DISPATCHERS), draining the backlog
  const round = () => dispatchBatch(db, PUBLICATION_CHANNEL, config.outbox.publicationBatchSize, deliver, retry);
  const drainers = Array.from({ length: config.outbox.publicationDispatchers }, () => startDispatcher(PUBLICATION_CHANNEL, round, { ...config.outbox, batchSize: config.outbox.publicationBatchSize, intervalMs: 3_600_000 }, log));
  await Promise.all(drainers.map((dispatcher) => dispatcher.drain()));
  await Promise.all(drainers.map((dispatcher) => dispatcher.stop()));
  const deliveredAt = Date.now();
  const report = await reconcile(db, new EngineClient('http://unused', config.admin), { repair: false, decisions: 'licences' });
  const done = Date.now();
  const cpuAtEnd = cpuByProgram();
  const batch = (done - publishedAt) / 1000;
  const stored = [...platform.publications.keys()].filter((key) => key.startsWith('BENCH')).length;
  const perThousand = (batch * 1000) / RECORDS;
  console.log(`shenpi: 批量推送 ${((deliveredAt - publishedAt) / 1000).toFixed(1)} s (${config.outbox.publicationDispatchers} 个投递器, 每批 ${config.outbox.publicationBatchSize} 条) + 台账比对 ${((done - deliveredAt) / 1000).toFixed(1)} s = ${goal(`${batch.toFixed(1)} s`, `${RECORDS} 条 < 10 s`, batch < 10 * RECORDS / 100_000)}; 种子材料 2,772 条 20 s`);
  console.log(`  平台收到 ${stored} 条 (应为 ${RECORDS}, 每条一次), 比对不一致 ${report.mismatches.length} 条 ${stored === RECORDS && report.mismatches.length === 0 ? '✔' : '✘'}`);
  console.log(`  ${goal(`逐条推送/shenpi = ${(naiveSeconds / batch).toFixed(1)}×`, '≥ 5×', naiveSeconds / batch >= 5)} (每千条 ${perThousand.toFixed(2)} s)`);
  console.log(`  推送与比对所用 CPU: ${cpuSince(cpuAtPush, cpuAtEnd)} (本机 ${os.cpus().length} 核; 与他人共用时, 用时可大于此)`);
  const pushCpu = cpuTotal(cpuAtPush, cpuAtEnd);
  console.log(`瓶颈 (实测): 推送与比对共 ${pushCpu.toFixed(1)} CPU 秒, ${os.cpus().length} 核全归本基准时至少 ${(pushCpu / os.cpus().length).toFixed(1)} s; 实测 ${batch.toFixed(1)} s`);
  console.log(`  (另: 决定时写入台账与发件箱 ${RECORDS} 条共 ${((publishedAt - started) / 1000).toFixed(1)} s, 即每条 ${((publishedAt - started) / RECORDS).toFixed(3)} ms; CPU: ${cpuSince(cpuAtStart, cpuAtPush)})`);

  // latency under a steady load, with the dispatcher as it runs in production (interval below)
  const interval = Number(process.env.SHENPI_OUTBOX_INTERVAL_MS ?? 500);
  const dispatcher = startDispatcher(PUBLICATION_CHANNEL, round, { ...config.outbox, batchSize: config.outbox.publicationBatchSize, intervalMs: interval }, log);
  const sent = new Map<string, number>();
  const count = RATE * SECONDS;
  const load = Array.from({ length: count }, (_v, i) => ({ ...records[i % records.length]!.record, licenceNumber: `LOAD2026${String(i).padStart(6, '0')}` }));
  started = Date.now();
  for (let i = 0; i < count; i += 1) {
    const due = started + (i * 1000) / RATE;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    const record = load[i]!;
    sent.set(`${record.licenceNumber}#1`, Date.now());
    await publish(db, { licenceNumber: record.licenceNumber, businessKey: `load-${i}`, itemKey: entry.key, action: '准予', record, decisionDate: '2026-10-09' });
  }
  while ([...sent.keys()].some((key) => !platform.publications.has(key))) await new Promise((resolve) => setTimeout(resolve, 50));
  await dispatcher.stop();
  const latencies = [...sent].map(([key, at]) => platform.publications.get(key)!.receivedAt - at).sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  console.log(`稳定负载 ${RATE} 条/s × ${SECONDS} s (投递间隔 ${interval} ms): 决定到平台 p50 ${pct(50)} ms, ${goal(`p99 ${pct(99)} ms`, 'p99 < 5 s', pct(99) < 5000)}`);
} finally {
  closing();
  await db.destroy();
  await platform.close();
  await database.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
