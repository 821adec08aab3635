// The catalogue files in catalogue/items/ and catalogue/bundles/ seed an empty catalogue: an item (a bundle) is added when its
// key is not in the database yet. Later changes go through import (they make new versions),
// so a restart never overwrites what analysts changed.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import { PROJECT_ROOT } from '../config.js';
import { StartupError } from '../errors.js';
import { latestBundle, saveBundle } from '../repositories/bundles.js';
import { itemExists, saveEntry } from '../repositories/catalogue.js';
import { BUNDLE_DIR, checkBundle, type BundleEntry } from './bundle.js';
import { checkEntry, type CatalogueEntry } from './entry.js';

export const CATALOGUE_DIR = path.join(PROJECT_ROOT, 'catalogue', 'items');

export async function readCatalogueFiles(dir = CATALOGUE_DIR): Promise<Array<{ file: string; entry: CatalogueEntry }>> {
  const files = (await fs.readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(files.map(async (file) => {
    const entry = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as CatalogueEntry;
    const problems = checkEntry(entry);
    if (problems.length) {
      throw new StartupError(`事项清单文件 catalogue/items/${file} 无效: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, '请修正该文件后重新启动');
    }
    if (`${entry.key}.json` !== file) throw new StartupError(`事项清单文件 catalogue/items/${file} 的 key 为 ${entry.key}`, `文件名应为 ${entry.key}.json`);
    return { file, entry };
  }));
}

export async function seedCatalogue(db: Knex, dir = CATALOGUE_DIR): Promise<{ added: string[] }> {
  const added: string[] = [];
  for (const { entry } of await readCatalogueFiles(dir)) {
    if (await itemExists(db, entry.key)) continue;
    await saveEntry(db, entry, 'seed');
    added.push(entry.key);
  }
  return { added };
}

/** Seeds bundles whose key is not in the database yet (like the item catalogue). */
export async function seedBundles(db: Knex, items: Map<string, CatalogueEntry>): Promise<string[]> {
  const added: string[] = [];
  for (const file of (await fs.readdir(BUNDLE_DIR)).filter((name) => name.endsWith('.json')).sort()) {
    const entry = JSON.parse(await fs.readFile(path.join(BUNDLE_DIR, file), 'utf8')) as BundleEntry;
    const problems = checkBundle(entry, items);
    if (problems.length) throw new StartupError(`一件事文件 catalogue/bundles/${file} 无效: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, '请修正该文件后重新启动');
    if (await latestBundle(db, entry.key)) continue;
    await saveBundle(db, entry, 'seed');
    added.push(entry.key);
  }
  return added;
}
