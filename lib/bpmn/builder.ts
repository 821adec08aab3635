// A small builder for the BPMN that shenpi generates (building blocks, item processes): the
// semantic model is written here with readable ids, and bpmn-auto-layout adds the diagram so
// that the modeler opens every file. Only camunda: extensions Operaton also understands.
import { layoutProcess } from 'bpmn-auto-layout';
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
  | { kind: 'end'; id: string; name: string; terminate?: boolean }
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

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inputOutput(inputs: Inputs | undefined, outputs?: Inputs): string {
  const params = [
    ...Object.entries(inputs ?? {}).map(([name, value]) => `          <camunda:inputParameter name="${name}">${escape(value)}</camunda:inputParameter>`),
    ...Object.entries(outputs ?? {}).map(([name, value]) => `          <camunda:outputParameter name="${name}">${escape(value)}</camunda:outputParameter>`),
  ];
  if (params.length === 0) return '';
  return `        <camunda:inputOutput>\n${params.join('\n')}\n        </camunda:inputOutput>\n`;
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

/** The semantic XML, without diagram. */
export function toSemanticXml(given: ProcessModel): string {
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
  const allFlows = [...model.flows, ...inner.flatMap((sub) => sub.flows)];
  const incoming = (id: string) => allFlows.filter((f) => f.to === id).map((f) => `      <bpmn:incoming>${f.id}</bpmn:incoming>\n`).join('');
  const outgoing = (id: string) => allFlows.filter((f) => f.from === id).map((f) => `      <bpmn:outgoing>${f.id}</bpmn:outgoing>\n`).join('');
  const io = (id: string) => incoming(id) + outgoing(id);
  const doc = (text?: string) => (text ? `      <bpmn:documentation>${escape(text)}</bpmn:documentation>\n` : '');
  const render = (node: Node): string => {
    switch (node.kind) {
      case 'start': {
        if (node.message) return `    <bpmn:startEvent id="${node.id}" name="${escape(node.name)}" isInterrupting="true">\n${io(node.id)}      <bpmn:messageEventDefinition id="${node.id}Definition" messageRef="${node.message}" />\n    </bpmn:startEvent>`;
        if (!node.form) return `    <bpmn:startEvent id="${node.id}" name="${escape(node.name)}">\n${io(node.id)}    </bpmn:startEvent>`;
        // started from the Tasklist, a case has no business key yet: it gets one from its id
        const key = `\${execution.processBusinessKey == null ? execution.setProcessBusinessKey(${DESK_BUSINESS_KEY_EXPRESSION}) : null}`;
        const guard = node.guard ? `        <camunda:executionListener class="${START_FORM_GUARD}" event="start">\n          <camunda:field name="rules">\n            <camunda:string>${escape(node.guard)}</camunda:string>\n          </camunda:field>\n        </camunda:executionListener>\n` : '';
        const defaults = Object.entries(node.defaults ?? {}).map(([name, value]) => `        <camunda:executionListener expression="${escape(`\${execution.getVariable('${name}') == null ? execution.setVariable('${name}', '${value}') : null}`)}" event="start" />\n`).join('');
        return `    <bpmn:startEvent id="${node.id}" name="${escape(node.name)}" camunda:formRef="${node.form}" camunda:formRefBinding="deployment" camunda:initiator="initiator">\n      <bpmn:extensionElements>\n${guard}        <camunda:executionListener expression="${escape(key)}" event="start" />\n${defaults}      </bpmn:extensionElements>\n${io(node.id)}    </bpmn:startEvent>`;
      }
      case 'end':
        return `    <bpmn:endEvent id="${node.id}" name="${escape(node.name)}">\n${io(node.id)}${node.terminate ? `      <bpmn:terminateEventDefinition id="${node.id}Definition" />\n` : ''}    </bpmn:endEvent>`;
      case 'service': {
        const ext = inputOutput(node.inputs, node.outputs);
        return `    <bpmn:serviceTask id="${node.id}" name="${escape(node.name)}" camunda:type="external" camunda:topic="${node.topic}">\n${doc(node.documentation)}${ext ? `      <bpmn:extensionElements>\n${ext}      </bpmn:extensionElements>\n` : ''}${io(node.id)}    </bpmn:serviceTask>`;
      }
      case 'user': {
        const listeners = (node.rules ?? []).map((rule) => `        <camunda:taskListener class="${REQUIRE_REASON_LISTENER}" event="complete">\n${
          (['choiceVariable', 'choice', 'requiredVariable', 'message'] as const).map((field) => `          <camunda:field name="${field}" stringValue="${escape(rule[field])}" />\n`).join('')}        </camunda:taskListener>\n`).join('');
        const checks = (node.checks ?? []).map((check) => `        <camunda:taskListener class="${check.listener}" event="complete">\n${
          Object.entries(check.fields).map(([field, value]) => `          <camunda:field name="${field}" stringValue="${escape(value)}" />\n`).join('')}        </camunda:taskListener>\n`).join('');
        const columns = TASK_LIST_COLUMNS.map((column) => `        <camunda:taskListener expression="\${task.setVariableLocal('${column.local}', task.execution.getVariable('${column.source}'))}" event="create" />\n`).join('');
        const followUp = followUpOf(node.due);
        const due = (node.assignee ? ` camunda:assignee="${escape(node.assignee)}"` : '') + (node.due ? ` camunda:dueDate="${escape(node.due)}"` : '') + (followUp ? ` camunda:followUpDate="${escape(followUp)}"` : '');
        return `    <bpmn:userTask id="${node.id}" name="${escape(node.name)}" camunda:candidateGroups="${escape(node.groups)}" camunda:formRef="${node.form}" camunda:formRefBinding="deployment"${due}>\n${doc(node.documentation)}      <bpmn:extensionElements>\n${columns}${listeners}${checks}      </bpmn:extensionElements>\n${io(node.id)}    </bpmn:userTask>`;
      }
      case 'call': {
        const named = callVariables(model.id, node);
        const given = Object.entries(node.inputs ?? {}).map(([target, source]) => `        <camunda:in sourceExpression="${escape(source)}" target="${target}" />\n`).join('');
        const passed = named.in.filter((name) => !(name in (node.inputs ?? {}))).map((name) => `        <camunda:in source="${name}" target="${name}" />\n`).join('');
        const out = named.out.map((name) => `        <camunda:out source="${name}" target="${name}" />\n`).join('');
        const businessKey = escape(node.businessKey ?? '#{execution.processBusinessKey}');
        const completion = node.multiInstance?.completionCondition;
        const loop = !node.multiInstance ? '' : `      <bpmn:multiInstanceLoopCharacteristics camunda:collection="${escape(node.multiInstance.collection)}" camunda:elementVariable="${node.multiInstance.elementVariable}"${
          completion ? `>\n        <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${escape(completion)}</bpmn:completionCondition>\n      </bpmn:multiInstanceLoopCharacteristics>\n` : ' />\n'}`;
        return `    <bpmn:callActivity id="${node.id}" name="${escape(node.name)}" calledElement="${escape(node.calledElement)}" camunda:calledElementBinding="latest">\n      <bpmn:extensionElements>\n        <camunda:in businessKey="${businessKey}" />\n${passed}${given}${out}      </bpmn:extensionElements>\n${io(node.id)}${loop}    </bpmn:callActivity>`;
      }
      case 'xor': {
        return `    <bpmn:exclusiveGateway id="${node.id}" name="${escape(node.name)}">\n${io(node.id)}    </bpmn:exclusiveGateway>`;
      }
      case 'inclusive':
        return `    <bpmn:inclusiveGateway id="${node.id}" name="${escape(node.name)}">\n${io(node.id)}    </bpmn:inclusiveGateway>`;
      case 'eventGateway':
        return `    <bpmn:eventBasedGateway id="${node.id}" name="${escape(node.name)}">\n${io(node.id)}    </bpmn:eventBasedGateway>`;
      case 'messageCatch':
        return `    <bpmn:intermediateCatchEvent id="${node.id}" name="${escape(node.name)}">\n${io(node.id)}      <bpmn:messageEventDefinition id="${node.id}Definition" messageRef="${node.message}" />\n    </bpmn:intermediateCatchEvent>`;
      case 'timerCatch':
        return `    <bpmn:intermediateCatchEvent id="${node.id}" name="${escape(node.name)}">\n${io(node.id)}      <bpmn:timerEventDefinition id="${node.id}Definition">\n        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${escape(node.date)}</bpmn:timeDate>\n      </bpmn:timerEventDefinition>\n    </bpmn:intermediateCatchEvent>`;
      case 'boundaryTimer':
        return `    <bpmn:boundaryEvent id="${node.id}" name="${escape(node.name)}" attachedToRef="${node.attachedTo}"${node.interrupting ? '' : ' cancelActivity="false"'}>\n${io(node.id)}      <bpmn:timerEventDefinition id="${node.id}Definition">\n        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${escape(node.date)}</bpmn:timeDate>\n      </bpmn:timerEventDefinition>\n    </bpmn:boundaryEvent>`;
      case 'boundaryMessage':
        return `    <bpmn:boundaryEvent id="${node.id}" name="${escape(node.name)}" attachedToRef="${node.attachedTo}">\n${io(node.id)}      <bpmn:messageEventDefinition id="${node.id}Definition" messageRef="${node.message}" />\n    </bpmn:boundaryEvent>`;
      case 'boundaryError':
        return `    <bpmn:boundaryEvent id="${node.id}" name="${escape(node.name)}" attachedToRef="${node.attachedTo}">\n${io(node.id)}      <bpmn:errorEventDefinition id="${node.id}Definition" errorRef="${node.error}" />\n    </bpmn:boundaryEvent>`;
    }
  };
  const sequenceFlow = (flow: Flow): string => {
    const name = flow.name ? ` name="${escape(flow.name)}"` : '';
    const condition = flow.condition ? `\n      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escape(flow.condition)}</bpmn:conditionExpression>\n    ` : '';
    return `    <bpmn:sequenceFlow id="${flow.id}"${name} sourceRef="${flow.from}" targetRef="${flow.to}"${condition ? `>${condition}</bpmn:sequenceFlow>` : ' />'}`;
  };
  const subprocesses = inner.map((sub) => `\n    <bpmn:subProcess id="${sub.id}" name="${escape(sub.name)}" triggeredByEvent="true">\n${[...sub.nodes.map(render), ...sub.flows.map(sequenceFlow)].join('\n')}\n    </bpmn:subProcess>`).join('');
  const body = model.nodes.map(render).join('\n');
  const flows = model.flows.map(sequenceFlow).join('\n') + subprocesses;
  // only a process with a start form is started at the desk (the blocks are called by items)
  const startable = model.nodes.some((node) => node.kind === 'start' && node.form);
  const errors = (model.errors ?? []).map((e) => `  <bpmn:error id="${e.id}" name="${escape(e.name)}" errorCode="${e.code}" />\n`).join('');
  const messages = (model.messages ?? []).map((m) => `  <bpmn:message id="${m.id}" name="${m.name}" />\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="${pascal(model.id)}Definitions" targetNamespace="https://shenpi.org/bpmn">
${errors}${messages}  <bpmn:process id="${model.id}" name="${escape(model.name)}" isExecutable="true"${startable ? '' : ' camunda:isStartableInTasklist="false"'}>
    <bpmn:documentation>${escape(model.documentation)}</bpmn:documentation>
${body}
${flows}
  </bpmn:process>
</bpmn:definitions>
`;
}

/** The full file: semantic model plus an automatic layout. */
export async function toBpmnXml(model: ProcessModel): Promise<string> {
  const laidOut = await layoutProcess(toSemanticXml(model));
  // the layout names its diagram elements after the elements; keep them readable
  return laidOut.replace(/id="BPMNDiagram_[^"]+"/, `id="${pascal(model.id)}Diagram"`).replace(/id="BPMNPlane_[^"]+"/, `id="${pascal(model.id)}Plane"`);
}
