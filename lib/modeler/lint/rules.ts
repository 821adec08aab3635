// shenpi's own bpmnlint rules, in ONE place: the test suite runs them over processes/ in Node,
// the deploy endpoint runs them before the engine sees a diagram, and the web modeler bundles
// them (bpmn-js-bpmnlint) to show the same problems on the canvas. What a rule needs to know of
// the project (topics, forms, groups, processes, which items are 行政许可) comes in its config,
// so the rules themselves read no files and run the same in both places.

/** What the rules know of the project; built from the sources, never typed in twice. */
export interface LintContext {
  /** every camunda:topic a worker serves */
  topics: string[];
  /** every form id (forms/items/<process>/<step>.form, id <process>-<step>; lib/forms/folders.ts) */
  forms: string[];
  /** engine groups a user task may name as candidate groups */
  groups: string[];
  /** expressions allowed as candidate groups (the group comes from the catalogue entry) */
  groupExpressions: string[];
  /** process ids a call activity may call */
  processes: string[];
  /** item keys (= process ids) of 行政许可 items: they must publish (双公示) */
  permitItems: string[];
  /** messages a promise path waits for; each wait needs its expiry timer */
  promiseMessages: string[];
  /** blocks that wait for a promise and carry the expiry timer themselves */
  promiseBlocks: string[];
  /** what publishes a licence: the topic, or a block that runs it */
  publication: { topic: string; blocks: string[] };
}

/** The subset of a moddle element the rules read. */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  id?: string;
  name?: string;
  get(name: string): unknown;
  [key: string]: unknown;
}

export interface Reporter {
  report(id: string | undefined, message: string, path?: string[]): void;
}

export interface LintRule {
  check(node: ModdleElement, reporter: Reporter): void;
}

export type RuleFactory = (config: LintContext) => LintRule;

const is = (node: ModdleElement | undefined, type: string): boolean => {
  const candidate = node as unknown as { $instanceOf?: (type: string) => boolean } | undefined;
  return Boolean(candidate?.$instanceOf ? candidate.$instanceOf(type) : node?.$type === type);
};

const label = (node: ModdleElement): string => (node.name ? `「${node.name}」` : node.id ?? '');

const children = (node: ModdleElement, name: string): ModdleElement[] => (node.get(name) as ModdleElement[] | undefined) ?? [];

/** The flow elements of a process or sub-process, sub-processes included. */
function flowElements(container: ModdleElement): ModdleElement[] {
  return children(container, 'flowElements').flatMap((element) => (is(element, 'bpmn:SubProcess') ? [element, ...flowElements(element)] : [element]));
}

function extensionValues(node: ModdleElement, type: string): ModdleElement[] {
  const extensions = node.get('extensionElements') as ModdleElement | undefined;
  return ((extensions?.get('values') as ModdleElement[] | undefined) ?? []).filter((value) => is(value, type));
}

const GENERATED_ID = /^(Flow|Activity|Gateway|Event|StartEvent|EndEvent|Task|Process|SubProcess|Participant|Collaboration|Lane|LaneSet|Message|Error|Signal|Escalation|TextAnnotation|Association|DataObjectReference|DataStoreReference)_[0-9a-z]{5,8}$/;

export const rules: Record<string, RuleFactory> = {
  /** An external task names a topic a worker serves; shenpi runs no other kind of service task. */
  'external-task-topic': (context) => ({
    check(node, reporter) {
      if (!is(node, 'bpmn:ServiceTask') && !is(node, 'bpmn:SendTask') && !is(node, 'bpmn:BusinessRuleTask')) return;
      if (is(node, 'bpmn:BusinessRuleTask') && node.get('camunda:decisionRef')) return;
      const type = node.get('camunda:type');
      const topic = node.get('camunda:topic') as string | undefined;
      if (type !== 'external') {
        reporter.report(node.id, `服务任务 ${label(node)} 不是外部任务: 请从「构件」中选一个模板 (如 双公示推送), 或将实现方式设为外部任务 (external) 并填写主题`);
        return;
      }
      if (!topic) reporter.report(node.id, `外部任务 ${label(node)} 缺少主题 (camunda:topic): 请从「构件」中选一个模板`);
      else if (!context.topics.includes(topic)) reporter.report(node.id, `外部任务 ${label(node)} 的主题「${topic}」没有 worker 处理; 可用主题: ${context.topics.join('、')}`);
    },
  }),

  /** A user task says who does it (candidate groups that exist) and with which form (one that exists). */
  'user-task-assignment': (context) => ({
    check(node, reporter) {
      if (!is(node, 'bpmn:UserTask')) return;
      const groups = ((node.get('camunda:candidateGroups') as string | undefined) ?? '').split(',').map((group) => group.trim()).filter(Boolean);
      if (groups.length === 0) reporter.report(node.id, `人工任务 ${label(node)} 缺少候选组 (camunda:candidateGroups): 请填写办理科室, 如 window`);
      for (const group of groups) {
        if (!context.groups.includes(group) && !context.groupExpressions.includes(group)) {
          reporter.report(node.id, `人工任务 ${label(node)} 的候选组「${group}」不存在; 可用: ${[...context.groups, ...context.groupExpressions].join('、')}`);
        }
      }
      const formRef = node.get('camunda:formRef') as string | undefined;
      if (!formRef) reporter.report(node.id, `人工任务 ${label(node)} 缺少表单 (camunda:formRef): 请选择 forms/ 中的表单`);
      else if (!context.forms.includes(formRef)) reporter.report(node.id, `人工任务 ${label(node)} 的表单「${formRef}」不存在 (forms/ 中没有 id 为它的表单)`);
      if (formRef && node.get('camunda:formRefBinding') !== 'deployment') {
        reporter.report(node.id, `人工任务 ${label(node)} 的表单绑定 (camunda:formRefBinding) 应为 deployment: 表单与流程一起部署`);
      }
    },
  }),

  /** Only processes that exist are called. */
  'called-process-exists': (context) => ({
    check(node, reporter) {
      if (!is(node, 'bpmn:CallActivity')) return;
      const called = node.get('calledElement') as string | undefined;
      if (!called) reporter.report(node.id, `调用活动 ${label(node)} 缺少被调用的流程 (calledElement): 请从「构件」中选一个构件`);
      else if (!/^[#$]\{/.test(called) && !context.processes.includes(called)) reporter.report(node.id, `调用活动 ${label(node)} 调用的流程「${called}」不存在`);
    },
  }),

  /** Every 行政许可 item publishes its decision (双公示), directly or through 制证. */
  'permit-publishes': (context) => ({
    check(node, reporter) {
      if (!is(node, 'bpmn:Process') || !node.id || !context.permitItems.includes(node.id)) return;
      const publishes = flowElements(node).some((element) =>
        (is(element, 'bpmn:ServiceTask') && element.get('camunda:topic') === context.publication.topic)
        || (is(element, 'bpmn:CallActivity') && context.publication.blocks.includes(element.get('calledElement') as string)));
      if (!publishes) reporter.report(node.id, `「${node.name ?? node.id}」是行政许可事项, 必须双公示: 请加入「制证」构件或「双公示推送」任务`);
    },
  }),

  /**
   * Every promise path has its expiry timer: a wait for a promise message (容缺补正, 告知承诺)
   * is raced by a timer, and a flow taken for a promise leads to a block that has one.
   */
  'promise-expiry-timer': (context) => ({
    check(node, reporter) {
      if (!is(node, 'bpmn:Process') && !is(node, 'bpmn:SubProcess')) return;
      const elements = flowElements(node);
      const messageName = (definition: ModdleElement): string | undefined => (definition.get('messageRef') as ModdleElement | undefined)?.name;
      const waitsForPromise = (event: ModdleElement): boolean =>
        children(event, 'eventDefinitions').some((definition) => is(definition, 'bpmn:MessageEventDefinition') && context.promiseMessages.includes(messageName(definition) ?? ''));
      const hasTimer = (event: ModdleElement): boolean => children(event, 'eventDefinitions').some((definition) => is(definition, 'bpmn:TimerEventDefinition'));
      const boundaries = elements.filter((element) => is(element, 'bpmn:BoundaryEvent'));
      for (const boundary of boundaries.filter(waitsForPromise)) {
        const task = boundary.get('attachedToRef') as ModdleElement | undefined;
        const timed = boundaries.some((other) => other.get('attachedToRef') === task && hasTimer(other) && other.get('cancelActivity') !== false);
        if (!timed) reporter.report(task?.id ?? boundary.id, `${label(task ?? boundary)} 等待承诺 (${messageName(children(boundary, 'eventDefinitions')[0]!)}) 却没有到期计时器: 请加一个中断的计时边界事件 (期满)`);
      }
      for (const event of elements.filter((element) => is(element, 'bpmn:IntermediateCatchEvent') && waitsForPromise(element))) {
        const incoming = (event.get('incoming') as ModdleElement[] | undefined) ?? [];
        const gateway = incoming.map((flow) => flow.get('sourceRef') as ModdleElement).find((source) => is(source, 'bpmn:EventBasedGateway'));
        const raced = gateway && ((gateway.get('outgoing') as ModdleElement[] | undefined) ?? []).some((flow) => hasTimer(flow.get('targetRef') as ModdleElement));
        if (!raced) reporter.report(event.id, `${label(event)} 等待承诺却没有到期计时器: 请放在事件网关之后, 与一个期满计时事件并列`);
      }
      for (const flow of elements.filter((element) => is(element, 'bpmn:SequenceFlow'))) {
        const condition = ((flow.get('conditionExpression') as ModdleElement | undefined)?.get('body') as string | undefined) ?? '';
        if (!/acceptanceMode\s*==\s*'(deferral|commitment)'/.test(condition)) continue;
        const target = flow.get('targetRef') as ModdleElement;
        const ok = (is(target, 'bpmn:CallActivity') && context.promiseBlocks.includes(target.get('calledElement') as string))
          || boundaries.some((boundary) => boundary.get('attachedToRef') === target && hasTimer(boundary) && boundary.get('cancelActivity') !== false);
        if (!ok) reporter.report(flow.id, `承诺路径 ${label(flow)} 必须进入带到期计时器的构件 (${context.promiseBlocks.join('、')}), 而不是 ${label(target)}`);
      }
    },
  }),

  /** No scripts: the engine refuses them at deployment too (no-scripts guard). */
  'no-scripts': () => ({
    check(node, reporter) {
      const owner = (start: ModdleElement): ModdleElement => {
        let current: ModdleElement | undefined = start;
        while (current && !current.id) current = current.$parent;
        return current ?? start;
      };
      if (is(node, 'bpmn:ScriptTask')) reporter.report(node.id, `脚本任务 ${label(node)} 不允许使用: 请改为外部任务 (选择「构件」模板)`);
      else if (is(node, 'camunda:Script')) reporter.report(owner(node).id, `${label(owner(node))} 含有脚本 (camunda:script): shenpi 不允许脚本, 请用表达式或外部任务`);
      else if (is(node, 'bpmn:FormalExpression') && node.get('language')) reporter.report(owner(node).id, `${label(owner(node))} 的条件是脚本 (language=${String(node.get('language'))}): 请用表达式 \${…}`);
      else if (is(node, 'camunda:ExecutionListener') || is(node, 'camunda:TaskListener')) {
        if (node.get('script')) reporter.report(owner(node).id, `${label(owner(node))} 的监听器是脚本: shenpi 不允许脚本`);
      }
    },
  }),

  /** Tests and logs refer to ids: no generated ones (Activity_0x1y2z3) on what they name. */
  'readable-ids': () => ({
    check(node, reporter) {
      if (!node.id || is(node, 'bpmn:Definitions') || node.$type.startsWith('bpmndi:') || node.$type.startsWith('dc:') || node.$type.startsWith('di:')) return;
      if (!is(node, 'bpmn:FlowElement') && !is(node, 'bpmn:Process') && !is(node, 'bpmn:Message') && !is(node, 'bpmn:Error') && !is(node, 'bpmn:Signal')) return;
      if (GENERATED_ID.test(node.id)) reporter.report(node.id, `${label(node)} 的 id「${node.id}」是自动生成的: 请在属性面板中改为可读的 id (大驼峰加类型后缀, 如 PublishLicenceTask)`, ['id']);
    },
  }),
};

/** bpmnlint's own rules that every shenpi process passes (and should keep passing). */
export const CORE_RULES = ['start-event-required', 'end-event-required', 'no-disconnected', 'no-duplicate-sequence-flows', 'single-blank-start-event', 'event-based-gateway', 'link-event', 'sub-process-blank-start-event', 'single-event-definition', 'no-complex-gateway'] as const;

export const PLUGIN = 'shenpi';

/** The bpmnlint configuration: the core rules and shenpi's, all errors, each with the context. */
export function lintConfig(context: LintContext): { rules: Record<string, ['error', LintContext | Record<string, never>]> } {
  const config: Record<string, ['error', LintContext | Record<string, never>]> = {};
  for (const name of CORE_RULES) config[name] = ['error', {}];
  for (const name of Object.keys(rules)) config[`${PLUGIN}/${name}`] = ['error', context];
  return { rules: config };
}

/** A bpmnlint resolver over rule modules already loaded (no require at run time, so it bundles). */
export function createResolver(coreRules: Record<string, unknown>): { resolveRule(pkg: string, name: string): unknown; resolveConfig(pkg: string, name: string): unknown } {
  return {
    resolveRule(pkg, name) {
      if (pkg === 'bpmnlint-plugin-shenpi' || pkg === PLUGIN) return rules[name];
      if (pkg === 'bpmnlint') return coreRules[name];
      return undefined;
    },
    resolveConfig() {
      return undefined;
    },
  };
}
