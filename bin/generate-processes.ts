// Writes the building blocks (processes/building-blocks/) and, for each catalogue file in
// catalogue/items/ that has none yet, its item process (processes/items/<key>.bpmn).
// `--force` rewrites the item processes too (analysts' edits in them are then lost).
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/config.js';
import { BLOCKS } from '../lib/bpmn/blocks.js';
import { inspectionOpinionBlock, jointInspectionBlock } from '../lib/bpmn/bundle-blocks.js';
import { bundleProcess } from '../lib/bpmn/bundle-process.js';
import type { BundleEntry } from '../lib/catalogue/bundle.js';
import { toBpmnXml } from '../lib/bpmn/builder.js';
import { itemProcess } from '../lib/bpmn/item-process.js';
import type { CatalogueEntry } from '../lib/catalogue/entry.js';

const force = process.argv.includes('--force');
const blockDir = path.join(PROJECT_ROOT, 'processes', 'building-blocks');
const itemDir = path.join(PROJECT_ROOT, 'processes', 'items');
await fs.mkdir(blockDir, { recursive: true });
await fs.mkdir(itemDir, { recursive: true });
for (const block of [...BLOCKS, jointInspectionBlock, inspectionOpinionBlock]) {
  await fs.writeFile(path.join(blockDir, `${block.id}.bpmn`), await toBpmnXml(block));
  console.log(`写入 processes/building-blocks/${block.id}.bpmn`);
}
const catalogueDir = path.join(PROJECT_ROOT, 'catalogue', 'items');
for (const file of (await fs.readdir(catalogueDir)).filter((name) => name.endsWith('.json')).sort()) {
  const entry = JSON.parse(await fs.readFile(path.join(catalogueDir, file), 'utf8')) as CatalogueEntry;
  const target = path.join(itemDir, `${entry.key}.bpmn`);
  if (existsSync(target) && !force) {
    console.log(`保留 processes/items/${entry.key}.bpmn (已存在; --force 覆盖)`);
    continue;
  }
  await fs.writeFile(target, await toBpmnXml(itemProcess(entry)));
  console.log(`写入 processes/items/${entry.key}.bpmn`);
}

const bundleDir = path.join(PROJECT_ROOT, 'processes', 'bundles');
await fs.mkdir(bundleDir, { recursive: true });
for (const file of (await fs.readdir(path.join(PROJECT_ROOT, 'catalogue', 'bundles'))).filter((name) => name.endsWith('.json')).sort()) {
  const bundle = JSON.parse(await fs.readFile(path.join(PROJECT_ROOT, 'catalogue', 'bundles', file), 'utf8')) as BundleEntry;
  const target = path.join(bundleDir, `${bundle.key}.bpmn`);
  if (existsSync(target) && !force) {
    console.log(`保留 processes/bundles/${bundle.key}.bpmn (已存在; --force 覆盖)`);
    continue;
  }
  await fs.writeFile(target, await toBpmnXml(bundleProcess(bundle)));
  console.log(`写入 processes/bundles/${bundle.key}.bpmn`);
}
