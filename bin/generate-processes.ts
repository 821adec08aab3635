// Writes the building blocks (processes/building-blocks/), the office's service processes
// (processes/services/: 差评处理, 政务失信投诉) and, for each catalogue file that has
// none yet, its process: catalogue/items/<key>.json → processes/items/<key>.bpmn, and
// catalogue/bundles/<key>.json → processes/bundles/<key>.bpmn. `--force` rewrites those too
// (analysts' edits in them are then lost). Each item also gets its front-desk start form,
// forms/items/<key>/start.form (a bundle forms/bundles/<key>/start.form), from its catalogue
// entry (rewritten with --force, too).
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/config.js';
import { BLOCKS } from '../lib/bpmn/blocks.js';
import { inspectionOpinionBlock, jointInspectionBlock } from '../lib/bpmn/bundle-blocks.js';
import { bundleProcess } from '../lib/bpmn/bundle-process.js';
import { toBpmnXml, type ProcessModel } from '../lib/bpmn/builder.js';
import { itemProcess } from '../lib/bpmn/item-process.js';
import { SERVICE_PROCESSES } from '../lib/bpmn/service-processes.js';
import type { BundleEntry } from '../lib/catalogue/bundle.js';
import type { CatalogueEntry } from '../lib/catalogue/entry.js';
import { bundleStartForm, bundleStartFormRules, startForm } from '../lib/catalogue/start-form.js';
import { startFormPath } from '../lib/forms/folders.js';

const force = process.argv.includes('--force');

async function write(folder: string, model: ProcessModel, always: boolean): Promise<void> {
  const dir = path.join(PROJECT_ROOT, 'processes', folder);
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, `${model.id}.bpmn`);
  if (existsSync(target) && !always) {
    console.log(`保留 processes/${folder}/${model.id}.bpmn (已存在; --force 覆盖)`);
    return;
  }
  await fs.writeFile(target, await toBpmnXml(model));
  console.log(`写入 processes/${folder}/${model.id}.bpmn`);
}

async function entries<T>(folder: string): Promise<T[]> {
  const dir = path.join(PROJECT_ROOT, 'catalogue', folder);
  const files = (await fs.readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(files.map(async (file) => JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as T));
}

for (const block of [...BLOCKS, jointInspectionBlock, inspectionOpinionBlock]) await write('building-blocks', block, true);
for (const service of SERVICE_PROCESSES) await write('services', service, true);
async function writeForm(folder: 'items' | 'bundles', key: string, form: Record<string, unknown>, always: boolean): Promise<void> {
  const name = startFormPath(folder, key);
  const target = path.join(PROJECT_ROOT, name);
  if (existsSync(target) && !always) {
    console.log(`保留 ${name} (已存在; --force 覆盖)`);
    return;
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, `${JSON.stringify(form, null, 2)}\n`);
  console.log(`写入 ${name}`);
}

for (const entry of await entries<CatalogueEntry>('items')) {
  await write('items', itemProcess(entry), force);
  await writeForm('items', entry.key, startForm(entry), force);
}
const items = new Map((await entries<CatalogueEntry>('items')).map((entry) => [entry.key, entry]));
for (const bundle of await entries<BundleEntry>('bundles')) {
  await write('bundles', bundleProcess(bundle, bundleStartFormRules(bundle, items)), force);
  await writeForm('bundles', bundle.key, bundleStartForm(bundle, items), force);
}
