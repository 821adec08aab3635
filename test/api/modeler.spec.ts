// The modeler's API on the real engine: a new process from the catalogue, bad files refused with
// a readable reason, lint problems block deployment (422), the engine's own rejection shown,
// clerks refused (403), a deployment with its forms makes a new version, the diff names changes.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/config.js';
import type { System } from '../../bin/system.js';
import { restoreItemProcess } from '../support/processes-restore.js';
import { useSystem } from '../support/system.js';
import { basic, webBase } from '../support/web.js';
import { startFormPath } from '../../lib/forms/folders.js';

interface ErrorBody { error: string; message: string; problems?: Array<{ field: string; rule: string; message: string }> }

describe('modeler API (/api/modeler)', function () {
  this.timeout(180_000);
  let system: System;
  let web: string;

  before(async () => {
    system = await useSystem();
    web = `${webBase(system)}/api/modeler`;
  });

  after(async () => {
    if (system) await restoreItemProcess(system, 'public-place-hygiene-licence');
  });

  const call = (method: string, path: string, body?: unknown, user = 'analyst1'): Promise<Response> =>
    fetch(`${web}${path}`, { method, headers: { authorization: basic(user), 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

  const itemXml = async (key: string): Promise<string> => ((await (await call('GET', `/items/${key}/process`)).json()) as { xml: string }).xml;

  it('should NOT answer without a login', async () => {
    expect((await fetch(`${web}/context`)).status).to.equal(401);
  });

  it('should create the process of a catalogue item that passes every rule', async () => {
    const response = await call('GET', '/items/pharmacy-retail-licence/process');
    expect(response.status).to.equal(200);
    const created = (await response.json()) as { fileName: string; xml: string };
    expect(created.fileName).to.equal('processes/items/pharmacy-retail-licence.bpmn');
    const lint = (await (await call('POST', '/lint', { xml: created.xml })).json()) as { processIds: string[]; problems: unknown[] };
    expect(lint).to.deep.equal({ processIds: ['pharmacy-retail-licence'], problems: [] });
  });

  it('should NOT create a process for an item that is not in the catalogue', async () => {
    const response = await call('GET', '/items/no-such-item/process');
    expect(response.status).to.equal(404);
    expect(((await response.json()) as ErrorBody).message).to.contain('no-such-item');
  });

  it('should refuse invalid XML with a readable 400 naming the problem', async () => {
    const response = await call('POST', '/deploy', { xml: '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="x">' });
    expect(response.status).to.equal(400);
    expect(((await response.json()) as ErrorBody).message).to.match(/不是有效的 BPMN XML.*第 \d+ 行/);
    const empty = await call('POST', '/lint', {});
    expect(empty.status).to.equal(400);
    expect(((await empty.json()) as ErrorBody).message).to.contain('"xml"');
  });

  it('should NOT deploy a diagram that breaks the rules, listing each problem with its element and rule', async () => {
    const broken = (await itemXml('pharmacy-retail-licence')).replace('camunda:topic="supervision.push"', 'camunda:topic="no.such-topic"');
    const response = await call('POST', '/deploy', { xml: broken, fileName: 'processes/items/pharmacy-retail-licence.bpmn' });
    expect(response.status).to.equal(422);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).to.equal('lint-failed');
    expect(body.problems).to.deep.include({ field: 'PushToSupervisionTask', rule: 'shenpi/external-task-topic', message: body.problems!.find((p) => p.field === 'PushToSupervisionTask')!.message });
    expect(body.problems![0]!.message).to.contain('no.such-topic');
  });

  it('should show the engine\'s rejection, not swallow it', async () => {
    // formKey and formRef together pass the lint rules; the engine's parser refuses them
    const rejected = (await itemXml('pharmacy-retail-licence')).replace('camunda:formRef="site-inspection-follow-up"', 'camunda:formKey="embedded:app:forms/x.html" camunda:formRef="site-inspection-follow-up"');
    const response = await call('POST', '/deploy', { xml: rejected });
    const body = (await response.json()) as ErrorBody;
    expect(response.status, JSON.stringify(body)).to.equal(422);
    expect(body.error).to.equal('engine-rejected');
    expect(body.message).to.contain('引擎拒绝部署').and.to.match(/formKey|formRef/);
  });

  it('should NOT let a clerk deploy (403, in Chinese)', async () => {
    const response = await call('POST', '/deploy', { xml: await itemXml('pharmacy-retail-licence') }, 'window1');
    expect(response.status).to.equal(403);
    expect(((await response.json()) as ErrorBody).message).to.contain('analysts');
  });

  it('should deploy the process with its forms as a new version, and diff against it', async () => {
    const key = 'public-place-hygiene-licence';
    const before = await system.admin.get<Array<{ version: number }>>(`/process-definition?key=${key}&latestVersion=true`);
    const xml = (await itemXml(key)).replace('name="审查"', 'name="审查 (建模器)"');
    const diff = (await (await call('POST', '/diff', { xml })).json()) as { deployedVersion: number; changes: Array<{ id: string; change: string; properties?: string[] }> };
    expect(diff.deployedVersion).to.equal(before[0]!.version);
    expect(diff.changes).to.deep.include({ id: 'ReviewCallActivity', type: 'bpmn:CallActivity', name: '审查 (建模器)', change: 'changed', properties: ['name'] });
    const response = await call('POST', '/deploy', { xml, fileName: `processes/items/${key}.bpmn` });
    const body = (await response.json()) as { deploymentId: string; processDefinitions: Array<{ key: string; version: number }> };
    expect(response.status, JSON.stringify(body)).to.equal(200);
    expect(body.processDefinitions.map(({ key: k, version }) => ({ key: k, version }))).to.deep.equal([{ key, version: before[0]!.version + 1 }]);
    const resources = await system.admin.get<Array<{ name: string }>>(`/deployment/${body.deploymentId}/resources`);
    expect(resources.map((resource) => resource.name).sort()).to.deep.equal(['forms/blocks/site-inspection/follow-up.form', startFormPath('items', key), `processes/items/${key}.bpmn`]);
    const again = (await (await call('POST', '/diff', { xml })).json()) as { changes: unknown[] };
    expect(again.changes).to.deep.equal([]);
  });

  it('should deploy an item new to the repository with its start form from the catalogue, startable at the desk at once', async () => {
    const seed = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'catalogue', 'items', 'pharmacy-retail-licence.json'), 'utf8')) as Record<string, unknown>;
    const key = `pharmacy-chain-${Date.now().toString(36)}`;
    const imported = await fetch(`${webBase(system)}/api/catalogue/import`, { method: 'POST', headers: { authorization: basic('analyst1'), 'content-type': 'application/json' }, body: JSON.stringify([{ ...seed, key, code: `0001750020${String(Date.now()).slice(-2)}`, name: '药品零售连锁企业经营许可 (测试)' }]) });
    expect(imported.status, await imported.clone().text()).to.equal(200);
    const window = system.admin.as({ username: 'window1', password: 'shenpi-demo' });
    const startable = async () => (await window.get<Array<{ key: string }>>('/process-definition?latestVersion=true&startableInTasklist=true&startablePermissionCheck=true&maxResults=500')).map((d) => d.key);
    const response = await call('POST', '/deploy', { xml: await itemXml(key), fileName: `processes/items/${key}.bpmn` });
    const body = (await response.json()) as { deploymentId: string };
    expect(response.status, JSON.stringify(body)).to.equal(200);
    const resources = await system.admin.get<Array<{ name: string }>>(`/deployment/${body.deploymentId}/resources`);
    expect(resources.map((resource) => resource.name)).to.include(startFormPath('items', key));
    expect(await startable()).to.include(key);
    expect(await (await system.admin.as({ username: 'market1', password: 'shenpi-demo' }).get<unknown[]>(`/process-definition?key=${key}&startableInTasklist=true&startablePermissionCheck=true`))).to.deep.equal([]);
  });

  it('should NOT read or write outside processes/ and forms/', async () => {
    for (const path of ['../package.json', 'processes/../package.json', 'lib/config.ts', '/etc/passwd']) {
      const response = await call('GET', `/file?path=${encodeURIComponent(path)}`);
      expect(response.status, path).to.equal(400);
    }
    const write = await call('PUT', `/file?path=${encodeURIComponent('processes/../bin/x.bpmn')}`, { content: 'x' });
    expect(write.status).to.equal(400);
  });

  it('should serve element templates generated from the workers', async () => {
    const templates = (await (await call('GET', '/element-templates')).json()) as Array<{ name: string; properties: Array<{ value?: string }> }>;
    expect(templates.find((template) => template.name === '双公示推送')?.properties.map((property) => property.value)).to.include('publication.licence');
  });
});
