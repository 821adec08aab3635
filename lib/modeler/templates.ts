// Camunda 7 element templates for the web modeler, generated from the sources so they cannot
// drift: one per worker (from its `template` description: 双公示推送 instead of a topic), and
// one call-activity template per building block, called the way the item and bundle
// generators call it (same business key, same variables in and out).
import { BLOCKS } from '../bpmn/blocks.js';
import { inspectionOpinionBlock, jointInspectionBlock } from '../bpmn/bundle-blocks.js';
import { bundleProcess } from '../bpmn/bundle-process.js';
import { callVariables, type Node, type ProcessModel } from '../bpmn/builder.js';
import { itemProcess } from '../bpmn/item-process.js';
import type { TemplatedWorker } from '../process/worker-template.js';

export const TEMPLATE_SCHEMA = 'https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json';

interface Binding {
  type: string;
  name?: string;
  target?: string;
  source?: string;
  expression?: boolean;
  variables?: 'all' | 'local';
}

interface TemplateProperty {
  label?: string;
  description?: string;
  type: 'Hidden' | 'String' | 'Text' | 'Dropdown';
  value?: string;
  editable?: boolean;
  choices?: Array<{ name: string; value: string }>;
  binding: Binding;
  constraints?: { notEmpty?: boolean };
}

export interface ElementTemplate {
  $schema: string;
  id: string;
  name: string;
  description: string;
  version: number;
  appliesTo: string[];
  elementType: { value: string };
  /** shenpi's grouping in the modeler's 构件 list (ignored by the properties panel) */
  category: { id: 'block' | 'task'; name: string };
  properties: TemplateProperty[];
}

export const TEMPLATE_VERSION = 1;

export function workerTemplate(worker: TemplatedWorker): ElementTemplate {
  const { template } = worker;
  const described = [template.description, template.outputs?.length ? `写入: ${template.outputs.join(', ')}` : ''].filter(Boolean).join('。');
  return {
    $schema: TEMPLATE_SCHEMA,
    id: `shenpi.task.${worker.topic}`,
    name: template.name,
    description: described,
    version: TEMPLATE_VERSION,
    appliesTo: ['bpmn:Task'],
    elementType: { value: 'bpmn:ServiceTask' },
    category: { id: 'task', name: '任务' },
    properties: [
      { type: 'Hidden', value: 'external', binding: { type: 'property', name: 'camunda:type' } },
      { label: '主题 (topic)', type: 'String', editable: false, value: worker.topic, binding: { type: 'property', name: 'camunda:topic' } },
      ...(template.inputs ?? []).map((input): TemplateProperty => (input.choices
        ? { label: input.label, type: 'Dropdown', value: input.value, choices: input.choices.map((choice) => ({ name: choice, value: choice })), binding: { type: 'camunda:inputParameter', name: input.name } }
        : { label: input.label, type: 'String', value: input.value, binding: { type: 'camunda:inputParameter', name: input.name }, constraints: { notEmpty: true } })),
    ],
  };
}

type CallNode = Extract<Node, { kind: 'call' }>;

/** How the generators call each block (a 承诺件 item and a bundle with 联合踏勘 call them all). */
function callsByBlock(): Map<string, CallNode> {
  const sample = itemProcess({ key: 'template-sample', name: '样例', processingType: '承诺件', promisedTimeLimit: 10, legalTimeLimit: 20 });
  const bundle = bundleProcess({ key: 'template-sample-bundle', name: '样例一件事', targetWorkingDays: 10, jointInspection: { groups: ['window'] } });
  const calls = new Map<string, CallNode>();
  for (const node of [...sample.nodes, ...bundle.nodes, ...jointInspectionBlock.nodes]) {
    if (node.kind === 'call' && !calls.has(node.calledElement)) calls.set(node.calledElement, node);
  }
  return calls;
}

export function blockTemplate(block: ProcessModel, call: CallNode | undefined): ElementTemplate {
  const properties: TemplateProperty[] = [
    { label: '调用的构件', type: 'String', editable: false, value: block.id, binding: { type: 'property', name: 'calledElement' } },
    { type: 'Hidden', value: 'latest', binding: { type: 'property', name: 'camunda:calledElementBinding' } },
    { type: 'Hidden', value: call?.businessKey ?? '#{execution.processBusinessKey}', binding: { type: 'camunda:in:businessKey' } },
  ];
  // named variables in and out, as the generators pass them (never all)
  const named = callVariables(`template ${block.id}`, call ?? { kind: 'call', id: 'BlockCallActivity', name: block.name, calledElement: block.id });
  for (const name of named.in.filter((name) => !(name in (call?.inputs ?? {})))) properties.push({ type: 'Hidden', value: name, binding: { type: 'camunda:in', target: name } });
  for (const [target, source] of Object.entries(call?.inputs ?? {})) {
    properties.push({ label: `传入 ${target}`, type: 'String', value: source, binding: { type: 'camunda:in', target, expression: true } });
  }
  for (const name of named.out) properties.push({ type: 'Hidden', value: name, binding: { type: 'camunda:out', source: name } });
  return {
    $schema: TEMPLATE_SCHEMA,
    id: `shenpi.block.${block.id}`,
    name: block.name,
    description: block.documentation,
    version: TEMPLATE_VERSION,
    appliesTo: ['bpmn:Task', 'bpmn:CallActivity'],
    elementType: { value: 'bpmn:CallActivity' },
    category: { id: 'block', name: '构件' },
    properties,
  };
}

export const ALL_BLOCKS: ProcessModel[] = [...BLOCKS, jointInspectionBlock, inspectionOpinionBlock];

export function elementTemplates(workers: TemplatedWorker[]): ElementTemplate[] {
  const calls = callsByBlock();
  return [
    ...ALL_BLOCKS.map((block) => blockTemplate(block, calls.get(block.id))),
    ...workers.map(workerTemplate),
  ];
}
