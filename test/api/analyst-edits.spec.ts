// What the analysts' pages of the 工作台 send, over the web API with a session: an entry edited
// (every problem named, nothing written), a template previewed as text, and bad input refused
// with a clear 400 in Chinese naming field and rule (a cut-off or oversized workbook, a zip bomb,
// multipart, NUL bytes, 2026-02-30), the server still answering afterwards.
import { expect } from 'chai';
import type { CatalogueEntry } from '../../lib/catalogue/entry.js';
import { catalogueToWorkbook } from '../../lib/catalogue/spreadsheet.js';
import { latestVersion } from '../../lib/repositories/catalogue.js';
import type { System } from '../../lib/system.js';
import { readEntry } from '../processes/items/scenarios.js';
import { useSystem } from '../support/system.js';
import { basic, webBase, webSession } from '../support/web.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Refusal { error: string; message: string; problems?: Array<{ field: string; rule: string; message: string }> }

describe('analysts\' edits over the web API (session)', function () {
  this.timeout(120_000);
  let system: System;
  let web: string;
  let analyst: Record<string, string>;
  const pilot: CatalogueEntry = { ...readEntry('food-business-licence'), key: 'analyst-api-pilot', code: 'PILOT-000118101', name: '食品经营许可 (接口测试)' };

  before(async () => {
    system = await useSystem();
    web = webBase(system);
    analyst = (await webSession(system, 'analyst1')).headers;
    const seeded = await fetch(`${web}/api/catalogue/import`, { method: 'POST', headers: analyst, body: JSON.stringify({ items: [pilot] }) });
    expect(seeded.status).to.equal(200);
  });

  const put = (key: string, entry: unknown, headers = analyst) => fetch(`${web}/api/catalogue/${key}`, { method: 'PUT', headers, body: JSON.stringify(entry) });
  // as the 工作台 sends it: X-Requested-With too (a form's body type needs it, api/csrf.ts)
  const upload = (body: Uint8Array, type = XLSX) => fetch(`${web}/api/catalogue/import`, { method: 'POST', headers: { ...analyst, 'content-type': type, 'x-requested-with': 'XMLHttpRequest' }, body });
  const refusal = async (response: Response, status = 400): Promise<Refusal> => {
    expect(response.status, await response.clone().text()).to.equal(status);
    return (await response.json()) as Refusal;
  };

  describe('#PUT /api/catalogue/:key', () => {
    it('should save an edited entry as the next version', async () => {
      const response = await put(pilot.key, { ...pilot, promisedTimeLimit: 5 });
      expect(response.status).to.equal(200);
      expect(await response.json()).to.deep.equal({ version: 2, changed: true });
      expect((await latestVersion(system.db, pilot.key))!.entry.promisedTimeLimit).to.equal(5);
    });

    it('should NOT save an entry breaking the schema or its rules: every problem with its field, nothing written', async () => {
      const schema = await refusal(await put(pilot.key, { ...pilot, name: '', materials: [{ ...pilot.materials[0], copies: 0 }] }));
      expect(schema.problems!.map((problem) => [problem.field, problem.rule])).to.deep.include.members([['/name', 'minLength'], ['/materials/0/copies', 'minimum']]);
      expect(schema.problems!.every((problem) => /[\u4e00-\u9fff]/.test(problem.message))).to.equal(true);
      const rule = await refusal(await put(pilot.key, { ...pilot, promisedTimeLimit: 15 }));
      expect(rule.problems).to.deep.include({ field: '/promisedTimeLimit', rule: 'promisedWithinLegal', message: '承诺办结时限 (15 个工作日) 不能超过法定办结时限 (10 个工作日)' });
      const renamed = await refusal(await put(pilot.key, { ...pilot, key: 'another-key' }));
      expect(renamed.problems!.map((problem) => problem.rule)).to.include('const');
      expect((await latestVersion(system.db, pilot.key))!.version).to.equal(2);
    });

    it('should NOT take NUL bytes in an entry', async () => {
      const nul = await refusal(await put(pilot.key, { ...pilot, name: '食品\u0000经营许可' }));
      expect(nul.problems![0]!.field).to.contain('name');
      expect((await latestVersion(system.db, pilot.key))!.version).to.equal(2);
    });

    it('should NOT let a clerk edit, nor anyone edit an item not in the catalogue', async () => {
      expect((await put(pilot.key, pilot, (await webSession(system, 'window1')).headers)).status).to.equal(403);
      expect((await put('no-such-item', { ...pilot, key: 'no-such-item' })).status).to.equal(404);
    });

    it('should NOT take a session write without its CSRF token', async () => {
      const { cookie } = await webSession(system, 'analyst1');
      expect((await put(pilot.key, pilot, { cookie, 'content-type': 'application/json' })).status).to.equal(403);
    });
  });

  describe('#POST /api/catalogue/import (workbook)', () => {
    it('should NOT import a cut-off workbook: 400 naming the file and the rule, nothing written', async () => {
      const whole = await catalogueToWorkbook([{ ...pilot, key: 'analyst-api-cut', code: 'PILOT-000118102' }]);
      const answer = await refusal(await upload(whole.subarray(0, Math.floor(whole.length / 2))));
      expect(answer.problems).to.deep.include({ field: 'file', rule: 'xlsx', message: '文件不是完整的 Excel 工作簿 (.xlsx): 可能已损坏或未上传完整' });
      expect(await latestVersion(system.db, 'analyst-api-cut')).to.equal(undefined);
    });

    it('should NOT unpack a workbook that says it unpacks to more than 64 MB (a zip bomb)', async () => {
      const workbook = await catalogueToWorkbook([pilot]);
      // the central directory's first entry (its offset is in the end record) claims 100 MB unpacked
      const bomb = Buffer.from(workbook);
      const central = bomb.readUInt32LE(bomb.length - 22 + 16);
      expect(bomb.readUInt32LE(central)).to.equal(0x02014b50);
      bomb.writeUInt32LE(100 * 1024 * 1024, central + 24);
      const answer = await refusal(await upload(bomb));
      expect(answer.problems![0]).to.include({ field: 'file', rule: 'maxUnpackedBytes' });
    });

    it('should NOT take a workbook over 20 MB: 413 naming the body and its limit', async () => {
      const answer = await refusal(await upload(new Uint8Array(21 * 1024 * 1024)), 413);
      expect(answer.problems![0]).to.include({ field: 'body', rule: 'maxBytes' });
      expect(answer.message).to.contain('20 MB');
    });

    it('should NOT take a multipart form (nor a cut-off one): 400 naming the content type', async () => {
      const multipart = Buffer.from('--x\r\ncontent-disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004', 'latin1');
      const answer = await refusal(await upload(multipart, 'multipart/form-data; boundary=x'));
      expect(answer.problems![0]).to.include({ field: 'Content-Type', rule: 'mediaType' });
    });

    it('should still answer after all of it', async () => {
      expect((await fetch(`${web}/api/catalogue`, { headers: { authorization: basic('analyst1') } })).status).to.equal(200);
    });
  });

  describe('#POST /api/calendar/years/:year/preview', () => {
    it('should NOT take 2026-02-30: 400 naming the field and the rule', async () => {
      const answer = await refusal(await fetch(`${web}/api/calendar/years/2026/preview`, { method: 'POST', headers: analyst, body: JSON.stringify({ holidays: [{ from: '2026-02-30', to: '2026-03-01', name: '测试' }], workdays: [] }) }));
      const from = answer.problems!.find((problem) => problem.field === 'holidays/0/from');
      expect(from).to.include({ rule: 'date' });
      expect(from!.message).to.contain('2026-02-30 不是有效的日期');
    });
  });

  describe('#POST /api/document-templates/:kind/preview/text', () => {
    it('should fill an edited template with sample data, as the PDF prints it', async () => {
      const response = await fetch(`${web}/api/document-templates/acceptance/preview/text`, { method: 'POST', headers: analyst, body: JSON.stringify({ title: '受理通知书', numberPrefix: '审批受字', body: '{{applicantName}}:\n已受理。', sms: '' }) });
      expect(response.status).to.equal(200);
      const preview = (await response.json()) as { title: string; documentNumber: string; paragraphs: string[]; sms?: string };
      expect(preview).to.include({ title: '受理通知书', documentNumber: '审批受字〔2026〕第000001号' });
      expect(preview.paragraphs).to.deep.equal(['呼和浩特市青城餐饮管理有限公司:', '已受理。']);
      expect(preview.sms).to.equal(undefined);
    });

    it('should NOT preview a template that does not compile: 400 naming the field', async () => {
      const answer = await refusal(await fetch(`${web}/api/document-templates/acceptance/preview/text`, { method: 'POST', headers: analyst, body: JSON.stringify({ title: '受理通知书', numberPrefix: '审批受字', body: '{{#if' }) }));
      expect(answer.problems![0]!.field).to.equal('body');
    });

    it('should NOT preview for a clerk', async () => {
      const clerk = (await webSession(system, 'window1')).headers;
      expect((await fetch(`${web}/api/document-templates/acceptance/preview/text`, { method: 'POST', headers: clerk, body: JSON.stringify({ title: 'x', numberPrefix: 'y', body: 'z' }) })).status).to.equal(403);
    });
  });
});
