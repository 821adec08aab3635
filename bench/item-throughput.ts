// Capacity and latency of the item pipeline: cases per second through a seeded 承诺件 (食品经营许可:
// 受理 → 审查 → 现场勘验 → 决定 → 制证 → 出件), every human task completed over REST as its clerk,
// with enough cases in flight to keep the CPUs busy, against the same BPMN without its service
// tasks (what the engine alone can do); then, at half of the measured capacity (cases started at
// a steady rate), the clerk's wait: from a clerk completing a task (the request sent) to the next
// human task of the case existing in the engine (its own creation time), every service step
// between included. The clerks see their tasks through one shared poller (bench/task-feed.ts).
//
//   npm run bench [-- cases=120] [in-flight=24] [half-capacity cases=60]
import { BLOCKS } from '../lib/bpmn/blocks.js';
import { itemProcess } from '../lib/bpmn/item-process.js';
import os from 'node:os';
import { toVariables, type EngineClient } from '../lib/engine/client.js';
import { readEntry } from '../test/processes/items/scenarios.js';
import { sampleApplication } from '../test/support/applications.js';
import { DECIDER, DEMO_PASSWORD, MEMBER } from '../test/support/cases.js';
import { stopSystem, useSystem } from '../test/support/system.js';
import { deployBaselines } from './baseline.js';
import { benchHeader, cpuByProgram, cpuSince, cpuTotal, goal, percentile } from './report.js';
import { TaskFeed } from './task-feed.js';

const CASES = Number(process.argv[2] ?? 120);
const CONCURRENCY = Number(process.argv[3] ?? 24);
const HALF_CASES = Number(process.argv[4] ?? 60);
const PREFIX = 'bench-item-';
const SUFFIX = '-baseline';
const entry = readEntry('food-business-licence');

/** What the service tasks would have set, so that the baseline's gateways and timers work. */
const BASELINE_VARIABLES = {
  applicationValid: true, acceptancePath: 'complete', acceptanceMode: 'standard', commitmentPending: false, inspectionMode: '现场勘验', acceptanceOutcome: 'accepted', acceptedOn: '2026-09-30', receivedOn: '2026-09-30', itemVersion: 1,
  noticeDueAt: '2026-10-13T23:59:59+08:00', noticeWarningAt: '2026-10-13T00:00:00+08:00', decisionDueAt: '2026-10-10T23:59:59+08:00', decisionWarningAt: '2026-10-10T00:00:00+08:00',
  siteInspection: entry.siteInspection, majorDecision: entry.majorDecision, reviewGroup: entry.reviewGroup, deliveryMethod: '窗口领取', promisedTimeLimit: entry.promisedTimeLimit,
};

let counter = 0;

/** One case from 受理 to its end; the clerk's waits (ms) pushed to `waits` when given. */
async function runCase(admin: EngineClient, feed: TaskFeed, processKey: string, baseline: boolean, waits?: number[]): Promise<void> {
  const businessKey = `${PREFIX}${counter++}`;
  let sent = Date.now();
  const instance = await admin.post<{ id: string }>(`/process-definition/key/${processKey}/start`, {
    businessKey, variables: toVariables({ itemKey: entry.key, receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry), ...(baseline ? BASELINE_VARIABLES : {}) }),
  });
  const step = async (taskDefinitionKey: string, user: string, variables: Record<string, unknown>) => {
    const task = await feed.next(businessKey, taskDefinitionKey);
    waits?.push(Date.parse(task.created) - sent);
    sent = Date.now();
    await admin.as({ username: user, password: DEMO_PASSWORD }).post(`/task/${task.id}/complete`, { variables: toVariables(variables) });
  };
  await step('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
  await step('ReviewTask', MEMBER[entry.reviewGroup]!, { reviewOpinion: '符合条件', reviewAction: 'submit' });
  if (entry.siteInspection) await step('SiteInspectionTask', MEMBER[entry.reviewGroup]!, { siteInspectionResult: '合格', siteInspectionOpinion: '一致' });
  await step('DecisionTask', DECIDER[entry.reviewGroup]!, { decision: 'grant', decisionContent: '预包装食品销售' });
  await step('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
  await feed.end(instance.id);
}

/** Cases per second with `inFlight` cases at a time (closed loop: a case ends, the next starts). */
async function capacity(admin: EngineClient, feed: TaskFeed, processKey: string, baseline: boolean, cases: number, inFlight: number): Promise<number> {
  const started = Date.now();
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(inFlight, cases) }, async () => {
    while (next < cases) {
      next += 1;
      await runCase(admin, feed, processKey, baseline);
    }
  }));
  return cases / ((Date.now() - started) / 1000);
}

/** The clerk's waits with cases started at a steady `rate` per second (open loop). */
async function latency(admin: EngineClient, feed: TaskFeed, processKey: string, rate: number, cases: number): Promise<number[]> {
  const waits: number[] = [];
  const started = Date.now();
  const running: Array<Promise<void>> = [];
  for (let i = 0; i < cases; i += 1) {
    const due = started + (i * 1000) / rate;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    running.push(runCase(admin, feed, processKey, false, waits));
  }
  await Promise.all(running);
  return waits;
}

/** Where a full case's time goes: mean time of each service step from creation to completion. */
async function serviceSteps(admin: EngineClient, since: Date): Promise<string> {
  const steps = await admin.get<Array<{ activityId: string; durationInMillis: number | null }>>(`/history/activity-instance?activityType=serviceTask&finished=true&startedAfter=${encodeURIComponent(since.toISOString().replace('Z', '+0000'))}&maxResults=100000`);
  const by = new Map<string, number[]>();
  for (const step of steps) if (step.durationInMillis !== null) by.set(step.activityId, [...(by.get(step.activityId) ?? []), step.durationInMillis]);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const total = [...by.values()].reduce((sum, values) => sum + mean(values), 0);
  return `${by.size} 个服务步骤, 每件合计平均 ${total.toFixed(0)} ms; 最慢: ` + [...by].map(([id, values]) => [id, mean(values)] as const).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([id, ms]) => `${id} ${ms.toFixed(0)} ms`).join(', ');
}

process.env.SHENPI_LOG_LEVEL ??= 'warn';
const closing = benchHeader('事项流水线: 容量与办事人员等待 (bench/item-throughput.ts)');
const system = await useSystem();
const feed = new TaskFeed(system.admin, PREFIX);
feed.start();
try {
  await deployBaselines(system.admin, [...BLOCKS, itemProcess(entry)], SUFFIX);
  console.log(`预热 (warm-up) ${CONCURRENCY} 件 …`);
  await capacity(system.admin, feed, entry.key + SUFFIX, true, CONCURRENCY, CONCURRENCY);
  await capacity(system.admin, feed, entry.key, false, CONCURRENCY, CONCURRENCY);
  console.log(`容量: 每种 ${CASES} 件, 同时在办 ${CONCURRENCY} 件`);
  let cpu = cpuByProgram();
  const ceiling = await capacity(system.admin, feed, entry.key + SUFFIX, true, CASES, CONCURRENCY);
  const ceilingCpu = cpuTotal(cpu) / CASES;
  console.log(`  上限 (无服务任务) ${ceiling.toFixed(2)} 件/s; CPU: ${cpuSince(cpu)}, 每件 ${ceilingCpu.toFixed(2)} s`);
  cpu = cpuByProgram();
  const fullSince = new Date();
  const full = await capacity(system.admin, feed, entry.key, false, CASES, CONCURRENCY);
  const fullCpu = cpuTotal(cpu) / CASES;
  console.log(`  完整 ${full.toFixed(2)} 件/s; CPU: ${cpuSince(cpu)}, 每件 ${fullCpu.toFixed(2)} s`);
  const steps = await serviceSteps(system.admin, fullSince);
  console.log(`  ${steps}`);
  const rate = full / 2;
  console.log(`半负荷: ${HALF_CASES} 件, 每秒开始 ${rate.toFixed(2)} 件 …`);
  const waits = await latency(system.admin, feed, entry.key, rate, HALF_CASES);
  const [p50, p99] = [percentile(waits, 50), percentile(waits, 99)];
  console.log('\n| 流程 | 件/秒 |\n| --- | --- |');
  console.log(`| ${entry.key}${SUFFIX} (无服务任务, 引擎上限) | ${ceiling.toFixed(2)} |`);
  console.log(`| ${entry.key} (完整: workers + PostgreSQL 记录) | ${full.toFixed(2)} |`);
  console.log(`\n${goal(`比值 完整/上限 = ${(full / ceiling).toFixed(2)}`, '≥ 0.7', full / ceiling >= 0.7)} (CPU 核数 ${os.cpus().length}, 同时在办 ${CONCURRENCY} 件)`);
  console.log(`按每件 CPU 计的比值 (CPU 独占时的比值) = ${(ceilingCpu / fullCpu).toFixed(2)}: 完整每件多用 ${(fullCpu - ceilingCpu).toFixed(2)} CPU 秒`);
  console.log(`办事人员等待 (半负荷, ${waits.length} 次): ${goal(`p50 ${p50} ms`, 'p50 < 150 ms', p50 < 150)}, ${goal(`p99 ${p99} ms`, 'p99 < 500 ms', p99 < 500)}`);
  const cores = os.cpus().length;
  console.log(`瓶颈 (实测): 每件 CPU 完整 ${fullCpu.toFixed(2)} s, 上限 ${ceilingCpu.toFixed(2)} s; ${cores} 核全归本基准时, 完整最多 ${(cores / fullCpu).toFixed(2)} 件/s, 比值最多 ${(ceilingCpu / fullCpu).toFixed(2)}; 办事人员等待跨越 1–3 个服务步骤, ${steps}`);
} finally {
  feed.stop();
  closing();
  await stopSystem();
}
