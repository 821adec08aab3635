// What a called process (a building block) reads from the variables its caller hands in,
// derived from its model: the `${…}` expressions of its elements and flows, the variables each
// external task's worker fetches (less the task's own input parameters), the task-list columns
// of its human tasks and the business date (clockDate) every worker may read. The static spec
// checks lib/bpmn/block-variables.ts against it.
import { formFieldKeys, type FormComponent } from '../../lib/forms/fields.js';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/config.js';
import { BLOCK_VARIABLES } from '../../lib/bpmn/block-variables.js';
import { TASK_LIST_COLUMNS, withCalendarWait, type Node, type ProcessModel } from '../../lib/bpmn/builder.js';
import { TOPICS, WORKERS } from '../../workers/index.js';

const FORMS = path.join(PROJECT_ROOT, 'forms');
const EL_WORDS = new Set(['true', 'false', 'null', 'empty', 'not', 'and', 'or', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'div', 'mod', 'instanceof', 'execution', 'task']);

/** The process variables an expression reads: plain names and execution.getVariable('…'). */
export function expressionReads(text: string): string[] {
  const names: string[] = [];
  for (const [, body] of text.matchAll(/[$#]\{([^}]*)\}/g)) {
    const code = body!.replace(/'[^']*'/g, (literal) => ' '.repeat(literal.length));
    for (const match of code.matchAll(/(?<![.\w])([A-Za-z_]\w*)\b(?!\s*\()/g)) if (!EL_WORDS.has(match[1]!)) names.push(match[1]!);
    for (const [, name] of body!.matchAll(/getVariable\('(\w+)'\)/g)) names.push(name!);
  }
  return names;
}

function nodeTexts(node: Node): string[] {
  switch (node.kind) {
    case 'service': return Object.values(node.inputs ?? {});
    case 'user': return [node.groups, node.due ?? '', node.assignee ?? ''];
    case 'call': return [...Object.values(node.inputs ?? {}), node.businessKey ?? '', node.multiInstance?.collection ?? ''];
    case 'timerCatch': case 'boundaryTimer': return [node.date];
    default: return [];
  }
}

export function blockReads(given: ProcessModel): string[] {
  const model = withCalendarWait(given);
  const reads = new Set<string>();
  for (const text of [...model.nodes.flatMap(nodeTexts), ...model.flows.map((flow) => flow.condition ?? '')]) for (const name of expressionReads(text)) reads.add(name);
  for (const node of model.nodes) {
    if (node.kind === 'user') for (const name of [...TASK_LIST_COLUMNS.map((column) => column.source), ...formReads(node.form)]) reads.add(name);
    // a block calling another hands it what that one reads
    if (node.kind === 'call') {
      const called = BLOCK_VARIABLES[node.calledElement];
      for (const name of [...(called?.in ?? []), ...(node.outputs ?? called?.out ?? [])]) if (!(name in (node.inputs ?? {}))) reads.add(name);
    }
    if (node.kind !== 'service') continue;
    reads.add('clockDate');
    const worker = WORKERS.find((candidate) => candidate.topic === node.topic);
    // the task's parameters (its input parameters, those its worker's template offers) are its own
    const own = new Set([...Object.keys(node.inputs ?? {}), ...(worker?.template.inputs ?? []).map((input) => input.name)]);
    for (const name of worker?.options.variables ?? []) if (!own.has(name) && !(node.topic === TOPICS.computeDeadline && name.startsWith('deadline'))) reads.add(name);
  }
  // what the block sets before it reads it is its own: its forms, its workers' outputs
  for (const name of blockWrites(model)) reads.delete(name);
  // a multi-instance element variable is the block's own
  for (const node of model.nodes) if (node.kind === 'call' && node.multiInstance) reads.delete(node.multiInstance.elementVariable);
  return [...reads].sort();
}

const FEEL_WORDS = new Set(['not', 'and', 'or', 'null', 'true', 'false', 'if', 'then', 'else', 'in', 'some', 'every', 'satisfies']);

function formText(formId: string): string {
  const file = fs.readdirSync(FORMS, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.form')).map((name) => path.join(FORMS, name))
    .find((candidate) => (JSON.parse(fs.readFileSync(candidate, 'utf8')) as { id?: string }).id === formId);
  if (!file) throw new Error(`form ${formId} not in forms/`);
  return fs.readFileSync(file, 'utf8');
}

/** What a form shows of the case: `{{name}}` in its texts, the names in its `=…` (FEEL) conditions. */
export function formReads(formId: string): string[] {
  const text = formText(formId);
  const names = [...text.matchAll(/\{\{\s*([A-Za-z_]\w*)\s*\}\}/g)].map((match) => match[1]!);
  for (const [, expression] of text.matchAll(/"=((?:[^"\\]|\\.)*)"/g)) {
    const code = expression!.replace(/\\"(?:[^"\\]|\\.)*?\\"/g, ' ');
    for (const [, name] of code.matchAll(/(?<![.\w])([A-Za-z_]\w*)\b(?!\s*\()/g)) if (!FEEL_WORDS.has(name!)) names.push(name!);
  }
  return names;
}

/** The fields of a form in forms/ (by form id). */
export function formKeys(formId: string): string[] {
  return formFieldKeys((JSON.parse(formText(formId)) as { components?: FormComponent[] }).components);
}

/** What the block's own forms and workers set (the output parameters and worker templates' outputs, the deadlines it computes). */
export function blockWrites(model: ProcessModel): string[] {
  const writes = new Set<string>();
  for (const node of model.nodes) {
    if (node.kind === 'user') for (const key of formKeys(node.form)) if (!TASK_LIST_COLUMNS.some((column) => column.source === key)) writes.add(key);
    if (node.kind !== 'service') continue;
    for (const name of Object.keys(node.outputs ?? {})) writes.add(name);
    for (const name of WORKERS.find((candidate) => candidate.topic === node.topic)?.template.outputs ?? []) writes.add(name);
    const name = node.topic === TOPICS.computeDeadline ? node.inputs?.deadlineName : undefined;
    if (name) for (const suffix of ['Deadline', 'StartsAt', 'DueAt', 'WarningAt']) writes.add(`${name}${suffix}`);
  }
  return [...writes].sort();
}
