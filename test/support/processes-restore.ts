// Specs that deploy a changed item process from the modeler put the repository's version back
// on top afterwards, so the process specs that run later start cases on the real process.
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/config.js';
import { deployResources } from '../../lib/engine/deploy.js';
import type { System } from '../../bin/system.js';

export async function restoreItemProcess(system: System, key: string): Promise<void> {
  const name = `processes/items/${key}.bpmn`;
  const resources = [{ name, content: await fs.readFile(path.join(PROJECT_ROOT, name)) }];
  for (const form of ['forms/blocks/site-inspection/follow-up.form']) resources.push({ name: form, content: await fs.readFile(path.join(PROJECT_ROOT, form)) });
  await deployResources(system.admin, resources, `test-restore:${key}`);
}
