// shenpi's web modeler: bpmn-js with the Camunda 7 properties panel, shenpi's element templates
// (构件 and worker tasks), bpmnlint with shenpi's rules on the canvas, the form-js editor pinned
// to the Tasklist's version, and the server's files, diff and deployment.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import 'diagram-js-minimap/assets/diagram-js-minimap.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './modeler.css';

import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import lintModule from 'bpmn-js-bpmnlint';
import minimapModule from 'diagram-js-minimap';
import { coreRules } from '../../lib/modeler/lint/core-rules.js';
import { createResolver, lintConfig, type LintContext } from '../../lib/modeler/lint/rules.js';
import { api, ApiError, type Problem } from './api.js';
import { FormsTab } from './forms.js';
import { readableFlowIdsModule, tidyFlowIds } from './readable-ids.js';
import { translateModule } from './translate.js';

interface Template { id: string; version: number; name: string; description: string; appliesTo: string[]; elementType: { value: string }; category: { id: string; name: string } }
interface LintIssue { id: string; message: string; category: string; rule: string }

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const status = $('status');
const problemsList = $('problems');
const diffBox = $('diff');

function say(message: string, kind: 'ok' | 'error' | 'info' = 'info'): void {
  status.textContent = message;
  status.className = kind;
}

const modeler = new BpmnModeler({
  container: '#canvas',
  propertiesPanel: { parent: '#properties' },
  linting: { active: true },
  additionalModules: [
    BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule, CamundaBehaviorsModule,
    ElementTemplatesPropertiesProviderModule, ElementTemplateChooserModule, lintModule, minimapModule, translateModule, readableFlowIdsModule,
  ],
  moddleExtensions: { camunda: camundaModdle },
});
const get = <T = any>(name: string): T => modeler.get(name) as T; // eslint-disable-line @typescript-eslint/no-explicit-any

let fileName = '';
let issues: Record<string, LintIssue[]> = {};
let templates: Template[] = [];
const forms = new FormsTab(say);

function setFileName(name: string): void {
  fileName = name;
  $('file-name').textContent = name ? `(${name})` : '';
}

// ---- problems: the lint result on the canvas, listed below it; a click selects the element
function showProblems(list: Array<{ id?: string; field?: string; message: string; rule?: string }>): void {
  problemsList.replaceChildren(...list.map((problem) => {
    const li = document.createElement('li');
    const id = problem.id ?? problem.field ?? '';
    li.dataset.elementId = id;
    li.textContent = `${id ? `[${id}] ` : ''}${problem.message}${problem.rule ? ` (${problem.rule})` : ''}`;
    li.addEventListener('click', () => {
      const element = get('elementRegistry').get(id);
      if (!element) return;
      get('selection').select(element);
      get('canvas').scrollToElement(element);
    });
    return li;
  }));
}

get('eventBus').on('linting.completed', (event: { issues: Record<string, LintIssue[]> }) => {
  issues = event.issues;
  const list = Object.values(issues).flat().filter((issue) => issue.category === 'error' || issue.category === 'warn');
  showProblems(list.map((issue) => ({ id: issue.id, message: issue.message, rule: issue.rule })));
  document.body.dataset.lintErrors = String(list.length);
});

const lintErrors = (): LintIssue[] => Object.values(issues).flat().filter((issue) => issue.category === 'error');

// ---- opening diagrams
async function openXml(xml: string, name: string): Promise<boolean> {
  try {
    const { warnings } = await modeler.importXML(xml);
    setFileName(name);
    get('canvas').zoom('fit-viewport');
    diffBox.replaceChildren();
    say(`已打开 ${name}${warnings.length ? ` (${warnings.length} 条导入警告)` : ''}`, 'ok');
    forms.useDiagram(xml);
    document.body.dataset.diagram = name;
    return true;
  } catch (error) {
    say(`无法打开 ${name}: 不是有效的 BPMN 文件 — ${(error as Error).message}`, 'error');
    return false;
  }
}

async function currentXml(): Promise<string> {
  tidyFlowIds(modeler);
  const { xml } = await modeler.saveXML({ format: true });
  return xml!;
}

// ---- 构件 and task templates: insert on a flow, append after an element, or apply to a task
function renderTemplates(filter = ''): void {
  const list = $('template-list');
  const shown = templates.filter((template) => `${template.name} ${template.description} ${template.id}`.includes(filter.trim()));
  list.replaceChildren(...shown.map((template) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.templateId = template.id;
    button.title = template.description;
    button.innerHTML = `<span class="category"></span><span class="name"></span>`;
    button.querySelector('.category')!.textContent = template.category.name;
    button.querySelector('.name')!.textContent = template.name;
    button.addEventListener('click', () => {
      try {
        useTemplate(template);
      } catch (error) {
        say(`无法加入「${template.name}」: ${(error as Error).message}`, 'error');
      }
    });
    li.append(button);
    return li;
  }));
}

function useTemplate(template: Template): void {
  const [selected] = get('selection').get() as Array<{ type: string; waypoints?: unknown[]; businessObject: unknown; source?: unknown }>;
  const elementTemplates = get('elementTemplates');
  if (!selected) {
    say(`请先选中一条连线 (插入「${template.name}」), 一个元素 (在其后追加) 或一个任务 (套用模板)`, 'error');
    return;
  }
  let target: unknown;
  if (selected.type === 'bpmn:SequenceFlow') {
    const waypoints = selected.waypoints as Array<{ x: number; y: number }>;
    let best = 0;
    for (let i = 1; i < waypoints.length - 1; i += 1) {
      if (Math.hypot(waypoints[i + 1]!.x - waypoints[i]!.x, waypoints[i + 1]!.y - waypoints[i]!.y) > Math.hypot(waypoints[best + 1]!.x - waypoints[best]!.x, waypoints[best + 1]!.y - waypoints[best]!.y)) best = i;
    }
    const position = { x: Math.round((waypoints[best]!.x + waypoints[best + 1]!.x) / 2), y: Math.round((waypoints[best]!.y + waypoints[best + 1]!.y) / 2) };
    target = get('modeling').createShape(get('elementFactory').createShape({ type: template.elementType.value }), position, selected);
  } else if (template.appliesTo.some((type) => (selected.businessObject as { $instanceOf(type: string): boolean }).$instanceOf(type))) {
    target = selected;
  } else {
    const shape = get('elementFactory').createShape({ type: template.elementType.value });
    target = get('autoPlace').append(selected, shape);
  }
  const applied = elementTemplates.applyTemplate(target, elementTemplates.get(template.id, template.version));
  if (!(applied.businessObject as { name?: string }).name) get('modeling').updateLabel(applied, template.name);
  get('selection').select(applied);
  say(`已加入「${template.name}」: 请在右侧属性面板中给它一个可读的 ID 和名称`, 'ok');
}

// ---- server actions
function explain(error: unknown): void {
  if (error instanceof ApiError) {
    say(error.message, 'error');
    if (error.problems?.length) showProblems(error.problems.map((problem: Problem) => ({ id: problem.field, message: problem.message, rule: problem.rule })));
  } else {
    say(`出错了: ${(error as Error).message}`, 'error');
  }
}

async function deploy(): Promise<void> {
  const local = lintErrors();
  if (local.length) {
    say(`检查未通过 (${local.length} 个问题), 不能部署: 请点击下方问题逐一修正`, 'error');
    return;
  }
  say('正在部署 …');
  try {
    const result = await api<{ message: string; processDefinitions: Array<{ key: string; version: number }> }>('POST', '/deploy', { xml: await currentXml(), fileName, forms: forms.edited() });
    say(result.message, 'ok');
    document.body.dataset.deployed = result.processDefinitions.map((definition) => `${definition.key}:${definition.version}`).join(',');
  } catch (error) {
    explain(error);
  }
}

async function diff(): Promise<void> {
  try {
    const result = await api<{ key: string; deployedVersion: number | null; changes: Array<{ id: string; name?: string; change: string; properties?: string[] }> }>('POST', '/diff', { xml: await currentXml() });
    const words: Record<string, string> = { added: '新增', removed: '删除', changed: '修改' };
    const heading = document.createElement('strong');
    heading.textContent = result.deployedVersion === null ? `引擎中还没有流程 ${result.key}` : `与引擎中 ${result.key} 第 ${result.deployedVersion} 版相比: ${result.changes.length ? `${result.changes.length} 处变化` : '没有变化'}`;
    const list = document.createElement('ul');
    list.append(...result.changes.map((change) => {
      const li = document.createElement('li');
      li.className = change.change;
      li.textContent = `${words[change.change] ?? change.change} ${change.id}${change.name ? ` 「${change.name}」` : ''}${change.properties ? `: ${change.properties.join(', ')}` : ''}`;
      return li;
    }));
    diffBox.replaceChildren(heading, list);
  } catch (error) {
    explain(error);
  }
}

async function save(): Promise<void> {
  if (!fileName.startsWith('processes/')) {
    say('保存前请先从仓库打开或按事项新建 (文件名决定保存位置)', 'error');
    return;
  }
  try {
    await api('PUT', `/file?path=${encodeURIComponent(fileName)}`, { content: await currentXml() });
    say(`已保存到仓库: ${fileName}`, 'ok');
  } catch (error) {
    explain(error);
  }
}

async function download(): Promise<void> {
  const xml = await currentXml();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  link.download = fileName.split('/').pop() || 'diagram.bpmn';
  link.click();
  URL.revokeObjectURL(link.href);
}

async function openSelected(): Promise<void> {
  const value = ($('file-select') as HTMLSelectElement).value;
  if (!value) return;
  try {
    if (value.startsWith('engine:')) {
      const key = value.slice('engine:'.length);
      const deployed = await api<{ xml: string; version: number; forms: Array<{ name: string; content: string }> }>('GET', `/deployed/${encodeURIComponent(key)}`);
      forms.addDeployed(deployed.forms);
      await openXml(deployed.xml, `processes/${key}.bpmn`);
      say(`已打开引擎中 ${key} 第 ${deployed.version} 版`, 'ok');
    } else if (value.endsWith('.form')) {
      const file = await api<{ content: string }>('GET', `/file?path=${encodeURIComponent(value)}`);
      showTab('forms');
      await forms.open(value, file.content);
    } else {
      const file = await api<{ content: string }>('GET', `/file?path=${encodeURIComponent(value)}`);
      await openXml(file.content, value);
    }
  } catch (error) {
    explain(error);
  }
}

async function newFromItem(): Promise<void> {
  const key = ($('item-select') as HTMLSelectElement).value;
  if (!key) {
    say('请先选择一个事项', 'error');
    return;
  }
  try {
    const created = await api<{ fileName: string; xml: string; item: { name: string; version: number } }>('GET', `/items/${encodeURIComponent(key)}/process`);
    if (await openXml(created.xml, created.fileName)) say(`已按事项清单「${created.item.name}」第 ${created.item.version} 版新建流程 ${key}`, 'ok');
  } catch (error) {
    explain(error);
  }
}

function showTab(tab: 'diagram' | 'forms'): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.tabs button')) button.setAttribute('aria-selected', String(button.dataset.tab === tab));
  $('diagram-tab').hidden = tab !== 'diagram';
  $('forms-tab').hidden = tab !== 'forms';
  if (tab === 'forms') forms.show();
}

async function start(): Promise<void> {
  const [info, loaded, items, files, deployed] = await Promise.all([
    api<{ user: string; canDeploy: boolean; canSave: boolean; context: LintContext }>('GET', '/context'),
    api<Template[]>('GET', '/element-templates'),
    api<{ items: Array<{ key: string; name: string; status: string }> }>('GET', '/items'),
    api<{ files: string[] }>('GET', '/files'),
    api<{ processes: Array<{ key: string; name: string | null; version: number }> }>('GET', '/deployed').catch(() => ({ processes: [] })),
  ]);
  $('user').textContent = `${info.user}${info.canDeploy ? ' (流程分析员)' : ' (只读: 部署需要流程分析员权限)'}`;
  ($('save-button') as HTMLButtonElement).hidden = !info.canSave;
  ($('form-save-button') as HTMLButtonElement).hidden = !info.canSave;
  get('linting').setLinterConfig({ config: lintConfig(info.context), resolver: createResolver(coreRules) });
  forms.setContext(info.context);
  templates = loaded;
  get('elementTemplates').set(loaded);
  renderTemplates();
  const itemSelect = $('item-select') as HTMLSelectElement;
  for (const item of items.items) itemSelect.add(new Option(`${item.name} (${item.key})${item.status === '在用' ? '' : ` [${item.status}]`}`, item.key));
  const fileSelect = $('file-select') as HTMLSelectElement;
  const repository = document.createElement('optgroup');
  repository.label = '仓库';
  for (const file of files.files) repository.append(new Option(file, file));
  const engine = document.createElement('optgroup');
  engine.label = '引擎 (最新版本)';
  for (const process of deployed.processes) engine.append(new Option(`${process.name ?? process.key} (${process.key} 第 ${process.version} 版)`, `engine:${process.key}`));
  fileSelect.append(repository, engine);
  forms.listRepositoryForms(files.files.filter((file) => file.endsWith('.form')));
  await modeler.createDiagram();
  setFileName('');
  document.body.dataset.ready = 'true';
  say('就绪: 按事项新建, 或打开仓库/引擎中的流程');
}

/**
 * A city's catalogue has a thousand items and as many processes: the lists show only the options
 * whose text or value contains the words, and the first of them is selected.
 */
function filterOptions(select: HTMLSelectElement, words: string): void {
  const wanted = words.trim().toLowerCase();
  let first: HTMLOptionElement | undefined;
  for (const option of Array.from(select.options)) {
    if (!option.value) continue;
    option.hidden = wanted !== '' && !`${option.text} ${option.value}`.toLowerCase().includes(wanted);
    if (!option.hidden) first ??= option;
  }
  if (wanted) select.value = first?.value ?? '';
}

$('item-search').addEventListener('input', (event) => filterOptions($('item-select') as HTMLSelectElement, (event.target as HTMLInputElement).value));
$('file-search').addEventListener('input', (event) => filterOptions($('file-select') as HTMLSelectElement, (event.target as HTMLInputElement).value));
$('new-from-item').addEventListener('click', () => void newFromItem());
$('open-file').addEventListener('click', () => void openSelected());
$('lint-button').addEventListener('click', () => {
  get('linting').toggle(true);
  const count = lintErrors().length;
  say(count ? `检查发现 ${count} 个问题` : '检查通过', count ? 'error' : 'ok');
});
$('diff-button').addEventListener('click', () => void diff());
$('save-button').addEventListener('click', () => void save());
$('download-button').addEventListener('click', () => void download());
$('deploy-button').addEventListener('click', () => void deploy());
$('template-search').addEventListener('input', (event) => renderTemplates((event.target as HTMLInputElement).value));
$('upload').addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  const text = await file.text();
  if (file.name.endsWith('.form') || file.name.endsWith('.json')) {
    showTab('forms');
    await forms.open(file.name, text);
  } else {
    await openXml(text, file.name);
  }
});
for (const button of document.querySelectorAll<HTMLButtonElement>('.tabs button')) button.addEventListener('click', () => showTab(button.dataset.tab as 'diagram' | 'forms'));

start().catch((error: unknown) => explain(error));
