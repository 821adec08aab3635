// The 工作台's view of the engine: a whitelist of the engine calls the staff app needs (filters
// and their tasks, a task's form, claim, complete; 一窗受理: what the user may start, its start
// form, the start), each made as the logged-in user
// (EngineClient.onBehalfOf), so the engine's authorizations are theirs, never the service
// account's. Not a proxy: nothing else of the REST API is reachable through here.
import path from 'node:path';
import express from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../lib/config.js';
import { formFieldKeys, type FormComponent } from '../../lib/forms/fields.js';
import { todayIn } from '../../lib/calendar/deadlines.js';
import { EngineRequestError, toVariables, type EngineClient } from '../../lib/engine/client.js';
import { findCaseByBusinessKey, reserveDeskBusinessKey, urgesOfTask } from '../../lib/repositories/cases.js';
import { WORKBENCH_DIST } from '../../lib/workbench/build.js';
import { caseContext } from '../../lib/workbench/case-context.js';
import { creditCodeOverrideOf } from '../../lib/catalogue/start-form.js';
import { identifierProblem } from '../../lib/validation/identifier-fields.js';
import { badRequest, forbidden, HttpError, invalidField, notFound } from '../errors.js';
import { field, validRequest } from '../validate.js';
import { COLUMN, FilterCounts, PAGE_SIZES, personName, taskPage, type EngineUser } from './workbench-tasks.js';

interface EngineFilter { id: string; name: string; properties?: { description?: string; priority?: number } }
interface EngineVariable { name: string; value: unknown; type: string }
interface EngineTask {
  id: string; name: string; assignee: string | null; owner?: string | null; delegationState?: 'PENDING' | 'RESOLVED' | null; processInstanceId?: string; created: string; due: string | null; followUp: string | null;
  taskDefinitionKey: string; processDefinitionId: string; _embedded?: { variable?: EngineVariable[] };
}

export { personName };

/** The engine's refusals in the user's words; anything else stays an internal error. */
async function asUser<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof EngineRequestError)) throw error;
    if (error.status === 404) throw notFound('任务不存在, 或不属于您的科室');
    if (error.status === 401 || error.status === 403) throw forbidden('无权执行此操作: 该任务不属于您或您的科室');
    if (error.status === 400) throw new HttpError(400, 'engine-refused', `审批引擎拒绝了此操作: ${error.engineMessage}`);
    if (error.status === 500) throw new HttpError(409, 'engine-refused', `审批引擎拒绝了此操作: ${error.engineMessage}`);
    throw error;
  }
}

export function workbenchRoutes(db: Knex, engine: EngineClient, config: Config): express.Router {
  const router = express.Router();
  const engineOf = (req: express.Request): EngineClient => engine.onBehalfOf(req.user!.id);
  const colleague = (id: string): Promise<EngineUser | undefined> => engine.get<EngineUser>(`/user/${encodeURIComponent(id)}/profile`).catch(() => undefined);

  // the filters' counts, kept briefly per user (workbench-tasks.ts); a user's own change asks again
  const counts = new FilterCounts();
  const changed = (req: express.Request): void => counts.forget(req.user!.id);
  const byId = validRequest({ params: { id: field.engineId } });
  const byKey = validRequest({ params: { key: field.processKey } });
  router.get('/filters', async (req, res) => {
    const user = engineOf(req);
    const filters = await asUser(() => user.get<EngineFilter[]>('/filter?resourceType=Task'));
    const counted = await Promise.all(filters.map(async (filter) => ({
      id: filter.id,
      name: filter.name,
      description: filter.properties?.description ?? '',
      priority: filter.properties?.priority ?? 0,
      count: await counts.get(req.user!.id, filter.id, '', async () => (await asUser(() => user.get<{ count: number }>(`/filter/${filter.id}/count`))).count),
    })));
    res.json(counted.sort((a, b) => a.priority - b.priority));
  });

  // one page of the filter, sorted by the engine (due date first), with the filter's total; a
  // search looks in the case columns of the filter's tasks (workbench-tasks.ts)
  const pageQuery = validRequest({
    params: { id: field.engineId },
    query: { page: field.positiveInteger, size: { type: 'string', pattern: '^[1-9][0-9]{0,2}$', title: `每页件数 (1 到 ${PAGE_SIZES.max})` }, search: { type: 'string', maxLength: 60, title: '搜索内容 (受理编号、申请人或事项)' } },
  });
  router.get('/filters/:id/tasks', pageQuery, async (req, res) => {
    const size = Number(req.query.size ?? PAGE_SIZES.default);
    if (size > PAGE_SIZES.max) throw invalidField('size', 'maximum', `每页件数 size 不能超过 ${PAGE_SIZES.max}`);
    const query = { page: Number(req.query.page ?? 1), size, search: String(req.query.search ?? '') };
    const context = { db, config, counts, user: engineOf(req), userId: req.user!.id, colleague };
    res.json({ ...query, ...(await asUser(() => taskPage(context, req.params.id, query))) });
  });

  router.get('/tasks/:id', byId, async (req, res) => {
    const user = engineOf(req);
    const id = encodeURIComponent(req.params.id);
    const task = await asUser(() => user.get<EngineTask>(`/task/${id}`));
    const [form, variables, locals] = await Promise.all([
      asUser(() => user.get<{ components?: FormComponent[] }>(`/task/${id}/deployed-form`)),
      asUser(() => user.get<Record<string, EngineVariable>>(`/task/${id}/form-variables`)),
      asUser(() => user.get<Record<string, EngineVariable>>(`/task/${id}/localVariables`)),
    ]);
    const data = Object.fromEntries(Object.entries(variables).map(([name, variable]) => [name, variable.type === 'Json' && typeof variable.value === 'string' ? JSON.parse(variable.value) : variable.value]));
    const assignee = task.assignee ? await colleague(task.assignee) : undefined;
    res.json({
      id: task.id,
      name: task.name,
      assignee: task.assignee,
      assigneeName: task.assignee ? personName(assignee, task.assignee) : null,
      // 委派: the delegate resolves (完成委派), the task goes back to its owner
      delegated: task.delegationState === 'PENDING',
      ownerName: task.owner ? personName(await colleague(task.owner), task.owner) : null,
      due: task.due,
      receiptNumber: String(locals[COLUMN['受理编号']]?.value ?? ''),
      applicant: String(locals[COLUMN['申请人']]?.value ?? ''),
      item: String(locals[COLUMN['事项']]?.value ?? ''),
      form,
      data,
      // 催办 of this task by a leader or the 督查室 (lib/cases/urge.ts)
      urges: await Promise.all((await urgesOfTask(db, task.id)).map(async (urge) => ({ ...urge, urgedByName: personName(await colleague(urge.urgedBy), urge.urgedBy) }))),
    });
  });

  router.post('/tasks/:id/claim', byId, async (req, res) => {
    await asUser(() => engineOf(req).post(`/task/${encodeURIComponent(req.params.id)}/claim`, { userId: req.user!.id }));
    changed(req);
    res.status(204).end();
  });

  // completes with exactly the form's fields: a key the form does not have is refused
  router.post('/tasks/:id/complete', byId, async (req, res) => {
    const user = engineOf(req);
    const id = encodeURIComponent(req.params.id);
    const values = formValues(req.body, formFieldKeys((await asUser(() => user.get<{ components?: FormComponent[] }>(`/task/${id}/deployed-form`))).components));
    const task = await asUser(() => user.get<EngineTask>(`/task/${id}`));
    // a delegated task is resolved (back to the clerk who delegated it), not completed
    await asUser(() => user.post(`/task/${id}/${task.delegationState === 'PENDING' ? 'resolve' : 'submit-form'}`, { variables: toVariables(values) }));
    changed(req);
    res.status(204).end();
  });

  // the case beside the form: earlier opinions, materials, deadlines, 文书, 催办 (the task read as the user first)
  router.get('/tasks/:id/case', byId, async (req, res) => {
    const task = await asUser(() => engineOf(req).get<EngineTask>(`/task/${encodeURIComponent(req.params.id)}`));
    const instance = await engine.get<{ businessKey: string | null }>(`/process-instance/${encodeURIComponent(task.processInstanceId!)}`);
    const found = instance.businessKey ? await caseContext(db, engine, instance.businessKey) : undefined;
    if (!found) return void res.json(null);
    const names = new Map<string, string | null>();
    for (const id of new Set(found.opinions.map((opinion) => opinion.by).filter((by): by is string => Boolean(by)))) names.set(id, personName(await colleague(id), id));
    res.json({ ...found, opinions: found.opinions.map((opinion) => ({ ...opinion, by: opinion.by ? names.get(opinion.by) : null })) });
  });

  // 转办 / 委派 go to a member of the task's own sections (the engine checks it again: CaseGuardPlugin)
  router.get('/tasks/:id/colleagues', byId, async (req, res) => {
    const id = encodeURIComponent(req.params.id);
    const links = await asUser(() => engineOf(req).get<Array<{ type: string; groupId: string | null }>>(`/task/${id}/identity-links?type=candidate`));
    const people = new Map<string, string>();
    for (const group of new Set(links.map((link) => link.groupId).filter((group): group is string => Boolean(group)))) {
      for (const user of await engine.get<EngineUser[]>(`/user?memberOfGroup=${encodeURIComponent(group)}`)) people.set(user.id, personName(user, user.id)!);
    }
    people.delete(req.user!.id);
    res.json([...people].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')));
  });

  for (const [action, path_] of [['assign', 'assignee'], ['delegate', 'delegate']] as const) {
    router.post(`/tasks/:id/${action}`, byId, async (req, res) => {
      const userId = (req.body as { userId?: unknown } | undefined)?.userId;
      if (typeof userId !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(userId)) throw invalidField('userId', 'required', '请选择本科室的同事 (userId)');
      await asUser(() => engineOf(req).post(`/task/${encodeURIComponent(req.params.id)}/${path_}`, { userId })).catch((error: unknown) => {
        throw error instanceof HttpError && error.status === 403 ? forbidden(`只能${action === 'assign' ? '转办' : '委派'}给本环节科室的同事, 「${userId}」不是, 或该任务不属于您的科室`) : error;
      });
      changed(req);
      res.status(204).end();
    });
  }

  // 一窗受理: what this user may start (the engine's CREATE_INSTANCE grants: the window, items and 一件事)
  router.get('/catalogue', async (req, res) => {
    const definitions = await asUser(() => engineOf(req).get<Array<{ key: string; name: string | null; resource: string }>>('/process-definition?latestVersion=true&startablePermissionCheck=true&startableInTasklist=true&sortBy=name&sortOrder=asc'));
    // a 一件事 is deployed from processes/bundles/, an item from processes/items/
    res.json(definitions.map((definition) => ({ key: definition.key, name: definition.name ?? definition.key, kind: definition.resource.includes('bundles/') ? '一件事' : '事项' })));
  });

  router.get('/start/:key', byKey, async (req, res) => {
    const user = engineOf(req);
    const key = encodeURIComponent(req.params.key);
    const [definition, form] = await Promise.all([
      asUser(() => user.get<{ key: string; name: string | null }>(`/process-definition/key/${key}`)),
      asUser(() => user.get<{ components?: FormComponent[] }>(`/process-definition/key/${key}/deployed-start-form`)),
    ]);
    res.json({ key: definition.key, name: definition.name ?? definition.key, form });
  });

  // starts the case with exactly the start form's fields under its 受理编号 (the engine's business
  // key); answers it once the case is registered
  router.post('/start/:key', byKey, async (req, res) => {
    const user = engineOf(req);
    const key = encodeURIComponent(req.params.key);
    const values = formValues(req.body, formFieldKeys((await asUser(() => user.get<{ components?: FormComponent[] }>(`/process-definition/key/${key}/deployed-start-form`))).components));
    // check digits before the case starts: the applicant is still at the desk (a pilot-era code only with its reason)
    const waived = Boolean(creditCodeOverrideOf((name) => values[name]));
    for (const [name, value] of Object.entries(values)) {
      const problem = identifierProblem(name, value, waived);
      if (problem) throw invalidField(`values.${name}`, problem.rule, `${problem.message}${problem.rule === 'check-digit' && /CreditCode$/.test(name) ? '; 试点期代码请勾选人工核准并写明理由' : ''}`);
    }
    const businessKey = await reserveDeskBusinessKey(db, todayIn(config.deadlines.utcOffset, new Date()), req.user!.id);
    const started = await asUser(() => user.post<{ id: string; businessKey: string }>(`/process-definition/key/${key}/submit-form`, { businessKey, variables: toVariables(values) }));
    const deadline = Date.now() + REGISTRATION_WAIT_MS;
    let record = await findCaseByBusinessKey(db, started.businessKey);
    while (!record && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      record = await findCaseByBusinessKey(db, started.businessKey);
    }
    res.status(201).json({ businessKey: started.businessKey, receiptNumber: record?.receiptNumber ?? null });
  });

  return router;
}

/** How long a start waits for the case.register worker to give the case its 受理编号. */
const REGISTRATION_WAIT_MS = 15_000;

/** The submitted values, if every key is one of the form's fields. */
function formValues(body: unknown, fields: string[]): Record<string, unknown> {
  const values = (body as { values?: unknown } | undefined)?.values;
  if (!values || typeof values !== 'object' || Array.isArray(values)) throw invalidField('values', 'type', '表单数据 values 应为表单字段及其值的对象');
  const known = new Set(fields);
  const unknown = Object.keys(values).filter((key) => !known.has(key));
  if (unknown.length) throw badRequest(`表单中没有字段 ${unknown.join('、')}, 只能提交表单中的字段`, unknown.map((key) => ({ field: `values.${key}`, rule: 'form-field', message: `表单中没有字段「${key}」` })));
  return values as Record<string, unknown>;
}

/** The 工作台's page at `/` and its built assets (lib/workbench/build.ts). */
export function workbenchApp(config: Config): express.Router {
  const router = express.Router();
  router.get('/', (_req, res, next) => {
    res.sendFile(path.join(WORKBENCH_DIST, 'index.html'), (error) => {
      if (error) next(new HttpError(503, 'workbench-not-built', '工作台尚未构建: 请重新运行 npm start'));
    });
  });
  router.use('/assets', express.static(path.join(WORKBENCH_DIST, 'assets'), { index: false, maxAge: config.mode === 'dev' ? 0 : '1h' }));
  return router;
}
