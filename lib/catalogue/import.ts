// Catalogue import: each entry is checked and saved on its own, so one bad item never blocks
// the others and is never half-imported; the report says, row by row, what happened and why.
import type { Knex } from 'knex';
import { InvalidInput, NotFound } from '../errors.js';
import type { ValidationProblem } from '../validation/application-validator.js';
import { itemExists, saveEntry, type SaveOutcome } from '../repositories/catalogue.js';
import { checkEntry, type CatalogueEntry } from './entry.js';

/** Where a problem was found: a spreadsheet row, or a position in a JSON file. */
export interface SourceRef {
  sheet?: string;
  row?: number;
  /** e.g. "items[3]" for JSON */
  position?: string;
}

export interface ImportCandidate {
  /** the entry as parsed (may be invalid) */
  entry: unknown;
  /** where the entry itself came from */
  source: SourceRef;
  /** where each material came from, by index in entry.materials */
  materialSources?: SourceRef[];
  /** problems found while parsing (cells that are not a number, a 是/否 …) */
  parseProblems: Array<ValidationProblem & SourceRef>;
}

export interface ImportReportRow {
  key: string;
  status: 'imported' | 'unchanged' | 'rejected';
  version?: number;
  problems: Array<ValidationProblem & SourceRef>;
}

export interface ImportReport {
  imported: number;
  unchanged: number;
  rejected: number;
  items: ImportReportRow[];
}

function locate(problem: ValidationProblem, candidate: ImportCandidate): ValidationProblem & SourceRef {
  const material = /^\/materials\/(\d+)/.exec(problem.field);
  const source = material ? candidate.materialSources?.[Number(material[1])] ?? candidate.source : candidate.source;
  return { ...source, ...problem };
}

export async function importCatalogue(db: Knex, candidates: ImportCandidate[], by: string): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, unchanged: 0, rejected: 0, items: [] };
  const keys = new Map<string, number>();
  for (const candidate of candidates) {
    const key = typeof (candidate.entry as { key?: unknown })?.key === 'string' ? (candidate.entry as { key: string }).key : '(无事项标识)';
    keys.set(key, (keys.get(key) ?? 0) + 1);
  }
  for (const candidate of candidates) {
    const key = typeof (candidate.entry as { key?: unknown })?.key === 'string' ? (candidate.entry as { key: string }).key : '(无事项标识)';
    const problems = [...candidate.parseProblems, ...checkEntry(candidate.entry).map((problem) => locate(problem, candidate))];
    if ((keys.get(key) ?? 0) > 1) problems.push({ ...candidate.source, field: '/key', rule: 'unique', message: `事项标识「${key}」在导入文件中出现多次` });
    if (problems.length) {
      report.rejected += 1;
      report.items.push({ key, status: 'rejected', problems });
      continue;
    }
    const outcome = await saveEntry(db, candidate.entry as CatalogueEntry, by);
    report[outcome.changed ? 'imported' : 'unchanged'] += 1;
    report.items.push({ key, status: outcome.changed ? 'imported' : 'unchanged', version: outcome.version, problems: [] });
  }
  return report;
}

/** A JSON import: an array of entries, or { items: [...] } as the export writes it. */
export function candidatesFromJson(data: unknown): ImportCandidate[] {
  const items = Array.isArray(data) ? data : (data as { items?: unknown })?.items;
  if (!Array.isArray(items)) {
    return [{ entry: data, source: { position: '(文件)' }, parseProblems: [{ position: '(文件)', field: '/', rule: 'type', message: '导入文件应为事项数组, 或含 items 数组的对象' }] }];
  }
  return items.map((entry, index) => ({
    entry,
    source: { position: `items[${index}]` },
    materialSources: Array.isArray((entry as { materials?: unknown })?.materials)
      ? (entry as { materials: unknown[] }).materials.map((_m, i) => ({ position: `items[${index}].materials[${i}]` }))
      : undefined,
    parseProblems: [],
  }));
}

/**
 * One entry edited in the 工作台: checked as an import checks it (the schema and the rules it
 * cannot say), saved as the next version, or refused with every problem and nothing written.
 */
export async function editEntry(db: Knex, key: string, entry: unknown, by: string): Promise<SaveOutcome> {
  if (!(await itemExists(db, key))) throw new NotFound(`事项 ${key} 不在事项清单中`);
  const problems = checkEntry(entry);
  const sent = (entry as { key?: unknown } | null)?.key;
  if (sent !== undefined && sent !== key) problems.push({ field: '/key', rule: 'const', message: `事项标识不能修改 (应为「${key}」)` });
  if (problems.length) throw new InvalidInput(`事项「${key}」有 ${problems.length} 处问题, 未保存`, problems);
  return saveEntry(db, entry as CatalogueEntry, by);
}
