// Cases per second through a seeded 承诺件 (食品经营许可: 受理 → 审查 → 现场勘验 → 决定 → 制证 →
// 出件), every human task completed over REST as its clerk, against the same BPMN without its
// service tasks (what the engine alone can do). Prints both rates and their ratio.
//
//   node --import tsx bench/item-throughput.ts [cases=40] [concurrency=8]
import { BLOCKS } from '../lib/bpmn/blocks.js';
import { toSemanticXml } from '../lib/bpmn/builder.js';
import { itemProcess } from '../lib/bpmn/item-process.js';
import type { EngineClient } from '../lib/engine/client.js';
import { readEntry } from '../test/processes/items/scenarios.js';
import { sampleApplication } from '../test/support/applications.js';
import { CaseDriver, MEMBER } from '../test/support/cases.js';
import { stopSystem, useSystem } from '../test/support/system.js';
import { withoutServiceTasks } from './baseline.js';

const CASES = Number(process.argv[2] ?? 40);
const CONCURRENCY = Number(process.argv[3] ?? 8);
const SUFFIX = '-baseline';
const entry = readEntry('food-business-licence');

/** What the service tasks would have set, so that the baseline's gateways and timers work. */
const BASELINE_VARIABLES = {
  applicationValid: true, acceptancePath: 'complete', acceptanceMode: 'standard', commitmentPending: false, inspectionMode: '现场勘验', acceptanceOutcome: 'accepted', acceptedOn: '2026-09-30', receivedOn: '2026-09-30', itemVersion: 1,
  noticeDueAt: '2026-10-13T23:59:59+08:00', noticeWarningAt: '2026-10-13T00:00:00+08:00', decisionDueAt: '2026-10-10T23:59:59+08:00', decisionWarningAt: '2026-10-10T00:00:00+08:00',
  siteInspection: entry.siteInspection, majorDecision: entry.majorDecision, reviewGroup: entry.reviewGroup, deliveryMethod: '窗口领取', promisedTimeLimit: entry.promisedTimeLimit,
};

async function deployBaseline(admin: EngineClient): Promise<void> {
  const form = new FormData();
  form.append('deployment-name', 'shenpi-bench-baseline');
  form.append('enable-duplicate-filtering', 'true');
  for (const model of [...BLOCKS, itemProcess(entry)]) {
    const variant = withoutServiceTasks(model, SUFFIX);
    form.append(`${variant.id}.bpmn`, new Blob([toSemanticXml(variant)], { type: 'application/xml' }), `${variant.id}.bpmn`);
  }
  await admin.post('/deployment/create', form);
}

async function runCase(admin: EngineClient, processKey: string, baseline: boolean): Promise<void> {
  const driver = await new CaseDriver(admin, processKey).start({
    itemKey: entry.key, receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry), ...(baseline ? BASELINE_VARIABLES : {}),
  });
  const reviewer = MEMBER[entry.reviewGroup]!;
  await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
  await driver.complete('ReviewTask', reviewer, { reviewOpinion: '符合条件', reviewAction: 'submit' });
  if (entry.siteInspection) await driver.complete('SiteInspectionTask', reviewer, { siteInspectionResult: '合格', siteInspectionOpinion: '一致' });
  await driver.complete('DecisionTask', reviewer, { decision: 'grant', decisionContent: '预包装食品销售' });
  await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
  await driver.waitForEnd(120_000);
}

async function measure(admin: EngineClient, processKey: string, baseline: boolean, cases: number): Promise<number> {
  const started = Date.now();
  let next = 0;
  let done = 0;
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, cases) }, async () => {
    while (next < cases) {
      next += 1;
      await runCase(admin, processKey, baseline);
      done += 1;
      if (done % 10 === 0) process.stdout.write(`    ${processKey}: ${done}/${cases}\n`);
    }
  }));
  return cases / ((Date.now() - started) / 1000);
}

const system = await useSystem();
try {
  await deployBaseline(system.admin);
  console.log(`\n预热 (warm-up) ${CONCURRENCY} 件 …`);
  await measure(system.admin, entry.key + SUFFIX, true, CONCURRENCY);
  await measure(system.admin, entry.key, false, CONCURRENCY);
  console.log(`测量: ${CASES} 件, 并发 ${CONCURRENCY}`);
  const ceiling = await measure(system.admin, entry.key + SUFFIX, true, CASES);
  const full = await measure(system.admin, entry.key, false, CASES);
  console.log('\n| 流程 | 件/秒 |\n| --- | --- |');
  console.log(`| ${entry.key}${SUFFIX} (无服务任务, 引擎上限) | ${ceiling.toFixed(2)} |`);
  console.log(`| ${entry.key} (完整: workers + PostgreSQL 记录) | ${full.toFixed(2)} |`);
  console.log(`\n比值 完整/上限 = ${(full / ceiling).toFixed(2)}`);
} finally {
  await stopSystem();
}
