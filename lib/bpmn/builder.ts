// A small builder for the BPMN that shenpi generates (building blocks, item processes): the
// semantic model is written here with readable ids, and bpmn-auto-layout adds the diagram so
// that the modeler opens every file. Only camunda: extensions Operaton also understands.
import { createRequire } from 'node:module';
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { BPMN_ERRORS } from '../process/bpmn-errors.js';
import { CALENDAR_TOPICS } from '../process/topics.js';
import { BLOCK_VARIABLES } from './block-variables.js';
import { DESK_BUSINESS_KEY_EXPRESSION } from '../cases/identity.js';

export type Inputs = Record<string, string>;

/** When `choiceVariable` is `choice`, `requiredVariable` must be filled in (engine listener). */
export interface ReasonRule {
  choiceVariable: string;
  choice: string;
  requiredVariable: string;
  message: string;
}

/** Another rule the engine checks when a task completes: a listener class of the engine with its string fields. */
export interface CompleteRule {
  listener: string;
  fields: Record<string, string>;
}

export const REQUIRE_REASON_LISTENER = 'org.shenpi.engine.RequireReasonListener';
/** 法制审核 不同意 binds the decision (no grant) */
export const BINDING_OPINION_LISTENER = 'org.shenpi.engine.BindingOpinionListener';
/** 审查与决定分离 */
export const SEPARATION_OF_DUTIES_LISTENER = 'org.shenpi.engine.SeparationOfDutiesListener';
export const START_FORM_GUARD = 'org.shenpi.engine.StartFormGuard';

/**
 * What a clerk needs to know a case at a glance in the Tasklist's list: copied onto each human
 * task as task-local variables when it is created (clerks may read a task, not the whole case).
 * Local names of their own, so that a form submitting `applicantName` still reaches the case.
 */
export const TASK_LIST_COLUMNS = [
  { local: 'listReceiptNumber', source: 'receiptNumber', label: '受理编号' },
  { local: 'listApplicant', source: 'applicantName', label: '申请人' },
  { local: 'listItem', source: 'itemName', label: '事项' },
] as const;

/** A task due at `${xDueAt}` is followed up from `${xWarningAt}` (the yellow warning): 即将超期. */
export function followUpOf(due: string | undefined): string | undefined {
  const match = due ? /^\$\{(\w+)DueAt\}$/.exec(due) : null;
  return match ? `\${${match[1]}WarningAt}` : undefined;
}

export type Node =
  | { kind: 'start'; id: string; name: string;
      /** the front desk's start form (一窗受理) in forms/; the starting user is kept in `initiator` */
      form?: string;
      /** the start form's rules as JSON, checked by the engine before the case starts */
      guard?: string;
      /** variables set at the start when the starter did not give them (a Tasklist start) */
      defaults?: Record<string, string>;
      /** the message that starts an event sub-process (interrupting) */
      message?: string }
  | { kind: 'end'; id: string; name: string; terminate?: boolean;
      /** an error end event: throws this error (one of the model's `errors`) to the caller's boundary event */
      error?: string }
  | { kind: 'service'; id: string; name: string; topic: string; inputs?: Inputs; outputs?: Inputs; documentation?: string }
  | { kind: 'user'; id: string; name: string; groups: string; form: string; due?: string;
      /** an expression: who the task goes to directly (null: the candidate groups claim it) */
      assignee?: string; rules?: ReasonRule[]; checks?: CompleteRule[]; documentation?: string }
  | { kind: 'call'; id: string; name: string; calledElement: string; inputs?: Inputs;
      /** what the call hands back, if fewer than the block's `out` list (BLOCK_VARIABLES) */
      outputs?: string[];
      /** a parallel instance per element of the collection (a process variable) */
      multiInstance?: { collection: string; elementVariable: string;
        /** 会签: ends the remaining instances once it holds (evaluated as each instance completes) */
        completionCondition?: string };
      /** the called case's business key (default: the caller's); an expression */
      businessKey?: string;
      /** variables handed in by name besides the called block's list (BLOCK_VARIABLES), e.g. an item's start-form fields */
      passIn?: string[];
      /** hand over only `inputs` (a called process that is not a block: a bundle's items) */
      onlyInputs?: boolean }
  | { kind: 'xor'; id: string; name: string }
  | { kind: 'inclusive'; id: string; name: string }
  | { kind: 'eventGateway'; id: string; name: string }
  | { kind: 'messageCatch'; id: string; name: string; message: string }
  | { kind: 'timerCatch'; id: string; name: string; date: string }
  | { kind: 'boundaryTimer'; id: string; name: string; attachedTo: string; date: string; interrupting: boolean }
  | { kind: 'boundaryError'; id: string; name: string; attachedTo: string; error: string }
  | { kind: 'boundaryMessage'; id: string; name: string; attachedTo: string; message: string };

export interface Flow {
  id: string;
  from: string;
  to: string;
  name?: string;
  condition?: string;
}

export interface ProcessModel {
  id: string;
  name: string;
  documentation: string;
  nodes: Node[];
  flows: Flow[];
  errors?: Array<{ id: string; name: string; code: string }>;

  messages?: Array<{ id: string; name: string }>;
  /** event sub-processes (e.g. 撤回): a message start event interrupts the whole case, wherever it is */
  eventSubprocesses?: Array<{ id: string; name: string; nodes: Node[]; flows: Flow[] }>;
}

function pascal(id: string): string {
  return id.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

/** Correlated to every waiting case when an analyst publishes a year of the working-day calendar. */
export const WORK_CALENDAR_PUBLISHED_MESSAGE = 'WorkCalendarPublished';

/** The input parameter that tells a calendar worker its task waits for an unpublished year (else: an incident). */
export const AWAITS_CALENDAR = 'awaitsCalendar';

/** Set by the worker with the BPMN error: when the wait looks at the calendar again, in case a message was missed. */
export const CALENDAR_RECHECK_AT = 'calendarRecheckAt';

/**
 * 待发布工作日历: every task that counts working days (CALENDAR_TOPICS) gets, in one place, a
 * wait for a year the calendar does not know yet. Its worker ends in WORK_CALENDAR_YEAR_UNPUBLISHED,
 * the case waits for WorkCalendarPublished (or a recheck a few hours later) and the task runs
 * again, computing every date then: no guess, no manual retry.
 */
export function withCalendarWait(model: ProcessModel): ProcessModel {
  const tasks = model.nodes.filter((node) => node.kind === 'service' && CALENDAR_TOPICS.includes(node.topic as never));
  if (tasks.length === 0) return model;
  const base = (task: Node): string => task.id.replace(/Task$/, '');
  // the wait comes right after its task and its task's first flow: the layout places elements in that order
  const nodes = model.nodes.flatMap((node): Node[] => (!tasks.includes(node) || node.kind !== 'service' ? [node] : [
    { ...node, inputs: { ...node.inputs, [AWAITS_CALENDAR]: '${true}' } },
    { kind: 'boundaryError', id: `${base(node)}CalendarUnpublishedEvent`, name: '工作日历未发布', attachedTo: node.id, error: 'WorkCalendarYearUnpublishedError' },
    { kind: 'eventGateway', id: `${base(node)}AwaitCalendarGateway`, name: '待发布工作日历' },
    { kind: 'messageCatch', id: `${base(node)}CalendarPublishedEvent`, name: '工作日历已发布', message: 'WorkCalendarPublishedMessage' },
    { kind: 'timerCatch', id: `${base(node)}CalendarRecheckTimer`, name: '复查工作日历', date: `\${${CALENDAR_RECHECK_AT}}` },
  ]));
  const flows = model.flows.flatMap((flow): Flow[] => {
    const task = tasks.find((candidate) => candidate.id === flow.from);
    if (!task || model.flows.find((other) => other.from === task.id) !== flow) return [flow];
    const id = base(task);
    return [
      flow,
      { id: `${id}ToAwaitCalendarFlow`, from: `${id}CalendarUnpublishedEvent`, to: `${id}AwaitCalendarGateway` },
      { id: `${id}ToCalendarPublishedFlow`, from: `${id}AwaitCalendarGateway`, to: `${id}CalendarPublishedEvent` },
      { id: `${id}ToCalendarRecheckFlow`, from: `${id}AwaitCalendarGateway`, to: `${id}CalendarRecheckTimer` },
      { id: `${id}CalendarPublishedFlow`, name: '重新计算', from: `${id}CalendarPublishedEvent`, to: task.id },
      { id: `${id}CalendarRecheckedFlow`, name: '重新计算', from: `${id}CalendarRecheckTimer`, to: task.id },
    ];
  });
  return {
    ...model,
    nodes,
    flows,
    errors: [...(model.errors ?? []), { id: 'WorkCalendarYearUnpublishedError', name: '工作日历未发布', code: BPMN_ERRORS.calendarYearUnpublished }],
    messages: [...(model.messages ?? []), { id: 'WorkCalendarPublishedMessage', name: WORK_CALENDAR_PUBLISHED_MESSAGE }],
  };
}

/**
 * A call activity passes named variables in and out, never all (issue 14): the called block's
 * lists (block-variables.ts), what it hands back handed in too (so that an unset variable does
 * not come back as null), plus the node's own `passIn`; a process called with `onlyInputs` gets
 * its `inputs` and nothing else.
 */
export function callVariables(processId: string, node: Extract<Node, { kind: 'call' }>): { in: string[]; out: string[] } {
  if (node.onlyInputs) return { in: [], out: node.outputs ?? [] };
  const block = BLOCK_VARIABLES[node.calledElement];
  if (!block) throw new Error(`${processId}: 调用活动 ${node.id} 调用的 ${node.calledElement} 没有传入传出变量清单 (lib/bpmn/block-variables.ts)`);
  const out = node.outputs ?? [...block.out];
  return { in: [...new Set([...block.in, ...out, ...(node.passIn ?? [])])], out };
}

const camunda = createRequire(import.meta.url)('camunda-bpmn-moddle/resources/camunda.json') as Record<string, unknown>;

/** Builds the elements of one file; references (flows, messages, errors) are to the elements themselves. */
class ModelWriter {
  readonly moddle = new BpmnModdle({ camunda });
  private readonly elements = new Map<string, ModdleElement>();

  constructor(readonly processId: string) {}

  create(type: string, attrs: Record<string, unknown> = {}): ModdleElement {
    const defined = Object.fromEntries(Object.entries(attrs).filter(([, value]) => value !== undefined));
    const element = this.moddle.create(type, defined);
    if (typeof defined.id === 'string') this.elements.set(defined.id, element);
    return element;
  }

  /** the element with that id, created earlier */
  ref(id: string): ModdleElement {
    const element = this.elements.get(id);
    if (!element) throw new Error(`${this.processId}: 引用了不存在的元素 ${id}`);
    return element;
  }

  expression(body: string): ModdleElement {
    return this.create('bpmn:FormalExpression', { body });
  }

  documentation(text: string | undefined): ModdleElement[] | undefined {
    return text ? [this.create('bpmn:Documentation', { text })] : undefined;
  }

  extensions(values: ModdleElement[]): ModdleElement | undefined {
    return values.length ? this.create('bpmn:ExtensionElements', { values }) : undefined;
  }

  /** camunda:field elements with string values */
  fields(values: Record<string, string>): ModdleElement[] {
    return Object.entries(values).map(([name, stringValue]) => this.create('camunda:Field', { name, stringValue }));
  }

  inputOutput(inputs: Inputs | undefined, outputs?: Inputs): ModdleElement[] {
    const parameters = (type: string, given: Inputs | undefined) => Object.entries(given ?? {}).map(([name, value]) => this.create(type, { name, value }));
    const inputParameters = parameters('camunda:InputParameter', inputs);
    const outputParameters = parameters('camunda:OutputParameter', outputs);
    if (inputParameters.length + outputParameters.length === 0) return [];
    return [this.create('camunda:InputOutput', { inputParameters, outputParameters: outputParameters.length ? outputParameters : undefined })];
  }
}

const ELEMENT_TYPES: Record<Node['kind'], string> = {
  start: 'bpmn:StartEvent',
  end: 'bpmn:EndEvent',
  service: 'bpmn:ServiceTask',
  user: 'bpmn:UserTask',
  call: 'bpmn:CallActivity',
  xor: 'bpmn:ExclusiveGateway',
  inclusive: 'bpmn:InclusiveGateway',
  eventGateway: 'bpmn:EventBasedGateway',
  messageCatch: 'bpmn:IntermediateCatchEvent',
  timerCatch: 'bpmn:IntermediateCatchEvent',
  boundaryTimer: 'bpmn:BoundaryEvent',
  boundaryError: 'bpmn:BoundaryEvent',
  boundaryMessage: 'bpmn:BoundaryEvent',
};

/** the start event of a desk process: its form, the business key of a Tasklist start, the guard and defaults */
function startAttributes(writer: ModelWriter, node: Extract<Node, { kind: 'start' }>): Record<string, unknown> {
  if (node.message) return { isInterrupting: true };
  if (!node.form) return {};
  // started from the Tasklist, a case has no business key yet: it gets one from its id
  const key = `\${execution.processBusinessKey == null ? execution.setProcessBusinessKey(${DESK_BUSINESS_KEY_EXPRESSION}) : null}`;
  const listener = (attrs: Record<string, unknown>) => writer.create('camunda:ExecutionListener', { ...attrs, event: 'start' });
  const guard = node.guard ? [listener({ class: START_FORM_GUARD, fields: [writer.create('camunda:Field', { name: 'rules', string: node.guard })] })] : [];
  const defaults = Object.entries(node.defaults ?? {}).map(([name, value]) =>
    listener({ expression: `\${execution.getVariable('${name}') == null ? execution.setVariable('${name}', '${value}') : null}` }));
  return {
    'camunda:formRef': node.form,
    'camunda:formRefBinding': 'deployment',
    'camunda:initiator': 'initiator',
    extensionElements: writer.extensions([...guard, listener({ expression: key }), ...defaults]),
  };
}

function userTaskAttributes(writer: ModelWriter, node: Extract<Node, { kind: 'user' }>): Record<string, unknown> {
  const listener = (attrs: Record<string, unknown>) => writer.create('camunda:TaskListener', attrs);
  const columns = TASK_LIST_COLUMNS.map((column) =>
    listener({ expression: `\${task.setVariableLocal('${column.local}', task.execution.getVariable('${column.source}'))}`, event: 'create' }));
  const rules = (node.rules ?? []).map((rule) => listener({ class: REQUIRE_REASON_LISTENER, event: 'complete',
    fields: writer.fields({ choiceVariable: rule.choiceVariable, choice: rule.choice, requiredVariable: rule.requiredVariable, message: rule.message }) }));
  const checks = (node.checks ?? []).map((check) => listener({ class: check.listener, event: 'complete', fields: writer.fields(check.fields) }));
  return {
    'camunda:candidateGroups': node.groups,
    'camunda:formRef': node.form,
    'camunda:formRefBinding': 'deployment',
    'camunda:assignee': node.assignee,
    'camunda:dueDate': node.due,
    'camunda:followUpDate': followUpOf(node.due),
    documentation: writer.documentation(node.documentation),
    extensionElements: writer.extensions([...columns, ...rules, ...checks]),
  };
}

/** a call activity: the business key, the named variables in and out (callVariables), a multi-instance loop */
function callAttributes(writer: ModelWriter, node: Extract<Node, { kind: 'call' }>): Record<string, unknown> {
  const named = callVariables(writer.processId, node);
  const given = node.inputs ?? {};
  const mappings = [
    writer.create('camunda:In', { businessKey: node.businessKey ?? '#{execution.processBusinessKey}' }),
    ...named.in.filter((name) => !(name in given)).map((name) => writer.create('camunda:In', { source: name, target: name })),
    ...Object.entries(given).map(([target, sourceExpression]) => writer.create('camunda:In', { sourceExpression, target })),
    ...named.out.map((name) => writer.create('camunda:Out', { source: name, target: name })),
  ];
  const loop = node.multiInstance && writer.create('bpmn:MultiInstanceLoopCharacteristics', {
    'camunda:collection': node.multiInstance.collection,
    'camunda:elementVariable': node.multiInstance.elementVariable,
    completionCondition: node.multiInstance.completionCondition && writer.expression(node.multiInstance.completionCondition),
  });
  return { calledElement: node.calledElement, 'camunda:calledElementBinding': 'latest', extensionElements: writer.extensions(mappings), loopCharacteristics: loop };
}

/** what a node is besides its id and name; its event definition, if any, comes separately (eventDefinition) */
function nodeAttributes(writer: ModelWriter, node: Node): Record<string, unknown> {
  switch (node.kind) {
    case 'start': return startAttributes(writer, node);
    case 'service': return {
      'camunda:type': 'external',
      'camunda:topic': node.topic,
      documentation: writer.documentation(node.documentation),
      extensionElements: writer.extensions(writer.inputOutput(node.inputs, node.outputs)),
    };
    case 'user': return userTaskAttributes(writer, node);
    case 'call': return callAttributes(writer, node);
    case 'boundaryTimer': return { attachedToRef: writer.ref(node.attachedTo), cancelActivity: node.interrupting ? undefined : false };
    case 'boundaryError': case 'boundaryMessage': return { attachedToRef: writer.ref(node.attachedTo) };
    default: return {};
  }
}

function eventDefinition(writer: ModelWriter, node: Node): ModdleElement | undefined {
  const id = `${node.id}Definition`;
  const timer = (date: string) => writer.create('bpmn:TimerEventDefinition', { id, timeDate: writer.expression(date) });
  const message = (ref: string) => writer.create('bpmn:MessageEventDefinition', { id, messageRef: writer.ref(ref) });
  switch (node.kind) {
    case 'start': return node.message ? message(node.message) : undefined;
    case 'end':
      if (node.error) return writer.create('bpmn:ErrorEventDefinition', { id, errorRef: writer.ref(node.error) });
      return node.terminate ? writer.create('bpmn:TerminateEventDefinition', { id }) : undefined;
    case 'messageCatch': case 'boundaryMessage': return message(node.message);
    case 'timerCatch': case 'boundaryTimer': return timer(node.date);
    case 'boundaryError': return writer.create('bpmn:ErrorEventDefinition', { id, errorRef: writer.ref(node.error) });
    default: return undefined;
  }
}

/** One scope (the process or an event sub-process): its nodes, then its flows, wired both ways. */
function flowElements(writer: ModelWriter, nodes: Node[], flows: Flow[]): ModdleElement[] {
  // attached events name their task, which may come later in the list
  const ordered = [...nodes.filter((node) => !node.kind.startsWith('boundary')), ...nodes.filter((node) => node.kind.startsWith('boundary'))];
  for (const node of ordered) writer.create(ELEMENT_TYPES[node.kind], { id: node.id, name: node.name, ...nodeAttributes(writer, node) });
  const elements = nodes.map((node) => writer.ref(node.id));
  for (const node of nodes) {
    const definition = eventDefinition(writer, node);
    if (definition) writer.ref(node.id).eventDefinitions = [definition];
  }
  const sequenceFlows = flows.map((flow) => {
    const source = writer.ref(flow.from);
    const target = writer.ref(flow.to);
    const element = writer.create('bpmn:SequenceFlow', { id: flow.id, name: flow.name, sourceRef: source, targetRef: target,
      conditionExpression: flow.condition && writer.expression(flow.condition) });
    return element;
  });
  return [...elements, ...sequenceFlows];
}

/** The semantic XML, without diagram: built as a bpmn-moddle model, serialised by it. */
export async function toSemanticXml(given: ProcessModel): Promise<string> {
  const model = withCalendarWait(given);
  const ids = new Set<string>();
  const inner = model.eventSubprocesses ?? [];
  for (const item of [...model.nodes, ...model.flows, ...inner, ...inner.flatMap((sub) => [...sub.nodes, ...sub.flows])]) {
    if (ids.has(item.id)) throw new Error(`${model.id}: id ${item.id} 重复`);
    ids.add(item.id);
  }
  for (const scope of [model, ...inner]) {
    for (const flow of scope.flows) {
      for (const end of [flow.from, flow.to]) if (!scope.nodes.some((node) => node.id === end)) throw new Error(`${model.id}: flow ${flow.id} 指向不存在的元素 ${end}`);
    }
  }
  const writer = new ModelWriter(model.id);
  const errors = (model.errors ?? []).map((e) => writer.create('bpmn:Error', { id: e.id, name: e.name, errorCode: e.code }));
  const messages = (model.messages ?? []).map((m) => writer.create('bpmn:Message', { id: m.id, name: m.name }));
  const main = flowElements(writer, model.nodes, model.flows);
  const subprocesses = inner.map((sub) => writer.create('bpmn:SubProcess', { id: sub.id, name: sub.name, triggeredByEvent: true, flowElements: flowElements(writer, sub.nodes, sub.flows) }));
  // incoming and outgoing, in the order of the flows (the process's first, then the sub-processes')
  for (const flow of [...model.flows, ...inner.flatMap((sub) => sub.flows)]) {
    const element = writer.ref(flow.id);
    const wire = (end: ModdleElement, side: 'incoming' | 'outgoing') => { end[side] = [...((end[side] as ModdleElement[] | undefined) ?? []), element]; };
    wire(element.sourceRef as ModdleElement, 'outgoing');
    wire(element.targetRef as ModdleElement, 'incoming');
  }
  // only a process with a start form is started at the desk (the blocks are called by items)
  const startable = model.nodes.some((node) => node.kind === 'start' && node.form);
  const process = writer.create('bpmn:Process', {
    id: model.id,
    name: model.name,
    isExecutable: true,
    'camunda:isStartableInTasklist': startable ? undefined : false,
    documentation: writer.documentation(model.documentation),
    flowElements: [...main, ...subprocesses],
  });
  const definitions = writer.create('bpmn:Definitions', {
    id: `${pascal(model.id)}Definitions`,
    targetNamespace: 'https://shenpi.org/bpmn',
    rootElements: [...errors, ...messages, process],
  });
  const { xml } = await writer.moddle.toXML(definitions, { format: true });
  return xml;
}

/** The full file: semantic model plus an automatic layout. */
export async function toBpmnXml(model: ProcessModel): Promise<string> {
  const laidOut = await layoutProcess(await toSemanticXml(model));
  // the layout names its diagram elements after the elements; keep them readable
  const moddle = new BpmnModdle({ camunda });
  const { rootElement } = await moddle.fromXML(laidOut, 'bpmn:Definitions');
  const definitions = rootElement as ModdleElement & { diagrams: Array<ModdleElement & { plane: ModdleElement }> };
  const [diagram] = definitions.diagrams;
  if (!diagram) throw new Error(`${model.id}: 自动布局没有生成图`);
  diagram.id = `${pascal(model.id)}Diagram`;
  diagram.plane.id = `${pascal(model.id)}Plane`;
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}
