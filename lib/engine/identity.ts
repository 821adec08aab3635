// Idempotent set-up of groups, users, authorizations and Tasklist filters through the REST API.
import type { Credentials } from '../config.js';
import { EngineClient, EngineRequestError } from './client.js';
import { DEMO_USERS, DEPARTMENT_GROUPS, FILTERS, RETIRED_FILTERS, GROUPS, RESOURCE } from './directory.js';
import { GRANTS } from './roles.js';

async function exists(engine: EngineClient, path: string): Promise<boolean> {
  try {
    await engine.get(path);
    return true;
  } catch (error) {
    if (error instanceof EngineRequestError && error.status === 404) return false;
    throw error;
  }
}

async function ensureGroup(engine: EngineClient, id: string, name: string): Promise<void> {
  if (!(await exists(engine, `/group/${encodeURIComponent(id)}`))) {
    await engine.post('/group/create', { id, name, type: 'WORKFLOW' });
  }
}

async function ensureUser(engine: EngineClient, id: string, firstName: string, lastName: string, password: string, groups: string[]): Promise<boolean> {
  const created = !(await exists(engine, `/user/${encodeURIComponent(id)}/profile`));
  if (created) {
    await engine.post('/user/create', { profile: { id, firstName, lastName, email: `${id}@shenpi.local` }, credentials: { password } });
  }
  const memberOf = await engine.get<Array<{ id: string }>>(`/group?member=${encodeURIComponent(id)}`);
  for (const group of groups) {
    if (!memberOf.some((g) => g.id === group)) await engine.put(`/group/${encodeURIComponent(group)}/members/${encodeURIComponent(id)}`);
  }
  return created;
}

async function ensureGrant(engine: EngineClient, groupId: string, resourceType: number, resourceId: string, permissions: string[]): Promise<void> {
  const found = await engine.get<Array<{ id: string; permissions: string[] }>>(
    `/authorization?type=1&groupIdIn=${encodeURIComponent(groupId)}&resourceType=${resourceType}&resourceId=${encodeURIComponent(resourceId)}`,
  );
  const current = found[0];
  if (!current) {
    await engine.post('/authorization/create', { type: 1, permissions, groupId, resourceType, resourceId });
    return;
  }
  // the grant is exactly what the directory says (a permission dropped there is revoked here)
  const same = current.permissions.length === permissions.length && permissions.every((p) => current.permissions.includes(p));
  if (!same) await engine.put(`/authorization/${current.id}`, { permissions, groupId, resourceType, resourceId });
}

/**
 * A grant of an earlier version that the role table no longer has is revoked (least privilege
 * holds on an upgraded installation too). The role table grants on every resource ('*') and on
 * applications by name, so only those are read: the window's per-key start grants and the
 * filters' grants are written elsewhere, and the engine writes a grant per open task (and its
 * history) for each candidate group, 20,000 per section at 10,000 open tasks, which must stay:
 * they are the section's access to its tasks.
 */
async function revokeStaleGrants(engine: EngineClient): Promise<void> {
  for (const group of Object.values(GROUPS)) {
    const of = (query: string) => engine.get<Array<{ id: string; resourceType: number; resourceId: string }>>(`/authorization?type=1&groupIdIn=${encodeURIComponent(group.id)}&${query}&maxResults=10000`);
    const found = new Map([...(await of('resourceId=*')), ...(await of(`resourceType=${RESOURCE.application}`))].map((grant) => [grant.id, grant]));
    for (const grant of found.values()) {
      const wanted = GRANTS.some((g) => g.groupId === group.id && g.resourceType === grant.resourceType && g.resourceId === grant.resourceId);
      if (!wanted) await engine.delete(`/authorization/${grant.id}`);
    }
  }
}

const GRANTS_IN_FLIGHT = 4;

/**
 * 一窗受理: the window starts the cases of items and 一件事 bundles, and nothing else (a building
 * block only runs called by an item). Run after every deployment of new process keys.
 */
export async function grantDeskStart(engine: EngineClient, processKeys: string[]): Promise<void> {
  // one read of the window's grants on process definitions; only keys without them are written
  const granted = new Set((await engine.get<Array<{ resourceId: string; permissions: string[] }>>(
    `/authorization?type=1&groupIdIn=${GROUPS.window.id}&resourceType=${RESOURCE.processDefinition}&maxResults=10000`,
  )).filter((grant) => grant.permissions.includes('CREATE_INSTANCE')).map((grant) => grant.resourceId));
  const missing = processKeys.filter((k) => !granted.has(k));
  // a city's thousand items at their first deployment: a few grants in flight (each a read and a write)
  for (let i = 0; i < missing.length; i += GRANTS_IN_FLIGHT) {
    await Promise.all(missing.slice(i, i + GRANTS_IN_FLIGHT).map((key) => ensureGrant(engine, GROUPS.window.id, RESOURCE.processDefinition, key, ['READ', 'CREATE_INSTANCE'])));
  }
}

async function ensureFilters(engine: EngineClient): Promise<void> {
  for (const name of RETIRED_FILTERS) {
    for (const retired of await engine.get<Array<{ id: string }>>(`/filter?resourceType=Task&name=${encodeURIComponent(name)}`)) await engine.delete(`/filter/${retired.id}`);
  }
  for (const filter of FILTERS) {
    const found = await engine.get<Array<{ id: string }>>(`/filter?resourceType=Task&name=${encodeURIComponent(filter.name)}`);
    const definition = {
      resourceType: 'Task',
      name: filter.name,
      query: filter.query,
      properties: { description: filter.description, priority: filter.priority, refresh: true, variables: filter.variables },
    };
    let id = found[0]?.id;
    // an existing filter takes the current definition (columns, query) on every start
    if (id) await engine.put(`/filter/${id}`, definition);
    else id = (await engine.post<{ id: string }>('/filter/create', definition)).id;
    for (const groupId of DEPARTMENT_GROUPS) await ensureGrant(engine, groupId, RESOURCE.filter, id, ['READ']);
  }
}

export interface IdentityOptions {
  service: Credentials;
  /** dev mode only: create the demo users with this password */
  demoPassword: string | undefined;
}

/** Runs as the admin. Returns the ids of users created now. */
export async function ensureIdentity(engine: EngineClient, options: IdentityOptions): Promise<string[]> {
  for (const group of Object.values(GROUPS)) await ensureGroup(engine, group.id, group.name);
  const created: string[] = [];
  if (await ensureUser(engine, options.service.username, 'service', 'shenpi', options.service.password, [GROUPS.services.id])) {
    created.push(options.service.username);
  }
  if (options.demoPassword !== undefined) {
    for (const user of DEMO_USERS) {
      if (await ensureUser(engine, user.id, user.firstName, user.lastName, options.demoPassword, user.groups)) created.push(user.id);
    }
  }
  for (const grant of GRANTS) await ensureGrant(engine, grant.groupId, grant.resourceType, grant.resourceId, grant.permissions);
  await revokeStaleGrants(engine);
  await ensureFilters(engine);
  return created;
}

