// The template in force for a kind and an item: the item's own latest version, else the kind's
// latest default; the seeded default becomes version 1 the first time a kind is needed.
import type { Knex } from 'knex';
import { latestTemplate, saveTemplate, type TemplateVersion } from '../repositories/documents.js';
import { DEFAULT_TEMPLATES } from './defaults.js';
import type { DocumentKind } from './kinds.js';
import type { DocumentTemplate } from './template-engine.js';

export const SEED_AUTHOR = 'shenpi (默认模板)';

export async function templateInForce(db: Knex, kind: DocumentKind, itemKey: string): Promise<TemplateVersion<DocumentTemplate>> {
  const found = await latestTemplate<DocumentTemplate>(db, kind, itemKey);
  if (found) return found;
  await saveTemplate(db, kind, '', DEFAULT_TEMPLATES[kind], SEED_AUTHOR);
  return (await latestTemplate<DocumentTemplate>(db, kind, itemKey))!;
}
