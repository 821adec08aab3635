// Every .bpmn, .dmn and .form under processes/ and forms/ goes to the engine as ONE deployment,
// deploy-changed-only: a restart creates no new versions, and a bad file deploys nothing.
import { existsSync, readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EngineClient, EngineRequestError } from './client.js';

export const DEPLOYMENT_NAME = 'shenpi';
const RESOURCE_DIRS = ['processes', 'forms'];
const RESOURCE_EXTENSIONS = ['.bpmn', '.dmn', '.form'];

export class DeploymentError extends Error {
  constructor(readonly file: string | undefined, message: string) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'DeploymentError';
  }
}

export interface DeploymentResource {
  /** path relative to the project root, with forward slashes: the engine's resource name */
  name: string;
  content: Buffer;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (RESOURCE_EXTENSIONS.includes(path.extname(entry.name))) files.push(full);
  }
  return files;
}

export async function collectResources(root: string, dirs: string[] = RESOURCE_DIRS): Promise<DeploymentResource[]> {
  const files = (await Promise.all(dirs.map((dir) => walk(path.join(root, dir))))).flat().sort();
  return Promise.all(files.map(async (file) => ({
    name: path.relative(root, file).split(path.sep).join('/'),
    content: await fs.readFile(file),
  })));
}

/** The engine accepts any bytes as a .form; a broken form would only fail in the Tasklist. */
export function checkForm(resource: DeploymentResource): void {
  let schema: unknown;
  try {
    schema = JSON.parse(resource.content.toString('utf8'));
  } catch (error) {
    throw new DeploymentError(resource.name, `表单不是合法的 JSON: ${(error as Error).message}`);
  }
  const form = schema as { id?: unknown; type?: unknown; components?: unknown };
  if (typeof form.id !== 'string' || form.id === '') throw new DeploymentError(resource.name, '表单缺少 "id" (formRef 引用它)');
  if (form.type !== 'default') throw new DeploymentError(resource.name, '表单的 "type" 应为 "default" (form-js)');
  if (!Array.isArray(form.components)) throw new DeploymentError(resource.name, '表单缺少 "components" 数组');
}

function explain(error: EngineRequestError): DeploymentError {
  // The engine reports parse problems per resource in `details`.
  const details = error.details as Record<string, { errors?: Array<{ message: string; line?: number; column?: number }> }> | undefined;
  if (details && typeof details === 'object') {
    for (const [file, report] of Object.entries(details)) {
      const first = report?.errors?.[0];
      if (first) return new DeploymentError(file, `${first.message}${first.line ? ` (第 ${first.line} 行, 第 ${first.column} 列)` : ''}`);
    }
  }
  const resource = /resource ([^\s|]+)/.exec(error.engineMessage)?.[1];
  return new DeploymentError(resource, error.engineMessage);
}

export interface DeploymentResult {
  id: string;
  /** names of resources that made new versions; empty when nothing changed */
  changed: string[];
  resourceCount: number;
}

/** `source`: who deployed (the modeler records the analyst there; the engine keeps it with the deployment) */
export async function deployResources(engine: EngineClient, resources: DeploymentResource[], name = DEPLOYMENT_NAME, source = 'shenpi'): Promise<DeploymentResult> {
  if (resources.length === 0) throw new DeploymentError(undefined, '没有可部署的 .bpmn/.dmn/.form 文件');
  for (const resource of resources) if (resource.name.endsWith('.form')) checkForm(resource);
  const form = new FormData();
  form.set('deployment-name', name);
  form.set('deployment-source', source);
  form.set('enable-duplicate-filtering', 'true');
  form.set('deploy-changed-only', 'true');
  for (const resource of resources) form.set(resource.name, new Blob([resource.content]), resource.name);
  const latest = await engine.get<Array<{ id: string }>>(`/deployment?name=${encodeURIComponent(name)}&sortBy=deploymentTime&sortOrder=desc&maxResults=1`);
  let deployment: { id: string };
  try {
    deployment = await engine.request<{ id: string }>('POST', '/deployment/create', form);
  } catch (error) {
    if (error instanceof EngineRequestError) throw explain(error);
    throw error;
  }
  // With nothing changed the engine answers with the deployment it already has.
  if (deployment.id === latest[0]?.id) return { id: deployment.id, changed: [], resourceCount: resources.length };
  const changed = await engine.get<Array<{ name: string }>>(`/deployment/${deployment.id}/resources`);
  return { id: deployment.id, changed: changed.map((r) => r.name), resourceCount: resources.length };
}

export async function deployProject(engine: EngineClient, root: string): Promise<DeploymentResult> {
  return deployResources(engine, await collectResources(root));
}

/** The processes the window starts (一窗受理): every item and every 一件事 bundle in processes/. */
export function deskStartableKeys(root: string): string[] {
  return ['items', 'bundles'].flatMap((folder) => {
    const dir = path.join(root, 'processes', folder);
    return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.bpmn')).map((name) => name.slice(0, -'.bpmn'.length)) : [];
  });
}
