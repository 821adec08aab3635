// A bureau's open work: N open tasks (100,000) over 10 sections, loaded THROUGH THE ENGINE (a
// bench-only process whose user task is a parallel multi-instance of 1,000 per start, each task
// with its candidate section, due and follow-up date and the task-local case columns set by the
// same create listeners the item processes use: lib/bpmn/builder.ts TASK_LIST_COLUMNS), a few
// hundred of one section's tasks claimed by its clerk. Then, as that clerk logged in to the
// 工作台 (session cookie, authorization on), the 工作台's own requests: 本科室待办 (first page by
// due date, with the filter's count) and 我的待办, p50/p95/p99; and the engine's own REST filter
// query (page and count, the clerk's Basic auth) as the baseline, all taken in turn.
//
//   npm run bench:open-tasks [-- tasks=100000] [requests=200] [claimed=300]
import { DEPARTMENT_GROUPS } from '../lib/engine/directory.js';
import type { EngineClient } from '../lib/engine/client.js';
import { DEMO_PASSWORD } from '../test/support/cases.js';
import { deployOpenTasks, OPEN_TASKS_PROCESS, startOpenTasks } from '../test/support/open-tasks.js';
import { stopSystem, useSystem } from '../test/support/system.js';
import { webBase, webSession } from '../test/support/web.js';
import { benchHeader, cpuByProgram, cpuSince, goal, percentile, seconds } from './report.js';

const arg = (name: string, fallback: number): number => Number(process.argv.slice(2).find((a) => a.startsWith(`${name}=`))?.split('=')[1] ?? fallback);
const TASKS = arg('tasks', 100_000);
const REQUESTS = arg('requests', 200);
const CLAIMED = arg('claimed', 300);
const PER_START = 1000;
const SECTIONS = DEPARTMENT_GROUPS.slice(0, 10);
const CLERK = 'market1';
const CLERK_SECTION = 'marketReview';
const PAGE = 50;
const ITEMS = ['食品经营许可', '建设工程规划许可证核发', '公共场所卫生许可', '城镇污水排入排水管网许可', '互联网上网服务营业场所信息网络安全审核', '人力资源服务许可'];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];

async function load(admin: EngineClient, total: number): Promise<void> {
  await deployOpenTasks(admin);
  const starts = Math.ceil(total / PER_START);
  const now = Date.now();
  let next = 0;
  let done = 0;
  const startOne = async (n: number) => {
    const count = Math.min(PER_START, total - n * PER_START);
    // dues spread over 35 days, from 5 days overdue (红牌) on
    const tasks = Array.from({ length: count }, (_, i) => {
      const serial = n * PER_START + i;
      return { receiptNumber: `BENCH2026${String(serial).padStart(7, '0')}`, applicantName: `${SURNAMES[serial % SURNAMES.length]}某某${serial % 997}有限公司`, due: new Date(now + (((serial * 7919) % (35 * 24 * 60)) - 5 * 24 * 60) * 60_000) };
    });
    await startOpenTasks(admin, `bench-open-${n}`, SECTIONS[n % SECTIONS.length]!, ITEMS[n % ITEMS.length]!, tasks);
    done += count;
  };
  const started = Date.now();
  let last = started;
  await Promise.all(Array.from({ length: 2 }, async () => {
    while (next < starts) {
      const n = next;
      next += 1;
      await startOne(n);
      if (Date.now() - last > 15_000) {
        last = Date.now();
        console.log(`  … ${done} 件, ${seconds(Date.now() - started)}`);
      }
    }
  }));
}

/** `count` of the section's open tasks claimed by the clerk (through the engine, as the clerk). */
async function claim(admin: EngineClient, count: number): Promise<void> {
  const tasks = await admin.get<Array<{ id: string }>>(`/task?processDefinitionKey=${OPEN_TASKS_PROCESS}&candidateGroup=${CLERK_SECTION}&sortBy=dueDate&sortOrder=desc&maxResults=${count}`);
  const clerk = admin.as({ username: CLERK, password: DEMO_PASSWORD });
  for (const task of tasks) await clerk.post(`/task/${task.id}/claim`, { userId: CLERK });
}

interface Timing { name: string; first: number; p50: number; p95: number; p99: number }

/**
 * p50/p95/p99 of each call, `requests` times, the calls taken in turn (one of each per round, so
 * that every kind sees the same load of a shared machine), after 10 rounds of warm-up; and each
 * call's first time (the 工作台's count not kept yet).
 */
async function timings(requests: number, calls: Array<[string, () => Promise<unknown>]>): Promise<Timing[]> {
  const times = calls.map(() => [] as number[]);
  const first: number[] = [];
  for (let round = -10; round < requests; round += 1) {
    for (const [i, [, call]] of calls.entries()) {
      const started = performance.now();
      await call();
      const ms = performance.now() - started;
      if (round === -10) first[i] = Math.round(ms);
      if (round >= 0) times[i]!.push(ms);
    }
  }
  return calls.map(([name], i) => ({ name, first: first[i]!, p50: Math.round(percentile(times[i]!, 50)), p95: Math.round(percentile(times[i]!, 95)), p99: Math.round(percentile(times[i]!, 99)) }));
}

async function ok(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return response.json();
}

process.env.SHENPI_LOG_LEVEL ??= 'warn';
const closing = benchHeader(`工作台待办: ${TASKS} 件在办任务, 10 个科室 (bench/open-tasks.ts)`);
const system = await useSystem();
try {
  let cpu = cpuByProgram();
  // SHENPI_TEST_DATA_DIR kept from an earlier run with its tasks: measured again, not loaded again
  const loaded = (await system.admin.get<{ count: number }>(`/task/count?processDefinitionKey=${OPEN_TASKS_PROCESS}`)).count;
  if (loaded) {
    console.log(`已有 ${loaded} 件任务 (SHENPI_TEST_DATA_DIR 中上次加载的), 不再加载`);
  } else {
    let started = Date.now();
    await load(system.admin, TASKS);
    const loadMs = Date.now() - started;
    console.log(`经引擎加载 ${TASKS} 件任务: ${seconds(loadMs)}, ${(TASKS / (loadMs / 1000)).toFixed(0)} 件/s; CPU: ${cpuSince(cpu)}`);
    started = Date.now();
    await claim(system.admin, CLAIMED);
    console.log(`${CLERK} 认领 ${CLAIMED} 件: ${seconds(Date.now() - started)}`);
  }
  await system.db.raw('analyze');

  const web = webBase(system);
  const session = (await webSession(system, CLERK)).headers;
  const get = (path: string) => fetch(web + path, { headers: { ...session, 'x-requested-with': 'XMLHttpRequest' } }).then(ok);
  const engine = `http://${system.config.engine.host}:${system.config.engine.port}/engine-rest`;
  const basic = 'Basic ' + Buffer.from(`${CLERK}:${DEMO_PASSWORD}`).toString('base64');
  const asClerk = (path: string, init: RequestInit = {}) => fetch(engine + path, { ...init, headers: { authorization: basic, accept: 'application/json', 'content-type': 'application/json', ...init.headers } }).then(ok);
  // the filters' ids from the engine: the 工作台's /filters would count them all first (and keep the counts)
  const filters = (await asClerk('/filter?resourceType=Task')) as Array<{ id: string; name: string }>;
  const section = filters.find((filter) => filter.name === '本科室待办')!;
  const mine = filters.find((filter) => filter.name === '我的待办')!;
  const enginePage = (id: string) => () => asClerk(`/filter/${id}/list?firstResult=0&maxResults=${PAGE}`, { method: 'POST', body: '{}', headers: { accept: 'application/hal+json' } });
  const engineCount = (id: string) => () => asClerk(`/filter/${id}/count`);
  const page = (id: string) => () => get(`/api/workbench/filters/${id}/tasks?page=1&size=${PAGE}`);
  cpu = cpuByProgram();
  const results = await timings(REQUESTS, [
    ['工作台: 本科室待办 第一页 (含总数)', page(section.id)],
    ['工作台: 我的待办 第一页 (含总数)', page(mine.id)],
    ['工作台: 筛选列表及计数 (/filters)', () => get('/api/workbench/filters')],
    ['引擎 REST: 本科室待办 一页 (基线)', enginePage(section.id)],
    ['引擎 REST: 本科室待办 计数 (基线)', engineCount(section.id)],
    ['引擎 REST: 我的待办 一页 + 计数 (基线)', () => Promise.all([enginePage(mine.id)(), engineCount(mine.id)()])],
  ]);
  console.log(`测量 CPU: ${cpuSince(cpu)}`);
  console.log(`\n| 请求 (${CLERK}, 授权检查开启, 每项 ${REQUESTS} 次, 轮流) | 首次 ms | p50 ms | p95 ms | p99 ms |\n| --- | --- | --- | --- | --- |`);
  for (const result of results) console.log(`| ${result.name} | ${result.first} | ${result.p50} | ${result.p95} | ${result.p99} |`);
  const [sectionPage, minePage] = results as [{ p95: number }, { p95: number }, ...unknown[]];
  const counted = (await get('/api/workbench/filters')) as Array<{ name: string; count: number }>;
  console.log(`\n${CLERK} 的筛选: ${counted.map((filter) => `${filter.name} ${filter.count}`).join(', ')}`);
  console.log(`${goal(`本科室待办 p95 ${sectionPage.p95} ms`, '< 200 ms', sectionPage.p95 < 200)}, ${goal(`我的待办 p95 ${minePage.p95} ms`, '< 100 ms', minePage.p95 < 100)}`);
  if (process.env.BENCH_HOLD) {
    console.log(`保持运行 (BENCH_HOLD): PostgreSQL ${system.database.url}, 引擎 ${engine}; Ctrl-C 结束`);
    await new Promise((resolve) => { process.once('SIGINT', resolve); process.once('SIGTERM', resolve); });
  }
} finally {
  closing();
  await stopSystem();
}
