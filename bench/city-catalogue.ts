// A city's catalogue: 1,000 items and 50 一件事 bundles, generated as variants of the seeded ones
// (distinct keys, codes, names, sections), imported from ONE .xlsx through the analysts' upload
// (POST /api/catalogue/import, the format the 工作台 exports), their processes and start forms
// generated as `npm run processes:generate` makes them and deployed to the engine as shenpi
// deploys at start-up (one deployment, changed resources only, then the window's start grants).
// Then a restart with nothing changed, timed until ready, and the engine's heap after warm-up.
//
// The workbook format carries items only (事项清单 + 申请材料): the bundles are saved through the
// repository the seed uses. Everything generated goes to a temp folder (its own processes/ and
// forms/, a copy of the project's plus the generated ones) and a temp data dir, on free ports.
//
//   npm run bench:catalogue [-- items=1000] [bundles=50]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toBpmnXml } from '../lib/bpmn/builder.js';
import { bundleProcess } from '../lib/bpmn/bundle-process.js';
import { itemProcess } from '../lib/bpmn/item-process.js';
import { BUNDLE_DIR, type BundleEntry } from '../lib/catalogue/bundle.js';
import type { CatalogueEntry } from '../lib/catalogue/entry.js';
import { readCatalogueFiles } from '../lib/catalogue/seed.js';
import { catalogueToWorkbook } from '../lib/catalogue/spreadsheet.js';
import { bundleStartForm, bundleStartFormRules, startForm } from '../lib/catalogue/start-form.js';
import { PROJECT_ROOT } from '../lib/config.js';
import { collectResources, deployResources, deskStartableKeys } from '../lib/engine/deploy.js';
import { grantDeskStart } from '../lib/engine/identity.js';
import { listLatest } from '../lib/repositories/catalogue.js';
import { saveBundle } from '../lib/repositories/bundles.js';
import type { System } from '../bin/system.js';
import { stopSystem, useSystem } from '../test/support/system.js';
import { webBase, webSession } from '../test/support/web.js';
import { benchHeader, cpuByProgram, cpuSince, cpuTotal, goal, seconds } from './report.js';

const ITEMS = Number(process.argv[2] ?? 1000);
const BUNDLES = Number(process.argv[3] ?? 50);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SECTIONS = ['marketReview', 'healthReview', 'constructionReview', 'municipalReview', 'publicSecurityReview'] as const;
const DISTRICTS = ['新城区', '回民区', '玉泉区', '赛罕区', '土默特左旗', '托克托县', '和林格尔县', '清水河县', '武川县'];
const GiB = 1024 ** 3;

/** Item n: a variant of seed n mod seeds; its key is the seed's with "-c<n>". */
function itemVariant(seed: CatalogueEntry, n: number): CatalogueEntry {
  return {
    ...seed,
    key: `${seed.key}-c${n}`,
    code: `C${String(n).padStart(4, '0')}-${seed.code}`.slice(0, 40),
    name: `${seed.name} (${DISTRICTS[n % DISTRICTS.length]}第 ${n} 号)`,
    reviewGroup: SECTIONS[n % SECTIONS.length]!,
  };
}

/** Bundle j: a variant of seed bundle j mod 3, over the j/3-th variants of its member items. */
function bundleVariant(seed: BundleEntry, j: number, variantOf: (itemKey: string, round: number) => string): BundleEntry {
  const round = Math.floor(j / 3);
  const key = (itemKey: string) => variantOf(itemKey, round);
  return {
    ...seed,
    key: `${seed.key}-c${j}`,
    code: `C${String(j).padStart(3, '0')}-${seed.code}`.slice(0, 40),
    name: `${seed.name} (${DISTRICTS[j % DISTRICTS.length]}第 ${j} 号)`,
    items: seed.items.map((item) => ({ ...item, itemKey: key(item.itemKey) })),
    rules: seed.rules?.map((rule) => ({ ...rule, ifTicked: key(rule.ifTicked) })),
  };
}

/** The engine JVM's heap in use (bytes), from `jcmd <pid> GC.heap_info`: the generations' "used". */
function heapUsed(pid: number): number {
  const info = execFileSync('jcmd', [String(pid), 'GC.heap_info'], { encoding: 'utf8' });
  const used = [...info.matchAll(/(?:generation|heap)\s+total \d+K, used (\d+)K/g)].reduce((sum, match) => sum + Number(match[1]) * 1024, 0);
  if (!used) throw new Error(`jcmd GC.heap_info: no heap figures in\n${info}`);
  return used;
}
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;

const timed = async <T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = Date.now();
  const value = await run();
  return { value, ms: Date.now() - started };
};

process.env.SHENPI_LOG_LEVEL ??= 'warn';
const closing = benchHeader('城市事项清单 (bench/city-catalogue.ts)');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shenpi-catalogue-'));
const dataDir = path.join(work, 'data');
const root = path.join(work, 'project');
fs.chmodSync(work, 0o755); // the embedded server runs as another OS user when we are root
fs.mkdirSync(dataDir);
for (const folder of ['processes', 'forms']) fs.cpSync(path.join(PROJECT_ROOT, folder), path.join(root, folder), { recursive: true });
process.env.SHENPI_TEST_DATA_DIR = dataDir; // kept across the restart; removed at the end
let system: System | undefined;

try {
  system = await useSystem({}, root);
  const { admin, db } = system;
  const engineJava = () => system!.engineProcess!.child.pid!;

  // the catalogue: variants of the seeds, in one workbook
  const seeds = (await readCatalogueFiles()).map(({ entry }) => entry);
  const items = Array.from({ length: ITEMS }, (_, n) => itemVariant(seeds[n % seeds.length]!, n));
  const seedIndex = new Map(seeds.map((seed, index) => [seed.key, index]));
  const variantOf = (itemKey: string, round: number) => `${itemKey}-c${seedIndex.get(itemKey)! + round * seeds.length}`;
  const seedBundles = fs.readdirSync(BUNDLE_DIR).filter((name) => name.endsWith('.json')).sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(BUNDLE_DIR, name), 'utf8')) as BundleEntry);
  const bundles = Array.from({ length: BUNDLES }, (_, j) => bundleVariant(seedBundles[j % seedBundles.length]!, j, variantOf));
  const workbook = await catalogueToWorkbook(items);
  console.log(`事项清单: ${ITEMS} 个事项 (${seeds.length} 个种子事项的变体, ${SECTIONS.length} 个审查科室), ${BUNDLES} 个一件事; 工作簿 ${(workbook.length / 1024).toFixed(0)} KB, ${items.reduce((sum, item) => sum + item.materials.length, 0)} 行材料`);

  // 1. import, as the analyst uploads it in the 工作台
  const cpuBefore = cpuByProgram();
  const analyst = (await webSession(system, 'analyst1')).headers;
  const imported = await timed(async () => {
    const response = await fetch(`${webBase(system!)}/api/catalogue/import`, { method: 'POST', headers: { ...analyst, 'content-type': XLSX, 'x-requested-with': 'XMLHttpRequest' }, body: workbook });
    if (response.status !== 200) throw new Error(`导入失败 ${response.status}: ${(await response.text()).slice(0, 2000)}`);
    return (await response.json()) as { imported: number; unchanged: number; rejected: number };
  });
  console.log(`1. 导入工作簿: ${seconds(imported.ms)} (新增 ${imported.value.imported}, 未变 ${imported.value.unchanged}, 拒绝 ${imported.value.rejected})`);
  if (imported.value.imported !== ITEMS) throw new Error('导入的事项数不对');

  // 2. generate, from the catalogue as imported (and the bundles saved as the seed saves them)
  const generateTimes = { model: 0, xml: 0, form: 0, write: 0 };
  const clock = <T>(part: keyof typeof generateTimes, run: () => T): T => {
    const started = performance.now();
    const value = run();
    generateTimes[part] += performance.now() - started;
    return value;
  };
  const generated = await timed(async () => {
    const wanted = new Set(items.map((item) => item.key));
    const catalogue = new Map((await listLatest(db)).map((item) => [item.key, item.entry]));
    const writeResources = async (folder: string, key: string, model: ReturnType<typeof itemProcess>, form: Record<string, unknown>) => {
      const started = performance.now();
      const xml = await toBpmnXml(model);
      generateTimes.xml += performance.now() - started;
      clock('write', () => {
        fs.writeFileSync(path.join(root, 'processes', folder, `${key}.bpmn`), xml);
        fs.mkdirSync(path.join(root, 'forms', key), { recursive: true });
        fs.writeFileSync(path.join(root, 'forms', key, 'start.form'), `${JSON.stringify(form, null, 2)}\n`);
      });
    };
    for (const [key, entry] of catalogue) {
      if (!wanted.has(key)) continue;
      await writeResources('items', key, clock('model', () => itemProcess(entry)), clock('form', () => startForm(entry)));
    }
    for (const bundle of bundles) {
      await saveBundle(db, bundle, 'bench');
      await writeResources('bundles', bundle.key, clock('model', () => bundleProcess(bundle, bundleStartFormRules(bundle, catalogue))), clock('form', () => bundleStartForm(bundle, catalogue)));
    }
  });
  console.log(`2. 生成流程与受理表单: ${seconds(generated.ms)} (建模 ${seconds(generateTimes.model)}, BPMN XML ${seconds(generateTimes.xml)}, 表单 ${seconds(generateTimes.form)}, 写文件 ${seconds(generateTimes.write)})`);

  // 3. deploy, as shenpi deploys at start-up
  const resources = await collectResources(root);
  // the engine's heap while it parses the deployment, every 5 s; on failure, what fills it
  let peak = 0;
  const sampler = setInterval(() => { try { peak = Math.max(peak, heapUsed(engineJava())); } catch { /* the engine is busy or gone */ } }, 5000);
  const deployed = await timed(() => deployResources(admin, resources)).catch((error: unknown) => {
    console.log(`3. 部署失败: ${(error as Error).message}; 部署期间引擎堆内存峰值 ${mib(peak)} (首次部署上千个新流程, 引擎需 -Xmx2g 以上: SHENPI_JAVA_OPTS, 见 docs/performance.md)`);
    try {
      console.log(execFileSync('jcmd', [String(engineJava()), 'GC.class_histogram'], { encoding: 'utf8' }).split('\n').slice(0, 25).join('\n'));
    } catch { /* the engine is gone */ }
    throw error;
  }).finally(() => clearInterval(sampler));
  console.log(`   部署期间引擎堆内存峰值 ${mib(peak)}`);
  const granted = await timed(() => grantDeskStart(admin, deskStartableKeys(root)));
  console.log(`3. 部署: ${seconds(deployed.ms)} (${resources.length} 个资源, 新版本 ${deployed.value.changed.length} 个, 每个 ${(deployed.ms / Math.max(1, deployed.value.changed.length)).toFixed(1)} ms); 一窗受理授权 ${seconds(granted.ms)}`);
  const total = imported.ms + generated.ms + deployed.ms + granted.ms;
  console.log(`导入 + 生成 + 部署: ${goal(seconds(total), '< 120 s', total < 120_000)}; CPU: ${cpuSince(cpuBefore)} (本机 ${os.cpus().length} 核)`);
  console.log(`瓶颈 (实测): 导入 + 生成 + 部署共 ${cpuTotal(cpuBefore).toFixed(1)} CPU 秒 (生成是单线程的 Node: ${seconds(generated.ms)}; 部署是引擎逐个解析 BPMN: 每个 ${(deployed.ms / Math.max(1, deployed.value.changed.length)).toFixed(1)} ms)`);

  // 4. restart with nothing changed
  await stopSystem();
  system = undefined;
  const cpuBeforeRestart = cpuByProgram();
  const restarted = await timed(() => useSystem({}, root));
  system = restarted.value;
  console.log(`4. 无变化重启至就绪: ${goal(seconds(restarted.ms), '< 30 s', restarted.ms < 30_000)}; 部署新版本 ${system.deployment.changed.length} 个; CPU: ${cpuSince(cpuBeforeRestart)}`);

  // 5. warm-up: the window's start list, and the start forms of a sample, as the 一窗受理 dialog reads them
  const window = (await webSession(system, 'window1')).headers;
  const web = webBase(system);
  const list = await timed(async () => (await (await fetch(`${web}/api/workbench/catalogue`, { headers: window })).json()) as Array<{ key: string }>);
  const sample = items.filter((_, n) => n % 20 === 0);
  const forms = await timed(async () => {
    for (const item of sample) {
      const response = await fetch(`${web}/api/workbench/start/${item.key}`, { headers: window });
      if (response.status !== 200) throw new Error(`受理表单 ${item.key}: ${response.status}`);
    }
  });
  console.log(`5. 一窗受理: 可受理清单 ${list.value.length} 项, ${list.ms} ms; ${sample.length} 个受理表单 ${(forms.ms / sample.length).toFixed(0)} ms/个`);
  const again = await timed(() => fetch(`${web}/api/workbench/catalogue`, { headers: window }).then((response) => response.json()));
  console.log(`   可受理清单再次读取 ${again.ms} ms`);
  const used = heapUsed(engineJava());
  // the class histogram of live objects (it collects first): what holds the heap
  const histogram = execFileSync('jcmd', [String(engineJava()), 'GC.class_histogram'], { encoding: 'utf8' }).split('\n').slice(3, 13);
  const live = heapUsed(engineJava());
  console.log(`引擎堆内存 (预热后, jcmd GC.heap_info): ${goal(mib(used), '< 1 GiB', used < GiB)}; 完全回收后 ${mib(live)}; 其中最多的:\n${histogram.join('\n')}`);
} finally {
  closing();
  await stopSystem();
  fs.rmSync(work, { recursive: true, force: true });
}
