// 文书模板 edited by analysts: a new version for one item is used by the documents issued after
// it, bad templates are refused with every problem and store nothing, the preview is a PDF, and
// the page has no inline script.
import { expect } from 'chai';
import { templateVersions } from '../../lib/repositories/documents.js';
import { documentsOfCase } from '../../lib/repositories/documents.js';
import { DEFAULT_TEMPLATES } from '../../lib/documents/index.js';
import { sampleApplication } from '../support/applications.js';
import { CaseDriver, MEMBER } from '../support/cases.js';
import { waitFor } from '../support/process.js';
import { useSystem } from '../support/system.js';
import { basic, webBase } from '../support/web.js';
import { readEntry } from '../processes/items/scenarios.js';

const pharmacy = readEntry('pharmacy-retail-licence');

async function send(method: string, path: string, json: unknown, user = 'analyst1'): Promise<Response> {
  const system = await useSystem();
  return fetch(`${webBase(system)}${path}`, { method, headers: { authorization: basic(user), 'content-type': 'application/json' }, body: JSON.stringify(json) });
}

describe('document templates API (文书模板)', function () {
  this.timeout(120_000);

  it('should save an item\'s own 受理通知书 as a new version that the next case of the item is issued with', async () => {
    const system = await useSystem();
    const edited = { ...DEFAULT_TEMPLATES.acceptance, itemKey: pharmacy.key, body: `${DEFAULT_TEMPLATES.acceptance.body}\n药品零售企业须在营业场所公示许可证。` };
    const saved = await send('PUT', '/api/document-templates/acceptance', edited);
    expect(saved.status).to.equal(201);
    const { version } = (await saved.json()) as { version: number };
    expect((await (await send('PUT', '/api/document-templates/acceptance', edited)).json())).to.deep.equal({ version, changed: false });

    const driver = await new CaseDriver(system.admin, pharmacy.key).start({ application: sampleApplication(pharmacy), receivedOn: '2026-09-30', clockDate: '2026-09-30' });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    const [acceptance] = await waitFor('the 受理通知书', async () => {
      const documents = await documentsOfCase(system.db, driver.businessKey);
      return documents.length ? documents : undefined;
    });
    expect(acceptance!.templateVersion).to.equal(version);
    expect(acceptance!.text).to.contain('药品零售企业须在营业场所公示许可证。');
    await driver.cancel();
  });

  it('should NOT save a template that does not compile, naming every field, and store nothing', async () => {
    const system = await useSystem();
    const before = await templateVersions(system.db, 'refusal', '');
    const answer = await send('PUT', '/api/document-templates/refusal', { title: '', numberPrefix: '审批 不受字', body: '{{#if reason}}未闭合' });
    expect(answer.status).to.equal(400);
    const { problems } = (await answer.json()) as { problems: Array<{ field: string; rule: string }> };
    expect(problems.map((p) => `${p.field}:${p.rule}`)).to.include.members(['title:required', 'numberPrefix:pattern', 'body:syntax']);
    expect(await templateVersions(system.db, 'refusal', '')).to.deep.equal(before);
    expect((await send('PUT', '/api/document-templates/no-such-kind', DEFAULT_TEMPLATES.refusal)).status).to.equal(400);
    expect((await send('PUT', '/api/document-templates/refusal', { ...DEFAULT_TEMPLATES.refusal, itemKey: 'no-such-item' })).status).to.equal(400);
  });

  it('should NOT let a clerk change a template', async () => {
    expect((await send('PUT', '/api/document-templates/refusal', DEFAULT_TEMPLATES.refusal, 'window1')).status).to.equal(403);
  });

  it('should preview an edit as a PDF and serve the page with its script as a file', async () => {
    const system = await useSystem();
    const preview = await send('POST', '/api/document-templates/grant/preview', DEFAULT_TEMPLATES.grant);
    expect(preview.status).to.equal(200);
    expect(preview.headers.get('content-type')).to.equal('application/pdf');
    expect(Buffer.from(await preview.arrayBuffer()).subarray(0, 5).toString()).to.equal('%PDF-');
    const page = await (await fetch(`${webBase(system)}/document-templates/`, { headers: { authorization: basic('analyst1') } })).text();
    expect(page).to.contain('<script src="/document-templates/editor.js" defer></script>');
    expect(page).not.to.match(/<script>/);
    const script = await fetch(`${webBase(system)}/document-templates/editor.js`, { headers: { authorization: basic('analyst1') } });
    expect(script.headers.get('content-type')).to.contain('javascript');
  });
});
