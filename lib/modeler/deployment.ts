// What the web modeler does when an analyst deploys (api/routes/modeler.ts only translates the
// request): parse, lint against the project, bundle the process with the forms it references
// (edited in the browser, from the repository, or an item's start form from its catalogue
// entry) and deploy it with the service account, the analyst recorded as the source.
import type { Knex } from 'knex';
import { PROJECT_ROOT } from '../config.js';
import { Permanent, InvalidInput, type Problem } from '../errors.js';
import { startForm } from '../catalogue/start-form.js';
import type { EngineClient } from '../engine/client.js';
import { EngineRequestError } from '../engine/client.js';
import { DeploymentError, collectResources, deployResources, type DeploymentResource } from '../engine/deploy.js';
import { startFormPath } from '../forms/folders.js';
import type { Logger } from '../log.js';
import { latestVersion, listLatest } from '../repositories/catalogue.js';
import { buildLintContext, projectFiles } from './context.js';
import { InvalidBpmnError, lintDefinitions, parseBpmn, type LintProblem, type ParsedBpmn } from './lint.js';
import type { LintContext } from './lint/rules.js';

/** Repository files the modeler may read and (in dev mode) write: nothing outside these. */
export const MODELER_FILE_PATTERN = /^(processes\/(?:[a-z0-9-]+\/)*[a-z0-9-]+\.bpmn|forms\/(?:[a-z0-9-]+\/)+[a-z0-9-]+\.form)$/;

/** A form edited in the browser, already checked (a form-js schema with an id). */
export interface EditedForm { id: string; name: string; content: string }

export const lintProblems = (problems: LintProblem[]): Problem[] => problems.map((problem) => ({ field: problem.id ?? '', rule: problem.rule, message: problem.message }));

/** The file parsed as the modeler parses it; not BPMN: a 400 naming the problem. */
export async function parseModel(xml: string): Promise<ParsedBpmn> {
  try {
    return await parseBpmn(xml);
  } catch (error) {
    if (error instanceof InvalidBpmnError) throw new InvalidInput(error.message, [{ field: 'xml', rule: 'bpmn', message: error.message }]);
    throw error;
  }
}

/** The forms a process references (camunda:formRef on its start events and user tasks, sub-processes included), in document order. */
export function referencedForms(definitions: unknown): string[] {
  type Element = { $type?: string; formRef?: string; flowElements?: Element[]; rootElements?: Element[] };
  const found: string[] = [];
  const visit = (element: Element): void => {
    if (element.formRef) found.push(element.formRef);
    for (const child of [...(element.rootElements ?? []), ...(element.flowElements ?? [])]) visit(child);
  };
  visit(definitions as Element);
  return [...new Set(found)];
}

/** Where the deployed file is named: the file it came from if it is a repository process, else processes/<key>.bpmn. */
export function deploymentFileName(fileName: unknown, key: string): string {
  return typeof fileName === 'string' && MODELER_FILE_PATTERN.test(fileName) && fileName.endsWith('.bpmn') ? fileName : `processes/${key}.bpmn`;
}

/**
 * The process with the forms it references, in one deployment (formRefBinding="deployment"):
 * each form as edited, else the repository's, else (an item new to the repository) its start
 * form from the catalogue entry. A form found nowhere is left out: the engine names it.
 */
export function deploymentResources(plan: {
  key: string;
  bpmnName: string;
  xml: string;
  referenced: string[];
  edited: EditedForm[];
  repositoryForms: Map<string, DeploymentResource>;
  catalogueStartForm?: object;
}): DeploymentResource[] {
  const resources: DeploymentResource[] = [{ name: plan.bpmnName, content: Buffer.from(plan.xml) }];
  for (const id of plan.referenced) {
    const mine = plan.edited.find((form) => form.id === id);
    let resource = mine ? { name: mine.name, content: Buffer.from(mine.content) } : plan.repositoryForms.get(id);
    if (!resource && id === `${plan.key}-start` && plan.catalogueStartForm) {
      resource = { name: startFormPath('items', plan.key), content: Buffer.from(`${JSON.stringify(plan.catalogueStartForm, null, 2)}\n`) };
    }
    if (resource) resources.push(resource);
  }
  return resources;
}

export interface ModelerDeployed {
  deploymentId: string;
  changed: string[];
  processDefinitions: Array<{ id: string; key: string; version: number }>;
  message: string;
}

export class ModelerService {
  constructor(private readonly deps: {
    db: Knex;
    engine: EngineClient;
    log: Logger;
    /** a catalogue item or a bundle was deployed: the window may start the new keys at once */
    onDeployed?: (processKeys: string[]) => Promise<void>;
    root?: string;
  }) {}

  private get root(): string {
    return this.deps.root ?? PROJECT_ROOT;
  }

  /** The lint rules' view of the project: its files and the catalogue's latest entries, plus forms being edited. */
  async lintContext(extra: { forms?: string[] } = {}): Promise<LintContext> {
    const entries = (await listLatest(this.deps.db)).map((item) => item.entry);
    return buildLintContext(await projectFiles(this.root), entries, extra);
  }

  /** Lint problems block the deployment (422 lint-failed); the engine's rejection is shown (422 engine-rejected). */
  async deploy(request: { xml: string; fileName?: unknown; edited: EditedForm[]; user: string }): Promise<ModelerDeployed> {
    const { xml, edited, user } = request;
    const { definitions, processIds } = await parseModel(xml);
    const problems = await lintDefinitions(definitions, await this.lintContext({ forms: edited.map((form) => form.id) }));
    if (problems.length) throw new Permanent(`检查未通过 (${problems.length} 个问题), 未部署: 请先修正`, 'lint-failed', lintProblems(problems));
    const key = processIds[0]!;
    const bpmnName = deploymentFileName(request.fileName, key);
    const referenced = referencedForms(definitions);
    const repositoryForms = new Map<string, DeploymentResource>();
    for (const resource of await collectResources(this.root, ['forms'])) {
      const id = (JSON.parse(resource.content.toString('utf8')) as { id?: string }).id;
      if (id) repositoryForms.set(id, resource);
    }
    const needsCatalogue = referenced.includes(`${key}-start`) && !edited.some((form) => form.id === `${key}-start`) && !repositoryForms.has(`${key}-start`);
    const item = needsCatalogue ? await latestVersion(this.deps.db, key) : undefined;
    const resources = deploymentResources({ key, bpmnName, xml, referenced, edited, repositoryForms, catalogueStartForm: item && startForm(item.entry) });
    try {
      const result = await deployResources(this.deps.engine, resources, `modeler:${key}`, `modeler:${user}`);
      const created = await this.deps.engine.get<Array<{ id: string; key: string; version: number }>>(`/process-definition?deploymentId=${result.id}`);
      this.deps.log.info('modeler deployed', { user, key, deploymentId: result.id, changed: result.changed });
      if (this.deps.onDeployed && /^processes\/(items|bundles)\//.test(bpmnName)) await this.deps.onDeployed(created.map((definition) => definition.key));
      return {
        deploymentId: result.id,
        changed: result.changed,
        processDefinitions: created.map(({ id, key: definitionKey, version }) => ({ id, key: definitionKey, version })),
        message: result.changed.length ? `已部署: ${created.map((definition) => `${definition.key} 第 ${definition.version} 版`).join('、') || result.changed.join('、')}` : '与已部署的版本相同, 未产生新版本',
      };
    } catch (error) {
      if (error instanceof DeploymentError) throw new Permanent(`引擎拒绝部署: ${error.message}`, 'engine-rejected');
      // no deployment rights: the caller answers 403
      if (error instanceof EngineRequestError && error.status !== 403 && error.status !== 401) throw new Permanent(`引擎拒绝部署: ${error.engineMessage}`, 'engine-rejected');
      throw error;
    }
  }
}
