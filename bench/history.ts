// Ten years of history: N ended cases in the engine's history tables and shenpi's register
// (bench/history-generate.ts copies a few real cases the engine ran to their end), then, as staff
// in the 工作台 (a session, as the browser), the case record page's API for old and recent cases
// and 办件查询 by 受理编号, 申请人 and 事项: p50/p95/p99. Then the history clean-up: a day's worth of
// cases (and ten days' worth) past their removal time, the engine's clean-up job triggered over
// REST, the office's requests timed during it against before it, and exactly those cases gone.
//
//   npm run bench:history [-- cases=1000000] [requests=200] [limit=600 (s, per clean-up)]
import { todayIn } from '../lib/calendar/deadlines.js';
import { CaseHistory } from '../lib/cases/history.js';
import { readEntry } from '../test/processes/items/scenarios.js';
import { sampleApplication } from '../test/support/applications.js';
import { CaseDriver, DECIDER, MEMBER } from '../test/support/cases.js';
import { stopSystem, useSystem } from '../test/support/system.js';
import { webBase, webSession } from '../test/support/web.js';
import { generateCases, HISTORY_TABLES, tableSizes, type Template } from './history-generate.js';
import { benchHeader, cpuByProgram, cpuSince, goal, percentile, seconds } from './report.js';

const arg = (name: string, fallback: number) => Number(process.argv.slice(2).find((a) => a.startsWith(`${name}=`))?.split('=')[1] ?? fallback);
const CASES = arg('cases', 10_000);
const REQUESTS = arg('requests', 200);
const TEMPLATES = 3;
/** how long the bench waits for a clean-up */
const LIMIT_MS = arg('limit', 600) * 1000;
const entry = readEntry('food-business-licence');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

process.env.SHENPI_LOG_LEVEL ??= 'warn';
const closing = benchHeader('十年历史: 100 万件已办结办件 (bench/history.ts)');
const system = await useSystem({ SHENPI_JOB_EXECUTOR: 'true' });
const { admin, db, config } = system;
const e = (table: string) => `${config.engineSchema}.${table}`;
const ttlDays = Number(/^P(\d+)D$/.exec(config.engine.historyTtl)![1]);

/** One real case from 受理 to 出件 through the engine and the workers, as the clerks do it. */
async function realCase(i: number): Promise<Template> {
  const today = todayIn(config.deadlines.utcOffset);
  const driver = await new CaseDriver(admin, entry.key, `history-template-${i}-${Date.now()}`).start({ receivedOn: today, clockDate: today, application: sampleApplication(entry) });
  await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
  await driver.complete('ReviewTask', MEMBER[entry.reviewGroup]!, { reviewOpinion: '材料齐全, 符合条件, 建议准予', reviewAction: 'submit' });
  if (entry.siteInspection) await driver.complete('SiteInspectionTask', MEMBER[entry.reviewGroup]!, { siteInspectionResult: '合格', siteInspectionOpinion: '现场与申请一致' });
  await driver.complete('DecisionTask', DECIDER[entry.reviewGroup]!, { decision: 'grant', decisionContent: '预包装食品销售, 热食类食品制售' });
  await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
  await driver.waitForEnd(120_000);
  return { rootId: driver.processInstanceId, businessKey: driver.businessKey };
}

type Session = Awaited<ReturnType<typeof webSession>>;
/** One GET as the user of the session, in ms; anything but 200 stops the bench. */
async function timedGet(session: Session, path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${webBase(system)}${path}`, { headers: { ...session.headers, 'x-requested-with': 'test' } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return performance.now() - started;
}

const pick = async <T>(sql: string, bindings: readonly import('knex').Knex.RawBinding[] = []): Promise<T[]> => (await db.raw(sql, bindings)).rows as T[];
/** receipt numbers of random generated cases among the g in [from, to] (g = 1 the newest) */
const receipts = (from: number, to: number, n: number) => pick<{ receipt_number: string }>(
  'select receipt_number from history_bench_case where g between ? and ? and expired_in is null order by random() limit ?', [from, to, n]).then((rows) => rows.map((r) => r.receipt_number));

const figures = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) });
const row = (label: string, values: number[], target = 100) => {
  const { p50, p95, p99 } = figures(values);
  return `| ${label} | ${values.length} | ${p50.toFixed(0)} | ${goal(p95.toFixed(0), `< ${target} ms`, p95 < target)} | ${p99.toFixed(0)} |`;
};

async function series(session: Session, paths: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const path of paths) times.push(await timedGet(session, path));
  return times;
}

try {
  console.log(`模板: ${TEMPLATES} 件真实办件经引擎办结 (${entry.name}) …`);
  let started = Date.now();
  const templates: Template[] = [];
  for (let i = 0; i < TEMPLATES; i += 1) templates.push(await realCase(i));
  // what the workers write after the end (文书, 双公示) has arrived
  for (let waited = 0; waited < 30; waited += 1) {
    const open = await pick<{ n: string }>('select count(*) as n from case_record where business_key = any(?) and outcome is null', [templates.map((t) => t.businessKey)]);
    if (Number(open[0]!.n) === 0) break;
    await sleep(1000);
  }
  await sleep(3000);
  const [removal] = await pick<{ days: string }>(`select extract(epoch from removal_time_ - end_time_) / 86400 as days from ${e('act_hi_procinst')} where id_ = ?`, [templates[0]!.rootId]);
  console.log(`  用时 ${seconds(Date.now() - started)}; 引擎设定的清除时间 = 结束 + ${Number(removal?.days).toFixed(0)} 天 (SHENPI_HISTORY_TTL ${config.engine.historyTtl})`);
  const perCase = await pick<{ table: string; n: string }>(HISTORY_TABLES.map((t) => `select '${t}' as table, count(*) as n from ${e(t)} where root_proc_inst_id_ = any(?)`).join(' union all '), HISTORY_TABLES.map(() => templates.map((t) => t.rootId)));
  console.log(`  每件历史行数: ${perCase.filter((r) => Number(r.n) > 0).map((r) => `${r.table} ${(Number(r.n) / TEMPLATES).toFixed(0)}`).join(', ')}`);

  console.log(`批量生成 ${CASES} 件 (SQL, 十年) …`);
  started = Date.now();
  const cpu = cpuByProgram();
  const took = await generateCases(db, config.engineSchema, templates, CASES, ttlDays);
  const generation = Date.now() - started;
  console.log(`  用时 ${seconds(generation)} (${(CASES / (generation / 1000)).toFixed(0)} 件/s); CPU: ${cpuSince(cpu)}`);
  console.log(`  ${[...took].map(([table, ms]) => `${table} ${seconds(ms)}`).join(', ')}`);
  console.log('\n| 表 | 行数 | 大小 (含索引) |\n| --- | --- | --- |');
  for (const size of await tableSizes(db, config.engineSchema, config.appSchema)) console.log(`| ${size.table} | ${size.rows} | ${size.size} |`);

  const window = await webSession(system, 'window1');
  const clerk = await webSession(system, MEMBER[entry.reviewGroup]!);
  const tenth = Math.max(1, Math.floor(CASES / 10));
  const old = await receipts(CASES - tenth, CASES, REQUESTS);
  const recent = await receipts(1, tenth, REQUESTS);
  const names = (await pick<{ applicant_name: string }>('select applicant_name from history_bench_case order by random() limit ?', [REQUESTS])).map((r) => r.applicant_name);
  // part of a name: the name's word and trade, e.g. 青城餐饮管理
  const fragments = names.map((name) => name.replace(/^.+?市/, '').replace(/(有限公司|有限责任公司|个体工商户)$/, ''));
  const items = (await pick<{ name: string }>('select name from catalogue_item order by random() limit ?', [REQUESTS])).map((r) => r.name);
  const casePage = (list: string[]) => list.map((receipt) => `/api/cases/${receipt}`);
  const query = (list: string[]) => list.map((q) => `/api/case-query?q=${encodeURIComponent(q)}`);
  await series(window, casePage(recent.slice(0, 20)));
  await series(window, query(names.slice(0, 20)));
  console.log(`\n办件页与办件查询 (${CASES} 件已办结; 每项 ${REQUESTS} 次, 依次, 工作台会话):\n`);
  console.log('| 请求 | 次数 | p50 ms | p95 ms | p99 ms |\n| --- | --- | --- | --- | --- |');
  console.log(row('办件页 /api/cases/<受理编号>, 最近一年的办件 (综合窗口)', await series(window, casePage(recent))));
  const oldPages = await series(window, casePage(old));
  console.log(row('办件页, 九至十年前的办件 (综合窗口)', oldPages));
  console.log(row(`办件页, 九至十年前的办件 (经办科室 ${MEMBER[entry.reviewGroup]})`, await series(clerk, casePage(old))));
  // what bounds the page: its reads of the engine's history alone (the same reads, as admin)
  const engineReads: number[] = [];
  let calls = 0;
  let details = 0;
  for (const receipt of old.slice(0, 50)) {
    const [found] = await pick<{ business_key: string }>('select business_key from case_record where receipt_number = ?', [receipt]);
    const history = new CaseHistory(system.admin, found!.business_key);
    const started = performance.now();
    const [instances, , , written] = await Promise.all([history.instances(), history.activities(), history.completedBy(), history.written()]);
    engineReads.push(performance.now() - started);
    calls += 1 + 3 * instances.length;
    details += written.length;
  }
  console.log(`瓶颈 (实测): 办件页 p50 ${percentile(oldPages, 50).toFixed(0)} ms 中, 仅读引擎历史 (每件 ${(calls / 50).toFixed(0)} 次 REST, ${(details / 50).toFixed(0)} 条变量明细) p50 ${percentile(engineReads, 50).toFixed(0)} ms, p95 ${percentile(engineReads, 95).toFixed(0)} ms`);
  console.log(row('办件查询 按受理编号', await series(window, query(old))));
  console.log(row('办件查询 按申请人全名', await series(window, query(names))));
  console.log(row('办件查询 按申请人名称的一部分 (如 青城餐饮管理)', await series(window, query(fragments))));
  console.log(row('办件查询 按事项名称', await series(window, query(items))));
  console.log(row(`办件查询 按申请人全名 (经办科室 ${MEMBER[entry.reviewGroup]})`, await series(clerk, query(names))));

  // the clean-up: a day's worth, then ten days' worth
  const cleanup = await admin.get<Record<string, unknown>>('/history/cleanup/configuration');
  console.log(`\n历史清除 (引擎配置: ${JSON.stringify(cleanup)}; SHENPI_HISTORY_CLEANUP_BATCH_SIZE ${config.engine.historyCleanup.batchSize}, SHENPI_HISTORY_CLEANUP_PARALLELISM ${config.engine.historyCleanup.parallelism})`);
  // a day of a city's million cases in ten years is 274 cases; then ten days' worth
  const perDay = Math.round(1_000_000 / ttlDays);
  for (const [round, days] of [[1, 1], [2, 10]] as const) {
    // ten days' worth only where N has it (a quarter of N at most)
    const { expired, rows } = await expire(round, Math.min(perDay * days, Math.floor(CASES / 4)));
    const before = await officeLoad(window, async () => false, REQUESTS);
    const procinstBefore = await count('act_hi_procinst');
    const registerBefore = await pick<{ n: string }>('select count(*) as n from case_record');
    started = Date.now();
    await admin.post('/history/cleanup?immediatelyDue=true', {});
    // every table's rows of the expired cases (the only rows past their removal time, read by the
    // engine's removal-time indexes): the job deletes up to a batch of rows per table and runs again
    const remaining = async () => Number((await pick<{ n: string }>(`select count(*) as n from (${HISTORY_TABLES.map((t) => `(select 1 from ${e(t)} where removal_time_ <= (select min(end_time_) from ${e('act_hi_procinst')} where id_ = ?) limit 1)`).join(' union all ')}) found`, HISTORY_TABLES.map(() => templates[0]!.rootId)))[0]!.n);
    let done = 0;
    // watched every second beside the office's requests, not between them
    const watching = (async () => {
      while (!done && Date.now() - started < LIMIT_MS) {
        if (await remaining() === 0) done = Date.now() - started;
        else await sleep(1000);
      }
    })();
    const during = await officeLoad(window, async () => Boolean(done) || Date.now() - started >= LIMIT_MS, 0);
    await watching;
    const left = await pick<{ n: string }>(HISTORY_TABLES.map((t) => `select count(*) as n from ${e(t)} where root_proc_inst_id_ in (select new_root from history_bench_case where expired_in = ${round})`).join(' union all '));
    const leftRows = left.reduce((sum, r) => sum + Number(r.n), 0);
    const procinstAfter = await count('act_hi_procinst');
    const perInstance = rows.procinst / expired;
    const exact = leftRows === 0 && procinstBefore - procinstAfter === rows.procinst;
    const registerAfter = await pick<{ n: string }>('select count(*) as n from case_record');
    const [b, d] = [figures(before), figures(during)];
    console.log(`\n${expired} 件到期 (100 万件十年时 ${(expired / perDay).toFixed(1)} 天的量) (${rows.all} 行历史, 每件 ${perInstance.toFixed(0)} 个流程实例); ${done ? `清除用时 ${seconds(done)} (触发到最后一行删除)` : `${seconds(LIMIT_MS)} 内未清除完`}`);
    console.log(`  ${goal(`到期的办件全部删除, 其余不动: 剩余 ${leftRows} 行, 流程实例 ${procinstBefore} → ${procinstAfter}`, `恰好少 ${rows.procinst}`, exact)}; 办件登记 (shenpi) ${registerBefore[0]!.n} → ${registerAfter[0]!.n} 保留`);
    console.log(`  办公请求 (办件页 + 办件查询交替): 清除前 ${before.length} 次 p50 ${b.p50.toFixed(0)} / p95 ${b.p95.toFixed(0)} ms; 清除期间 ${during.length} 次 p50 ${d.p50.toFixed(0)} / p95 ${d.p95.toFixed(0)} / 最大 ${Math.max(...during).toFixed(0)} ms; ${goal(`p95 比值 ${(d.p95 / b.p95).toFixed(2)}`, '≤ 2', d.p95 / b.p95 <= 2)}`);
  }

  /** Makes the oldest `cases` still-kept cases past their removal time, as the calendar would. */
  async function expire(round: number, cases: number): Promise<{ expired: number; rows: { procinst: number; all: number } }> {
    await db.raw(`update history_bench_case set expired_in = ? where g in (select g from history_bench_case where expired_in is null order by ended_at limit ?)`, [round, cases]);
    // moved back so that the last of them is due when the templates ended (the engine's now has passed it)
    const [back] = await pick<{ s: number }>(`select extract(epoch from max(p.removal_time_) - (select min(end_time_) from ${e('act_hi_procinst')} where id_ = any(?))) as s
      from ${e('act_hi_procinst')} p where p.id_ in (select new_root from history_bench_case where expired_in = ?)`, [templates.map((t) => t.rootId), round]);
    let all = 0;
    let procinst = 0;
    for (const table of HISTORY_TABLES) {
      const changed = await db.raw(`update ${e(table)} set removal_time_ = removal_time_ - ? * interval '1 second' where root_proc_inst_id_ in (select new_root from history_bench_case where expired_in = ?)`, [Number(back?.s ?? 0), round]);
      all += changed.rowCount ?? 0;
      if (table === 'act_hi_procinst') procinst = changed.rowCount ?? 0;
    }
    const [found] = await pick<{ n: string }>('select count(*) as n from history_bench_case where expired_in = ?', [round]);
    return { expired: Number(found!.n), rows: { procinst, all } };
  }

  /** The office at work: case pages and queries, one after the other, `n` of them or until `stop`. */
  async function officeLoad(session: Session, stop: () => Promise<boolean>, n: number): Promise<number[]> {
    const times: number[] = [];
    const pages = casePage(await receipts(1, CASES, 400));
    const queries = query(names);
    for (let i = 0; n ? i < n : !(await stop()); i += 1) {
      times.push(await timedGet(session, i % 2 ? pages[i % pages.length]! : queries[i % queries.length]!));
    }
    return times;
  }

  async function count(table: string): Promise<number> {
    return Number((await pick<{ n: string }>(`select count(*) as n from ${e(table)}`))[0]!.n);
  }
} finally {
  closing();
  await stopSystem();
}
