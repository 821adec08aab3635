// Each item's application schema: processes/applications/<item-key>.schema.json.
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/config.js';

export const APPLICATION_SCHEMA_DIR = path.join(PROJECT_ROOT, 'processes', 'applications');
const ITEM_KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class ApplicationSchemas {
  private readonly cache = new Map<string, object | undefined>();

  constructor(private readonly dir: string = APPLICATION_SCHEMA_DIR) {}

  /** The schema of an item, or undefined when the item has none (not in the catalogue). */
  async forItem(itemKey: string): Promise<object | undefined> {
    if (!ITEM_KEY.test(itemKey)) return undefined;
    if (!this.cache.has(itemKey)) {
      const file = path.join(this.dir, `${itemKey}.schema.json`);
      const text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      this.cache.set(itemKey, text === undefined ? undefined : (JSON.parse(text) as object));
    }
    return this.cache.get(itemKey);
  }
}
