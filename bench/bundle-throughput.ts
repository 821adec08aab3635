// Bundle cases per second: 道路挖掘一件事 (联合踏勘 by three departments, then three items in
// parallel branches, one delivery) against the single item 城市道路占用挖掘许可, in one process;
// and how often two branches finishing together made the engine refuse a report at the joins
// (optimistic locking), each retried by the worker wrapper.
//
//   node --import tsx bench/bundle-throughput.ts [cases=12] [concurrency=4]
import { readEntry } from '../test/processes/items/scenarios.js';
import { bundleApplication, readBundle, startBundle, workItem } from '../test/processes/bundles/support.js';
import { sampleApplication, uniqueCreditCode } from '../test/support/applications.js';
import { CaseDriver, MEMBER } from '../test/support/cases.js';
import { stopSystem, useSystem } from '../test/support/system.js';
import { reportStats } from '../workers/runtime/handle-task.js';

const CASES = Number(process.argv[2] ?? 12);
const CONCURRENCY = Number(process.argv[3] ?? 4);
const bundle = readBundle('road-excavation');
const single = readEntry('road-occupation-excavation-permit');

async function runBundle(): Promise<void> {
  const driver = await startBundle(bundle.key, bundleApplication(bundle, bundle.items.map((i) => i.itemKey), uniqueCreditCode()));
  await driver.complete('AcceptBundleTask', MEMBER.window!, { acceptanceDecision: 'accept' });
  for (let done = 0; done < bundle.jointInspection!.groups.length;) {
    const open = (await driver.openTasks()).filter((task) => task.taskDefinitionKey === 'InspectTask');
    for (const task of open) {
      await driver.completeTask(task, { inspectionOpinion: '同意', inspector: '踏勘员' });
      done += 1;
    }
    if (!open.length) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await Promise.all(bundle.items.map((item) => workItem(driver.child(item.itemKey))));
  await driver.complete('DeliverBundleTask', MEMBER.window!, { receivedBy: '张建国' });
  await driver.waitForEnd(120_000);
}

async function runSingle(): Promise<void> {
  const system = await useSystem();
  const driver = await new CaseDriver(system.admin, single.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(single, { creditCode: uniqueCreditCode() }) });
  await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
  await workItem(driver);
}

async function measure(run: () => Promise<void>, cases: number): Promise<number> {
  const started = Date.now();
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, cases) }, async () => {
    while (next < cases) {
      next += 1;
      await run();
    }
  }));
  return cases / ((Date.now() - started) / 1000);
}

await useSystem();
try {
  await measure(runSingle, 2);
  await measure(runBundle, 2);
  const before = reportStats.optimisticLockRetries;
  const singleRate = await measure(runSingle, CASES);
  const afterSingle = reportStats.optimisticLockRetries;
  const bundleRate = await measure(runBundle, CASES);
  const afterBundle = reportStats.optimisticLockRetries;
  console.log('\n| 流程 | 件/秒 | 乐观锁重试 |\n| --- | --- | --- |');
  console.log(`| ${single.key} (单事项) | ${singleRate.toFixed(2)} | ${afterSingle - before} |`);
  console.log(`| ${bundle.key} (联合踏勘 3 部门 + 3 事项并联) | ${bundleRate.toFixed(2)} | ${afterBundle - afterSingle} |`);
  console.log(`\n比值 一件事/单事项 (件/秒) = ${(bundleRate / singleRate).toFixed(2)}; 一件事每件含 ${bundle.items.length} 个事项办件`);
} finally {
  await stopSystem();
}
