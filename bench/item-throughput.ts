// Capacity and latency of the item pipeline: cases per second through a seeded 承诺件 (食品经营许可:
// 受理 → 审查 → 现场勘验 → 决定 → 制证 → 出件), every human task completed over REST as its clerk,
// with enough cases in flight to keep the CPUs busy, against the same BPMN without its service
// tasks (what the engine alone can do); then, at half of the measured capacity (cases started at
// a steady rate), the clerk's wait: from a clerk completing a task (the request sent) to the next
// human task of the case existing in the engine (its own creation time), every service step
// between included. The clerks see their tasks through one shared poller (bench/task-feed.ts).
//
// With `nodes=2` (or SHENPI_BENCH_NODES=2) the same figures follow for a cluster of two engine
// nodes and two worker sets on the same PostgreSQL (SHENPI_ENGINE_NODES), beside the single node's;
// then a closed-loop run in which the first node is SIGKILLed while cases are in flight, and the
// count: every case ended exactly once, its licence and documents once, no message left.
//
//   npm run bench [-- cases=120] [in-flight=24] [half-capacity cases=60] [nodes=2]
import { BLOCKS } from '../lib/bpmn/blocks.js';
import { itemProcess } from '../lib/bpmn/item-process.js';
import os from 'node:os';
import type { EngineClient } from '../lib/engine/client.js';
import { readEntry } from '../test/processes/items/scenarios.js';
import { sampleApplication } from '../test/support/applications.js';
import { DECIDER, DEMO_PASSWORD, MEMBER } from '../test/support/cases.js';
import { creditPlatform, smsGateway, stopSystem, useSystem } from '../test/support/system.js';
import { deployBaselines } from './baseline.js';
import { benchArguments, completeOnce, exactlyOnce, startOnce, type ExactlyOnce } from './cluster-check.js';
import { benchHeader, cpuByProgram, cpuSince, cpuTotal, goal, percentile } from './report.js';
import { TaskFeed } from './task-feed.js';

const { nodes: NODES, positional } = benchArguments();
const CASES = Number(positional[0] ?? 120);
const CONCURRENCY = Number(positional[1] ?? 24);
const HALF_CASES = Number(positional[2] ?? 60);
const PREFIX = 'bench-item-';
const KILL_PREFIX = `${PREFIX}kill-`;
const SUFFIX = '-baseline';
const entry = readEntry('food-business-licence');

/** What the service tasks would have set, so that the baseline's gateways and timers work. */
const BASELINE_VARIABLES = {
  applicationValid: true, acceptancePath: 'complete', acceptanceMode: 'standard', commitmentPending: false, inspectionMode: '现场勘验', acceptanceOutcome: 'accepted', acceptedOn: '2026-09-30', receivedOn: '2026-09-30', itemVersion: 1,
  noticeDueAt: '2026-10-13T23:59:59+08:00', noticeWarningAt: '2026-10-13T00:00:00+08:00', decisionDueAt: '2026-10-10T23:59:59+08:00', decisionWarningAt: '2026-10-10T00:00:00+08:00',
  siteInspection: entry.siteInspection, majorDecision: entry.majorDecision, reviewGroup: entry.reviewGroup, deliveryMethod: '窗口领取', promisedTimeLimit: entry.promisedTimeLimit,
};

let counter = 0;

/**
 * One case from 受理 to its end; the clerk's waits (ms) pushed to `waits` when given. A start or a
 * completion whose engine node died under it is looked after before it is sent again (cluster-check.ts).
 */
async function runCase(admin: EngineClient, feed: TaskFeed, processKey: string, baseline: boolean, waits?: number[], prefix = PREFIX, started?: string[]): Promise<void> {
  const businessKey = `${prefix}${counter++}`;
  let sent = Date.now();
  started?.push(businessKey);
  const instance = await startOnce(admin, processKey, businessKey, { itemKey: entry.key, receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry), ...(baseline ? BASELINE_VARIABLES : {}) });
  const step = async (taskDefinitionKey: string, user: string, variables: Record<string, unknown>) => {
    const task = await feed.next(businessKey, taskDefinitionKey);
    waits?.push(Date.parse(task.created) - sent);
    sent = Date.now();
    await completeOnce(admin.as({ username: user, password: DEMO_PASSWORD }), task.id, variables);
  };
  await step('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
  await step('ReviewTask', MEMBER[entry.reviewGroup]!, { reviewOpinion: '符合条件', reviewAction: 'submit' });
  if (entry.siteInspection) await step('SiteInspectionTask', MEMBER[entry.reviewGroup]!, { siteInspectionResult: '合格', siteInspectionOpinion: '一致' });
  await step('DecisionTask', DECIDER[entry.reviewGroup]!, { decision: 'grant', decisionContent: '预包装食品销售' });
  await step('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
  await feed.end(instance.id);
}

/**
 * Cases per second with `inFlight` cases at a time (closed loop: a case ends, the next starts);
 * `kill` runs once `killAfter` cases have started, their keys pushed to `keys` under `prefix`.
 */
async function capacity(admin: EngineClient, feed: TaskFeed, processKey: string, baseline: boolean, cases: number, inFlight: number, fault?: { killAfter: number; kill(): void; prefix: string; keys: string[]; failures: number }): Promise<number> {
  const started = Date.now();
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(inFlight, cases) }, async () => {
    while (next < cases) {
      next += 1;
      if (!fault) {
        await runCase(admin, feed, processKey, baseline);
        continue;
      }
      if (next === fault.killAfter) fault.kill();
      // a case the fault lost would wait for ever: given up after 10 minutes, and counted lost below
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([runCase(admin, feed, processKey, baseline, undefined, fault.prefix, fault.keys), new Promise((_resolve, reject) => { timer = setTimeout(() => reject(new Error('no end after 10 minutes')), 600_000); })])
        .catch((error: Error) => { fault.failures += 1; console.log(`  ✘ ${error.message.slice(0, 200)}`); })
        .finally(() => clearTimeout(timer));
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

interface Figures { ceiling: number; full: number; ceilingCpu: number; fullCpu: number; p50: number; p99: number; waits: number; steps: string; killed?: { rate: number; check: ExactlyOnce; deliveredTwice: number } }

/** The single node's or the cluster's figures, on a system of its own (started, measured, stopped). */
async function measure(nodes: number): Promise<Figures> {
  const title = nodes > 1 ? `${nodes} 个引擎节点 (集群)` : '单节点';
  console.log(`\n## ${title}`);
  const system = await useSystem(nodes > 1 ? { SHENPI_ENGINE_NODES: String(nodes) } : {});
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
    const figures: Figures = { ceiling, full, ceilingCpu, fullCpu, p50: percentile(waits, 50), p99: percentile(waits, 99), waits: waits.length, steps };
    console.log(`  办事人员等待 p50 ${figures.p50} ms, p99 ${figures.p99} ms`);
    if (nodes > 1) {
      const keys: string[] = [];
      const victim = system.engineProcesses[0]!;
      const kill = (): void => {
        victim.child.kill('SIGKILL');
        console.log(`  SIGKILL 引擎节点 1 (pid ${victim.child.pid}), ${keys.length} 件已开始, 同时在办 ${CONCURRENCY} 件`);
      };
      console.log(`杀节点: ${CASES} 件, 第 ${Math.ceil(CASES / 3)} 件开始时 SIGKILL 节点 1, 其余由节点 ${nodes > 2 ? `2–${nodes}` : 2} 办完 …`);
      const fault = { killAfter: Math.ceil(CASES / 3), kill, prefix: KILL_PREFIX, keys, failures: 0 };
      const killedRate = await capacity(system.admin, feed, entry.key, false, CASES, CONCURRENCY, fault);
      // the outbox delivers after the case ended: wait for it (2 minutes at most)
      for (let waited = 0; waited < 120 && (await exactlyOnce(system.admin, system.db, entry.key, keys, KILL_PREFIX)).outboxUndelivered > 0; waited += 1) await new Promise((resolve) => setTimeout(resolve, 1000));
      const check = await exactlyOnce(system.admin, system.db, entry.key, keys, KILL_PREFIX);
      const platform = creditPlatform();
      const deliveredTwice = [platform.records, platform.publications, platform.supervision, smsGateway().messages].reduce((sum, map) => sum + [...map.values()].filter((stored) => stored.deliveries > 1).length, 0);
      console.log(`  完整 (节点 1 被杀) ${killedRate.toFixed(2)} 件/s; 办事人员的请求出错 ${fault.failures} 件`);
      figures.killed = { rate: killedRate, check, deliveredTwice };
    }
    return figures;
  } finally {
    feed.stop();
    await stopSystem();
  }
}

process.env.SHENPI_LOG_LEVEL ??= 'warn';
const closing = benchHeader('事项流水线: 容量与办事人员等待 (bench/item-throughput.ts)');
try {
  const single = await measure(1);
  const cluster = NODES > 1 ? await measure(NODES) : undefined;
  const both = (pick: (figures: Figures) => string) => `${pick(single)}${cluster ? ` | ${pick(cluster)}` : ''}`;
  console.log(`\n| 流程 | 单节点 件/秒${cluster ? ` | ${NODES} 节点集群 件/秒` : ''} |\n| --- | --- |${cluster ? ' --- |' : ''}`);
  console.log(`| ${entry.key}${SUFFIX} (无服务任务, 引擎上限) | ${both((f) => f.ceiling.toFixed(2))} |`);
  console.log(`| ${entry.key} (完整: workers + PostgreSQL 记录) | ${both((f) => f.full.toFixed(2))} |`);
  console.log(`| 办事人员等待 p50 / p99 (半负荷) | ${both((f) => `${f.p50} / ${f.p99} ms`)} |`);
  if (cluster?.killed) console.log(`| ${entry.key} 完整, 节点 1 中途被 SIGKILL | — | ${cluster.killed.rate.toFixed(2)} |`);
  console.log(`\n${goal(`比值 完整/上限 = ${(single.full / single.ceiling).toFixed(2)}`, '≥ 0.7', single.full / single.ceiling >= 0.7)} (单节点; CPU 核数 ${os.cpus().length}, 同时在办 ${CONCURRENCY} 件)`);
  console.log(`按每件 CPU 计的比值 (CPU 独占时的比值) = ${(single.ceilingCpu / single.fullCpu).toFixed(2)}: 完整每件多用 ${(single.fullCpu - single.ceilingCpu).toFixed(2)} CPU 秒`);
  console.log(`办事人员等待 (单节点, 半负荷, ${single.waits} 次): ${goal(`p50 ${single.p50} ms`, 'p50 < 150 ms', single.p50 < 150)}, ${goal(`p99 ${single.p99} ms`, 'p99 < 500 ms', single.p99 < 500)}`);
  if (cluster) {
    console.log(`集群/单节点 (完整) = ${(cluster.full / single.full).toFixed(2)}; 每件 CPU ${cluster.fullCpu.toFixed(2)} s 对 ${single.fullCpu.toFixed(2)} s`);
  }
  const cores = os.cpus().length;
  console.log(`瓶颈 (实测, 单节点): 每件 CPU 完整 ${single.fullCpu.toFixed(2)} s, 上限 ${single.ceilingCpu.toFixed(2)} s; ${cores} 核全归本基准时, 完整最多 ${(cores / single.fullCpu).toFixed(2)} 件/s, 比值最多 ${(single.ceilingCpu / single.fullCpu).toFixed(2)}; 办事人员等待跨越 1–3 个服务步骤, ${single.steps}`);
  if (cluster?.killed) {
    const { check, deliveredTwice } = cluster.killed;
    console.log('\n| 节点 1 被杀的一轮 | |\n| --- | --- |');
    for (const [name, value] of [
      ['开始的件', check.started], ['恰好办结一次', check.endedOnce], ['丢失 (未办结)', check.lost], ['重复 (一个业务号两个实例)', check.duplicated], ['无主实例 (开始失败却已开始)', check.strays],
      ['办件记录重复', check.casesRecordedTwice], ['缺少许可证', check.licencesMissing], ['许可证重复', check.licencesTwice], ['文书重复 (同件同类)', check.documentsTwice],
      ['未送达的消息 (outbox)', check.outboxUndelivered], ['外部平台同一键收到两次以上', deliveredTwice],
    ] as const) console.log(`| ${name} | ${value} |`);
    const clean = check.lost === 0 && check.duplicated === 0 && check.casesRecordedTwice === 0 && check.licencesMissing === 0 && check.licencesTwice === 0 && check.documentsTwice === 0;
    console.log(`\n${goal(`丢失 ${check.lost}, 重复 ${check.duplicated + check.casesRecordedTwice + check.licencesTwice + check.documentsTwice}`, '0 丢失, 0 重复', clean)}`);
  }
} finally {
  closing();
}
