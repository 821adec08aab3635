// An analyst's day in the 工作台 (Chromium, 1440×900, a browser in Berlin): uploads the office's
// catalogue workbook and reads the row-by-row report, compares an entry's versions and edits it
// (a broken rule shown under its field in Chinese), enters and publishes a calendar year the
// spec owns (2028, withdrawn after), edits a document template with its preview, and opens the
// modeler in a new tab without a second login. Screenshots: test-artifacts/screenshots/analyst-*.png.
import { expect } from 'chai';
import { seriousViolations } from '../support/axe.js';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { CatalogueEntry } from '../../lib/catalogue/entry.js';
import { catalogueToWorkbook } from '../../lib/catalogue/spreadsheet.js';
import { calendarYear, withdrawCalendarYear } from '../../lib/repositories/calendar.js';
import { latestVersion } from '../../lib/repositories/catalogue.js';
import { readEntry } from '../processes/items/scenarios.js';
import { artifactDir, useBrowser } from '../support/browser.js';
import { DEMO_PASSWORD } from '../support/cases.js';
import { webBase } from '../support/web.js';

const YEAR = 2028;
const PILOT = 'analyst-e2e-pilot';

describe('the analysts\' pages of the 工作台 (Chromium)', function () {
  this.timeout(300_000);
  const suite = useBrowser();
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let screenshots: string;

  // each page as the analyst sees it: kept as a screenshot, and it passes axe-core (no serious or critical violation)
  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(screenshots, `analyst-${name}.png`) });
    expect(await seriousViolations(page), `axe-core on analyst-${name}`).to.deep.equal([]);
  };

  before(async () => {
    if (!suite.browser) return;
    screenshots = artifactDir();
    fs.mkdirSync(screenshots, { recursive: true });
    await withdrawCalendarYear(suite.system.db, YEAR);
    context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'zh-CN' });
    page = await context.newPage();
    problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`${message.text()} ${message.location().url}`); });
    await page.goto(`${webBase(suite.system)}/`);
    await page.locator('input[name="username"]').fill('analyst1');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-test="user-name"]').waitFor();
  });

  after(async () => {
    if (suite.system) await withdrawCalendarYear(suite.system.db, YEAR);
    await context?.close();
  });

  afterEach(() => {
    // a refused request is an answer the page shows, not a fault of the page
    expect(problems.filter((problem) => !/status of 4\d\d/.test(problem))).to.deep.equal([]);
  });

  it('should show the analysts\' menu, and the name as 刘洋', async () => {
    expect(await page.locator('[data-test="user-name"]').innerText()).to.equal('刘洋');
    for (const name of ['事项清单', '工作日历', '文书模板']) expect(await page.locator('.shell-nav a', { hasText: name }).count(), name).to.equal(1);
  });

  it('should upload a catalogue workbook and show the report row by row: one imported, one NOT (sheet, row, field, rule)', async () => {
    const pilot: CatalogueEntry = { ...readEntry('food-business-licence'), key: PILOT, code: 'PILOT-000118001', name: '食品经营许可 (分析员测试)' };
    const bad: CatalogueEntry = { ...pilot, key: 'analyst-e2e-bad', code: 'PILOT-000118002', promisedTimeLimit: 30, legalTimeLimit: 20 };
    const workbook = path.join(screenshots, 'analyst-upload.xlsx');
    fs.writeFileSync(workbook, await catalogueToWorkbook([pilot, bad]));

    await page.locator('.shell-nav a', { hasText: '事项清单' }).click();
    await page.locator('.el-table__row', { hasText: '食品经营许可' }).first().waitFor();
    await page.locator('[data-test="upload-input"]').setInputFiles(workbook);
    const report = page.locator('[data-test="import-report"]');
    await report.waitFor({ timeout: 60_000 });
    const text = await report.innerText();
    expect(text).to.contain('1 项新版本').and.contain('1 项未导入');
    const rejected = report.locator('.el-table__row', { hasText: 'analyst-e2e-bad' });
    expect(await rejected.innerText()).to.contain('未导入').and.contain('工作表「事项清单」 第 3 行').and.contain('承诺办结时限').and.contain('promisedWithinLegal');
    expect(await report.locator('.el-table__row', { hasText: PILOT }).innerText()).to.contain('第 1 版');
    await page.getByPlaceholder('按名称、事项标识或编码搜索').fill('分析员测试');
    await page.locator('.el-tabs .el-table__row', { hasText: PILOT }).waitFor();
    await shot('catalogue-report');
    expect((await latestVersion(suite.system.db, PILOT))?.version).to.equal(1);
    expect(await latestVersion(suite.system.db, 'analyst-e2e-bad')).to.equal(undefined);
  });

  it('should NOT import a file that is not a whole workbook: a clear reason in Chinese, nothing written', async () => {
    const cut = path.join(screenshots, 'analyst-truncated.xlsx');
    fs.writeFileSync(cut, fs.readFileSync(path.join(screenshots, 'analyst-upload.xlsx')).subarray(0, 2000));
    await page.locator('[data-test="upload-input"]').setInputFiles(cut);
    const refused = page.locator('[data-test="import-refused"]');
    await refused.waitFor();
    expect(await refused.innerText()).to.contain('不是完整的 Excel 工作簿');
  });

  it('should edit an entry: a broken rule shown under its field in Chinese and nothing saved, then a new version compared side by side', async () => {
    await page.locator('.el-tabs .el-table__row', { hasText: PILOT }).getByRole('link').click();
    await page.getByRole('tab', { name: '编辑' }).click();
    const form = page.locator('[data-test="entry-form"]');
    const errorOf = (name: string) => form.locator('.el-form-item', { has: page.locator(`input[name="${name}"]`) }).locator('.el-form-item__error');
    // the schema: a name is required
    await form.locator('input[name="name"]').fill('');
    await page.locator('[data-test="save-entry"]').click();
    await errorOf('name').waitFor();
    expect(await errorOf('name').innerText()).to.contain('事项名称');
    // a rule beyond the schema: the promised time within the legal one (10 working days)
    await form.locator('input[name="name"]').fill('食品经营许可 (分析员测试)');
    await form.locator('input[name="promisedTimeLimit"]').fill('15');
    await page.locator('[data-test="save-entry"]').click();
    await errorOf('promisedTimeLimit').waitFor();
    expect(await errorOf('promisedTimeLimit').innerText()).to.contain('承诺办结时限').and.contain('不能超过法定办结时限');
    await errorOf('name').waitFor({ state: 'detached' }); // the name's error leaves (after its transition)
    await shot('entry-invalid');
    expect((await latestVersion(suite.system.db, PILOT))?.version).to.equal(1);

    await form.locator('input[name="name"]').fill('食品经营许可 (分析员测试, 第二版)');
    await form.locator('input[name="promisedTimeLimit"]').fill('8');
    await page.locator('[data-test="save-entry"]').click();
    const diff = page.locator('[data-test="version-diff"]');
    await diff.locator('.changed-row', { hasText: '承诺办结时限' }).waitFor();
    const changed = await diff.locator('.changed-row').allInnerTexts();
    expect(changed.join('\n')).to.contain('第二版').and.contain('8');
    expect(await diff.locator('thead').innerText()).to.contain('第 1 版').and.contain('第 2 版');
    await shot('entry-versions');
    expect((await latestVersion(suite.system.db, PILOT))?.entry.promisedTimeLimit).to.equal(8);
  });

  it(`should enter and publish ${YEAR}: 2028-02-30 refused under its field, then the months previewed and the year published`, async () => {
    await page.locator('.shell-nav a', { hasText: '工作日历' }).click();
    const year = page.locator('[data-test="calendar-year"] input');
    await year.fill(String(YEAR));
    await page.getByRole('button', { name: '载入' }).click();
    await page.locator('[data-test="calendar-source"]', { hasText: `${YEAR} 年` }).waitFor();
    await page.getByRole('button', { name: '添加放假安排' }).click();
    const row = page.locator('[data-test="holidays"] .el-table__row').last();
    await row.getByLabel('节日').fill('春节 (测试)');
    await row.getByLabel('开始日期').fill(`${YEAR}-02-30`);
    await row.getByLabel('结束日期').fill(`${YEAR}-02-01`);
    await page.getByRole('button', { name: '预览工作日' }).click();
    await row.locator('.el-form-item__error').first().waitFor();
    expect(await row.innerText()).to.contain(`${YEAR}-02-30 不是有效的日期`);
    await shot('calendar-invalid');

    await row.getByLabel('开始日期').fill(`${YEAR}-01-26`);
    await row.getByLabel('结束日期').fill(`${YEAR}-02-01`);
    await page.getByRole('button', { name: '预览工作日' }).click();
    const preview = page.locator('[data-test="calendar-preview"]');
    await preview.waitFor();
    expect(await preview.innerText()).to.match(new RegExp(`${YEAR} 年共 \\d+ 个工作日`));
    expect(await preview.locator('td.holiday').count()).to.equal(7);
    await page.locator('[data-test="publish"]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '发布' }).click();
    const result = page.locator('[data-test="calendar-result"]');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.innerText()).to.contain(`已发布 ${YEAR} 年`);
    await shot('calendar-published');
    expect((await calendarYear(suite.system.db, YEAR)).published).to.equal(true);
  });

  it('should edit a document template with its preview, and save it as a new version for one item', async () => {
    await page.locator('.shell-nav a', { hasText: '文书模板' }).click();
    const preview = page.locator('[data-test="template-preview"]');
    await preview.waitFor();
    await page.locator('[data-test="template-kind"]').click();
    await page.locator('.el-select-dropdown__item', { hasText: '受理通知书' }).first().click();
    await page.getByLabel('仅用于事项 (事项标识, 留空为全部事项)').fill(PILOT);
    await page.locator('input[name="title"]').fill('受理通知书 (分析员测试)');
    await preview.locator('h3', { hasText: '受理通知书 (分析员测试)' }).waitFor();
    expect(await preview.innerText()).to.contain('呼和浩特市行政审批和政务服务局');
    await page.locator('textarea[name="body"]').fill('{{applicantName}}:\n{{#if');
    await page.locator('.el-form-item__error').first().waitFor();
    expect(await page.locator('.el-form-item', { has: page.locator('textarea[name="body"]') }).locator('.el-form-item__error').innerText()).to.match(/[\u4e00-\u9fff]/);
    await shot('template-invalid');
    await page.locator('textarea[name="body"]').fill('{{applicantName}}:\n你单位申请的{{itemName}}已受理 (分析员测试)。');
    await preview.locator('p', { hasText: '已受理 (分析员测试)' }).waitFor();
    await page.locator('[data-test="save-template"]').click();
    await page.locator('.el-message', { hasText: '已保存为第' }).waitFor();
    await shot('template-saved');
  });

  it('should open the modeler in a new tab under the same login, and its changes pass the session\'s CSRF check', async () => {
    const [modeler] = await Promise.all([context.waitForEvent('page'), page.locator('[data-test="modeler-link"]').click()]);
    await modeler.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await modeler.locator('#user').innerText()).to.contain('analyst1');
    await modeler.locator('#item-select').selectOption('food-business-licence');
    await modeler.locator('#new-from-item').click();
    await modeler.locator('body[data-diagram="processes/items/food-business-licence.bpmn"]').waitFor();
    await modeler.locator('#diff-button').click();
    await modeler.locator('#diff strong').waitFor();
    expect(await modeler.locator('#diff strong').innerText()).to.contain('food-business-licence');
    await modeler.getByRole('tab', { name: '表单' }).click();
    await modeler.locator('#form-select').selectOption('food-business-licence-start');
    await modeler.locator('#status', { hasText: '已打开表单' }).waitFor();
    await modeler.locator('.fjs-palette-container').waitFor({ state: 'attached' });
    await modeler.screenshot({ path: path.join(screenshots, 'analyst-modeler-forms.png') });
    const palette = await modeler.locator('.fjs-palette-container').innerText();
    expect(palette).to.contain('组件').and.contain('文本框').and.not.contain('Text field');
    await modeler.locator('.fjs-form-field').first().click();
    await modeler.locator('.fjs-properties-panel').getByText('常规').first().waitFor();
    expect(await modeler.locator('.fjs-properties-panel').innerText()).not.to.match(/\b(General|Validation|Field label)\b/);
    await modeler.screenshot({ path: path.join(screenshots, 'analyst-modeler-form-properties.png') });
    await modeler.close();
  });
});
