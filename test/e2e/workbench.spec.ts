// The 工作台 in real Chromium: a window clerk logs in once, finds the case in 我的待办 (Chinese,
// Beijing time, 张敏), opens the task, sees Chinese validation, completes the form, and opens
// the case record without a second login; a clerk of another section never sees the task.
import { expect } from 'chai';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { findCaseByBusinessKey } from '../../lib/repositories/cases.js';
import { readEntry } from '../processes/items/scenarios.js';
import { sampleApplication } from '../support/applications.js';
import { chooseOption, useBrowser } from '../support/browser.js';
import { CaseDriver, DEMO_PASSWORD } from '../support/cases.js';
import { waitFor } from '../support/process.js';
import { webBase } from '../support/web.js';

async function logIn(page: Page, web: string, username: string): Promise<void> {
  await page.goto(`${web}/`);
  await page.getByText('登录工作台').waitFor();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.el-menu-item').first().waitFor();
}

describe('the 工作台 (Chromium)', function () {
  this.timeout(240_000);
  const suite = useBrowser();
  const shot = (name: string) => path.join(suite.system.config.dataDir, `workbench-${name}.png`);

  it('should let the window clerk log in, find the case in 我的待办, complete its form, and open the case record', async () => {
    const entry = readEntry('pharmacy-retail-licence');
    const driver = await new CaseDriver(suite.system.admin, entry.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', deskClerk: 'window1', application: sampleApplication(entry, { omitMaterials: ['premises-proof'] }) });
    const task = await driver.task('NotifyDeficienciesTask');
    const receipt = await driver.variable<string>('receiptNumber');
    const web = webBase(suite.system);
    const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(`${message.text()} ${message.location().url}`); });

    await logIn(page, web, 'window1');
    expect(await page.locator('[data-test="user-name"]').innerText()).to.equal('张敏');
    expect(await page.locator('.el-menu-item').allInnerTexts()).to.satisfy((names: string[]) => ['我的待办', '本科室待办', '即将超期', '已超期', '容缺待补正', '承诺待核查'].every((name) => names.some((text) => text.includes(name))));
    expect(await page.locator('.el-menu-item.is-active').innerText()).to.contain('我的待办');
    await page.getByPlaceholder('按受理编号、申请人或事项搜索').fill(receipt);
    const row = page.locator('.el-table__row', { hasText: receipt });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).to.contain(entry.name);
    expect(text).to.contain('一次性告知');
    expect(text).to.contain('张敏');
    expect(text).to.match(/已超期 \d+ 个工作日/); // a case of 2026-09-30: long past its notice period
    // Beijing time whatever the browser's zone: the engine's due date, shown in UTC+8
    const due = new Date(task.due!);
    const beijing = new Date(due.getTime() + 8 * 3_600_000).toISOString();
    expect(text).to.contain(`${beijing.slice(0, 4)}/${beijing.slice(5, 7)}/${beijing.slice(8, 10)} ${beijing.slice(11, 16)}`);
    expect(await row.locator('.signal-red').count()).to.equal(1);
    await page.screenshot({ path: shot('todo') });

    await row.getByText('办理').click();
    await page.getByText('需要补正的内容').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '完成' }).click();
    await page.locator('.fjs-form-field-error').first().waitFor();
    const errors = await page.locator('.fjs-form-field-error').allInnerTexts();
    expect(errors.join(' ')).to.contain('此项为必填项').and.not.to.contain('Field');
    await page.screenshot({ path: shot('task-invalid') });

    const [record] = await Promise.all([context.waitForEvent('page'), page.getByText('查看办件轨迹').click()]);
    await record.waitForLoadState();
    expect(await record.locator('body').innerText()).to.contain(receipt);
    await record.close();

    await chooseOption(page, page.locator('.fjs-form-field-select').nth(0), '出具一次性告知书');
    await chooseOption(page, page.locator('.fjs-form-field-select').nth(1), '当场告知');
    await page.screenshot({ path: shot('task') });
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByText('已完成').waitFor();
    await waitFor('the notice to be recorded', async () => ((await findCaseByBusinessKey(suite.system.db, driver.businessKey))?.status === '已告知补正' ? true : undefined));
    expect(consoleErrors).to.deep.equal([]);
    await context.close();
    await driver.awaitTimer('SupplementPeriodExpiredEvent');
    await driver.cancel();
  });

  it('should NOT show a window task to a clerk of another section', async () => {
    const entry = readEntry('pharmacy-retail-licence');
    const driver = await new CaseDriver(suite.system.admin, entry.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry, { omitMaterials: ['premises-proof'] }) });
    const task = await driver.task('NotifyDeficienciesTask');
    const receipt = await driver.variable<string>('receiptNumber');
    const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();

    await logIn(page, webBase(suite.system), 'market1');
    for (const filter of ['我的待办', '本科室待办']) {
      await page.locator('.el-menu-item', { hasText: filter }).click();
      await page.locator('.el-table').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.el-table').innerText()).not.to.contain(receipt);
    }
    await page.goto(`${webBase(suite.system)}/#/tasks/${task.id}`);
    await page.locator('.el-alert').waitFor();
    expect(await page.locator('.el-alert').innerText()).to.contain('任务不存在, 或不属于您的科室');
    await page.screenshot({ path: shot('outsider') });
    await context.close();
    await driver.cancel();
  });
});
