// The catalogue over the web API: analysts export and import the office's spreadsheet, bad rows
// are rejected one by one with their sheet and row, and a change makes a new version that only
// new cases use.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { getVersion, latestVersion } from '../../lib/repositories/catalogue.js';
import type { System } from '../../bin/system.js';
import { sampleApplication } from '../support/applications.js';
import { CaseDriver, MEMBER } from '../support/cases.js';
import { useSystem } from '../support/system.js';
import { basic, webBase } from '../support/web.js';
import { readEntry } from '../processes/items/scenarios.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Report { imported: number; unchanged: number; rejected: number; items: Array<{ key: string; status: string; version?: number; problems: Array<{ sheet?: string; row?: number; position?: string; field: string; rule: string; message: string }> }> }

describe('catalogue API (事项清单)', function () {
  this.timeout(120_000);
  let system: System;
  let web: string;
  // a copy of the food business licence under its own key, so other tests keep version 1
  const pilot = { ...readEntry('food-business-licence'), key: 'catalogue-api-pilot', code: 'PILOT-000117001' };

  before(async () => {
    system = await useSystem();
    web = `${webBase(system)}/api/catalogue`;
  });

  const importJson = async (items: unknown[], user = 'analyst1'): Promise<Response> =>
    fetch(`${web}/import`, { method: 'POST', headers: { authorization: basic(user), 'content-type': 'application/json' }, body: JSON.stringify({ items }) });

  it('should import JSON entries and report each one, rejecting a bad entry with its field and rule', async () => {
    const response = await importJson([pilot, { ...pilot, key: 'catalogue-api-bad', promisedTimeLimit: 30, legalTimeLimit: 10, materials: [] }]);
    expect(response.status).to.equal(200);
    const report = (await response.json()) as Report;
    expect(report).to.include({ imported: 1, rejected: 1 });
    const bad = report.items.find((item) => item.key === 'catalogue-api-bad')!;
    expect(bad.problems.map((problem) => [problem.position, problem.field, problem.rule])).to.deep.include(['items[1]', '/materials', 'minItems']);
    expect(await latestVersion(system.db, 'catalogue-api-bad')).to.equal(undefined);
  });

  it('should NOT let a clerk import the catalogue', async () => {
    expect((await importJson([pilot], 'window1')).status).to.equal(403);
  });

  it('should round-trip the spreadsheet and reject only the bad rows, naming sheet and row', async () => {
    const exported = await fetch(`${web}/export.xlsx`, { headers: { authorization: basic('analyst1') } });
    expect(exported.status).to.equal(200);
    expect(exported.headers.get('content-type')).to.contain(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    const items = workbook.getWorksheet('事项清单')!;
    const materials = workbook.getWorksheet('申请材料')!;
    const header = (sheet: ExcelJS.Worksheet, name: string): number => (sheet.getRow(1).values as unknown[]).indexOf(name);
    const rowOf = (sheet: ExcelJS.Worksheet, key: string): number => {
      let found = 0;
      sheet.eachRow((row, number) => { if (!found && row.getCell(1).value === key) found = number; });
      return found;
    };
    // a good change: the pilot promises 2 working days instead of 3
    items.getRow(rowOf(items, pilot.key)).getCell(header(items, '承诺办结时限(工作日)')).value = 2;
    // bad: a 是/否 cell holding something else
    const constructionRow = rowOf(items, 'construction-permit');
    items.getRow(constructionRow).getCell(header(items, '是否收费')).value = '也许';
    // bad: a material of the hygiene licence with 0 copies (sheet 申请材料)
    const hygieneMaterialRow = rowOf(materials, 'public-place-hygiene-licence');
    materials.getRow(hygieneMaterialRow).getCell(header(materials, '份数')).value = 0;

    const response = await fetch(`${web}/import`, { method: 'POST', headers: { authorization: basic('analyst1'), 'content-type': XLSX }, body: Buffer.from(await workbook.xlsx.writeBuffer()) });
    expect(response.status).to.equal(200);
    const report = (await response.json()) as Report;
    const byKey = Object.fromEntries(report.items.map((item) => [item.key, item]));
    expect(byKey[pilot.key]).to.include({ status: 'imported', version: 2 });
    expect(byKey['construction-permit']!.status).to.equal('rejected');
    expect(byKey['construction-permit']!.problems[0]).to.include({ sheet: '事项清单', row: constructionRow, field: 'fee.charged', rule: 'bool' });
    expect(byKey['public-place-hygiene-licence']!.status).to.equal('rejected');
    expect(byKey['public-place-hygiene-licence']!.problems[0]).to.include({ sheet: '申请材料', row: hygieneMaterialRow, rule: 'minimum' });
    expect(byKey['food-business-licence']!.status).to.equal('unchanged');
    expect(report.rejected).to.equal(2);
    // nothing of a rejected item was written
    expect((await latestVersion(system.db, 'construction-permit'))!.version).to.equal(1);
  });

  it('should keep a running case on the version it started with, and start new cases on the new one', async () => {
    const start = async (): Promise<CaseDriver> => new CaseDriver(system.admin, 'food-business-licence')
      .start({ itemKey: pilot.key, receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(pilot) });
    const running = await start();
    await running.task('ReviewMaterialsTask');
    expect(await running.variable('itemVersion')).to.equal(2);
    await importJson([{ ...pilot, promisedTimeLimit: 5 }]);
    expect((await latestVersion(system.db, pilot.key))!.version).to.equal(3);
    const newer = await start();
    for (const driver of [running, newer]) await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await running.task('ReviewTask');
    await newer.task('ReviewTask');
    expect(await running.variable('decisionDeadline')).to.equal('2026-10-09'); // version 2: 2 working days
    expect(await newer.variable('decisionDeadline')).to.equal('2026-10-13'); // version 3: 5 working days
    expect((await getVersion(system.db, pilot.key, 2))!.entry.promisedTimeLimit).to.equal(2);
    await running.cancel();
    await newer.cancel();
  });

  it('should list the 一件事 bundles with their items and target', async () => {
    const response = await fetch(`${web}/bundles`, { headers: { authorization: basic('window1') } });
    const { bundles } = (await response.json()) as { bundles: Array<{ key: string; targetWorkingDays: number; items: unknown[] }> };
    expect(bundles.map((b) => b.key)).to.include.members(['enterprise-start-up', 'road-excavation', 'utility-connection']);
    expect(bundles.find((b) => b.key === 'utility-connection')).to.include({ targetWorkingDays: 0.5 });
    const one = await fetch(`${web}/bundles/road-excavation`, { headers: { authorization: basic('window1') } });
    expect(((await one.json()) as { entry: { jointInspection: { groups: string[] } } }).entry.jointInspection.groups).to.have.length(3);
    expect((await fetch(`${web}/bundles/no-such-bundle`, { headers: { authorization: basic('window1') } })).status).to.equal(404);
  });

  it('should answer an unknown item with 404 and a Chinese message', async () => {
    const response = await fetch(`${web}/no-such-item`, { headers: { authorization: basic('window1') } });
    expect(response.status).to.equal(404);
    expect(((await response.json()) as { message: string }).message).to.contain('不在事项清单中');
  });
});
