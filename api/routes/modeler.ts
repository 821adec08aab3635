// The web modeler (/modeler/) and its API (/api/modeler/…): element templates generated from the
// workers and blocks, a new diagram from an item's catalogue entry, the lint rules run on the
// server, the repository's and the engine's files, a diff against the deployed version, saving
// (dev mode), and deployment of a process with its forms. Deployment needs the analysts group,
// passes the lint, and goes to the engine with the service account (analysts may not deploy
// to the engine themselves); the analyst is recorded as the deployment's source.
import fs from 'node:fs/promises';
import path from 'node:path';
import express, { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { PROJECT_ROOT, type Config } from '../../lib/config.js';
import { EngineClient, EngineRequestError } from '../../lib/engine/client.js';
import { checkForm, collectResources } from '../../lib/engine/deploy.js';
import { toBpmnXml } from '../../lib/bpmn/builder.js';
import { itemProcess } from '../../lib/bpmn/item-process.js';
import type { Logger } from '../../lib/log.js';
import { MODELER_DIST } from '../../lib/modeler/build.js';
import { diffBpmn } from '../../lib/modeler/diff.js';
import { lintDefinitions } from '../../lib/modeler/lint.js';
import { MODELER_FILE_PATTERN as FILE_PATTERN, ModelerService, lintProblems, parseModel, type EditedForm } from '../../lib/modeler/deployment.js';
import { elementTemplates } from '../../lib/modeler/templates.js';
import { latestVersion, listLatest } from '../../lib/repositories/catalogue.js';
import type { TemplatedWorker } from '../../lib/process/worker-template.js';
import { HttpError, forbidden, invalidField, notFound } from '../errors.js';
import { requireGroup } from '../roles.js';
import { field, validRequest } from '../validate.js';

export interface ModelerDeps {
  config: Config;
  db: Knex;
  engine: EngineClient;
  log: Logger;
  /** the workers offered as element templates */
  workers: TemplatedWorker[];
}

export function repositoryPath(root: string, relative: unknown): string {
  if (typeof relative !== 'string' || !FILE_PATTERN.test(relative) || relative.split('/').includes('..')) {
    throw invalidField('path', 'repositoryFile', `文件路径「${String(relative).slice(0, 100)}」不允许: 只能是 processes/ 下的 .bpmn 或 forms/ 下的 .form, 如 forms/items/<事项>/<步骤>.form (小写字母、数字和连字符)`);
  }
  const full = path.resolve(root, relative);
  if (!full.startsWith(path.resolve(root) + path.sep)) throw invalidField('path', 'repositoryFile', `文件路径「${relative}」不在仓库内`);
  return full;
}

function requireXml(body: unknown): string {
  const xml = (body as { xml?: unknown } | undefined)?.xml;
  if (typeof xml !== 'string' || !xml.trim()) throw invalidField('xml', 'required', '请求体缺少 "xml" (BPMN 文件内容)');
  return xml;
}

/** Forms sent with the request (edited in the browser): each must be a form-js schema with an id. */
function formsOf(body: unknown): EditedForm[] {
  const forms = (body as { forms?: unknown } | undefined)?.forms ?? [];
  if (!Array.isArray(forms)) throw invalidField('forms', 'type', '"forms" 应为数组');
  return forms.map((form: unknown, index) => {
    const { name, content } = (form ?? {}) as { name?: unknown; content?: unknown };
    if (typeof content !== 'string') throw invalidField(`forms/${index}/content`, 'type', `forms[${index}].content 应为表单 JSON 文本`);
    const resourceName = typeof name === 'string' && name ? name : `forms[${index}]`;
    try {
      checkForm({ name: resourceName, content: Buffer.from(content) });
    } catch (error) {
      throw invalidField(`forms/${index}/content`, 'form', (error as Error).message);
    }
    const id = (JSON.parse(content) as { id: string }).id;
    return { id, name: typeof name === 'string' && FILE_PATTERN.test(name) && name.endsWith('.form') ? name : `forms/modeler/${id}.form`, content };
  });
}

export function modelerPage(config: Config): Router {
  const router = Router();
  router.get('/', (req, res, next) => {
    if (!req.originalUrl.endsWith('/') && !req.originalUrl.includes('?')) return res.redirect(301, `${req.baseUrl}/`);
    res.sendFile(path.join(MODELER_DIST, 'index.html'), (error) => {
      if (error) next(new HttpError(503, 'modeler-not-built', '建模器尚未构建: 请重新运行 npm start'));
    });
  });
  router.use('/assets', express.static(MODELER_DIST, { index: false, maxAge: config.mode === 'dev' ? 0 : '1h' }));
  return router;
}

export function modelerRoutes({ config, db, engine, log, onDeployed, workers }: ModelerDeps & { onDeployed?: (processKeys: string[]) => Promise<void> }): Router {
  const router = Router();
  const analysts = requireGroup('analysts');
  const modeler = new ModelerService({ db, engine, log, onDeployed });
  const lintContext = (extra: { forms?: string[] } = {}) => modeler.lintContext(extra);

  router.get('/context', async (req, res) => {
    const groups = req.user!.groups;
    res.json({
      user: req.user!.id,
      canDeploy: groups.includes('analysts') || groups.includes('camunda-admin'),
      canSave: config.mode === 'dev',
      context: await lintContext(),
    });
  });

  router.get('/element-templates', (_req, res) => {
    res.json(elementTemplates(workers));
  });

  router.get('/items', async (_req, res) => {
    const items = await listLatest(db);
    res.json({ items: items.map(({ key, version, entry }) => ({ key, version, name: entry.name, type: entry.type, processingType: entry.processingType, status: entry.status })) });
  });

  // "new process for item X": the diagram the generator makes from the catalogue entry, runnable as is
  router.get('/items/:key/process', validRequest({ params: { key: field.key } }), async (req, res) => {
    const found = await latestVersion(db, req.params.key);
    if (!found) throw notFound(`事项清单中没有事项「${req.params.key}」`);
    res.json({ fileName: `processes/items/${found.key}.bpmn`, item: { key: found.key, version: found.version, name: found.entry.name }, xml: await toBpmnXml(itemProcess(found.entry)) });
  });

  router.get('/files', async (_req, res) => {
    const resources = await collectResources(PROJECT_ROOT);
    res.json({ files: resources.filter((resource) => FILE_PATTERN.test(resource.name)).map((resource) => resource.name) });
  });

  router.get('/file', async (req, res) => {
    const full = repositoryPath(PROJECT_ROOT, req.query.path);
    const content = await fs.readFile(full, 'utf8').catch(() => undefined);
    if (content === undefined) throw notFound(`仓库中没有文件 ${String(req.query.path)}`);
    res.json({ path: req.query.path, content });
  });

  // saving writes the repository folder: dev mode only, and only files that pass the checks
  router.put('/file', analysts, async (req, res) => {
    if (config.mode !== 'dev') throw forbidden('只有开发模式 (SHENPI_MODE=dev) 可以保存到仓库; 生产环境请下载文件并提交到版本库');
    const relative = String(req.query.path ?? '');
    const full = repositoryPath(PROJECT_ROOT, relative);
    const content = (req.body as { content?: unknown } | undefined)?.content;
    if (typeof content !== 'string' || !content.trim()) throw invalidField('content', 'required', '请求体缺少 "content" (文件内容)');
    if (relative.endsWith('.bpmn')) {
      const { definitions, processIds } = await parseModel(content);
      if (!processIds.includes(path.basename(relative, '.bpmn'))) throw invalidField('path', 'processId', `文件名应与流程 id 一致: ${relative} 中的流程是 ${processIds.join('、')}`);
      const problems = await lintDefinitions(definitions, await lintContext());
      if (problems.length) throw new HttpError(422, 'lint-failed', `检查未通过 (${problems.length} 个问题), 未保存`, lintProblems(problems));
    } else {
      try {
        checkForm({ name: relative, content: Buffer.from(content) });
      } catch (error) {
        throw invalidField('content', 'form', (error as Error).message);
      }
    }
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, content.endsWith('\n') ? content : content + '\n');
    log.info('modeler saved a file', { user: req.user!.id, path: relative });
    res.json({ path: relative, saved: true });
  });

  router.get('/deployed', async (_req, res) => {
    const definitions = await engine.get<Array<{ id: string; key: string; name: string | null; version: number; deploymentId: string }>>('/process-definition?latestVersion=true&sortBy=key&sortOrder=asc');
    res.json({ processes: definitions.map(({ id, key, name, version, deploymentId }) => ({ id, key, name, version, deploymentId })) });
  });

  async function deployed(key: string): Promise<{ id: string; version: number; deploymentId: string; xml: string } | undefined> {
    const [definition] = await engine.get<Array<{ id: string; version: number; deploymentId: string }>>(`/process-definition?key=${encodeURIComponent(key)}&latestVersion=true`);
    if (!definition) return undefined;
    const { bpmn20Xml } = await engine.get<{ bpmn20Xml: string }>(`/process-definition/${definition.id}/xml`);
    return { ...definition, xml: bpmn20Xml };
  }

  // the forms deployed with it: for analysts and operators (the service account reads them)
  router.get('/deployed/:key', requireGroup('analysts', 'operators'), validRequest({ params: { key: field.processKey } }), async (req, res) => {
    const found = await deployed(String(req.params.key));
    if (!found) throw notFound(`引擎中没有流程「${req.params.key}」`);
    try {
      const resources = await engine.get<Array<{ id: string; name: string }>>(`/deployment/${found.deploymentId}/resources`);
      const forms = await Promise.all(resources.filter((resource) => resource.name.endsWith('.form')).map(async (resource) => ({
        name: resource.name,
        content: await engine.get<string | object>(`/deployment/${found.deploymentId}/resources/${resource.id}/data`).then((data) => (typeof data === 'string' ? data : JSON.stringify(data, null, 2))),
      })));
      res.json({ key: req.params.key, version: found.version, deploymentId: found.deploymentId, xml: found.xml, forms });
    } catch (error) {
      if (error instanceof EngineRequestError && (error.status === 403 || error.status === 401)) throw forbidden('无权读取已部署的资源: 只有流程分析员和运维人员可以查看');
      throw error;
    }
  });

  router.post('/lint', async (req, res) => {
    const { definitions, processIds } = await parseModel(requireXml(req.body));
    const forms = formsOf(req.body).map((form) => form.id);
    res.json({ processIds, problems: await lintDefinitions(definitions, await lintContext({ forms })) });
  });

  router.post('/diff', async (req, res) => {
    const xml = requireXml(req.body);
    const { processIds } = await parseModel(xml);
    const key = processIds[0]!;
    const found = await deployed(key);
    if (!found) {
      res.json({ key, deployedVersion: null, changes: [{ id: key, type: 'bpmn:Process', name: undefined, change: 'added' }] });
      return;
    }
    res.json({ key, deployedVersion: found.version, changes: await diffBpmn(found.xml, xml) });
  });

  router.post('/deploy', analysts, async (req, res) => {
    const request = { xml: requireXml(req.body), fileName: (req.body as { fileName?: unknown }).fileName, edited: formsOf(req.body), user: req.user!.id };
    try {
      res.json(await modeler.deploy(request));
    } catch (error) {
      if (error instanceof EngineRequestError && (error.status === 403 || error.status === 401)) throw forbidden(`引擎拒绝部署 (无部署权限): ${error.engineMessage}`);
      throw error;
    }
  });

  return router;
}
