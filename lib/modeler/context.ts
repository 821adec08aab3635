// What the lint rules know of the project, built from the sources themselves (topics, groups,
// forms/, processes/, the catalogue), so that the modeler, the deploy endpoint and the test
// suite check against the same lists and none of them can drift.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CatalogueEntry } from '../catalogue/entry.js';
import { collectResources } from '../engine/deploy.js';
import { GROUPS } from '../engine/directory.js';
import { COMMITMENT_FULFILLED_MESSAGE, DEFERRED_SUPPLEMENT_MESSAGE, commitmentVerificationBlock, deferredSupplementBlock, resultIssueBlock } from '../bpmn/blocks.js';
import { TOPICS } from '../process/topics.js';
import type { LintContext } from './lint/rules.js';

/** Candidate groups that come from the catalogue entry or the bundle at run time, or the 审查 form's select of sections (征求意见). */
export const GROUP_EXPRESSIONS = ['${reviewGroup}', '${decisionGroup}', '${inspectionGroup}', '${consultationGroup}'];

/** The groups that do work in tasks (not the technical and administrative ones). */
const WORKING_GROUPS = Object.values(GROUPS).map((group) => group.id).filter((id) => id !== 'shenpiServices' && id !== 'operators');

export interface ProjectFiles {
  /** form ids of forms/ */
  forms: string[];
  /** process ids of processes/ */
  processes: string[];
}

export async function projectFiles(root: string): Promise<ProjectFiles> {
  const resources = await collectResources(root);
  const forms: string[] = [];
  const processes: string[] = [];
  for (const resource of resources) {
    const text = resource.content.toString('utf8');
    if (resource.name.endsWith('.form')) {
      const id = (JSON.parse(text) as { id?: unknown }).id;
      if (typeof id === 'string') forms.push(id);
    } else if (resource.name.endsWith('.bpmn')) {
      for (const match of text.matchAll(/<bpmn:process id="([^"]+)"/g)) processes.push(match[1]!);
    }
  }
  return { forms, processes };
}

export function buildLintContext(files: ProjectFiles, entries: Array<Pick<CatalogueEntry, 'key' | 'type'>>, extra: { forms?: string[]; processes?: string[] } = {}): LintContext {
  return {
    topics: Object.values(TOPICS).sort(),
    forms: [...new Set([...files.forms, ...(extra.forms ?? [])])].sort(),
    groups: WORKING_GROUPS,
    groupExpressions: GROUP_EXPRESSIONS,
    processes: [...new Set([...files.processes, ...(extra.processes ?? []), ...entries.map((entry) => entry.key)])].sort(),
    permitItems: entries.filter((entry) => entry.type === '行政许可').map((entry) => entry.key).sort(),
    promiseMessages: [DEFERRED_SUPPLEMENT_MESSAGE, COMMITMENT_FULFILLED_MESSAGE],
    promiseBlocks: [deferredSupplementBlock.id, commitmentVerificationBlock.id],
    publication: { topic: TOPICS.publishLicence, blocks: [resultIssueBlock.id] },
  };
}

/** The catalogue entries of catalogue/items/ (the seed), for checks that need no database. */
export async function seededEntries(root: string): Promise<CatalogueEntry[]> {
  const dir = path.join(root, 'catalogue', 'items');
  const files = (await fs.readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(files.map(async (file) => JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as CatalogueEntry));
}
