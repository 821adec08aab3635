// The 工作台 in real Chromium: a window clerk logs in once, finds the case in 我的待办 (Chinese,
// Beijing time, 张敏), opens the task, sees Chinese validation, completes the form, and opens
// the case record without a second login; a clerk of another section never sees the task.
import { expect } from 'chai';
import path from 'node:path';
import { findCaseByBusinessKey, findCaseByReceipt } from '../../lib/repositories/cases.js';
import { readEntry } from '../processes/items/scenarios.js';
import { sampleApplication, VALID_CREDIT_CODE, VALID_ID_CARD } from '../support/applications.js';
import { artifact, chooseOption, formField, logInToWorkbench, tickBox, useBrowser } from '../support/browser.js';
import { CaseDriver } from '../support/cases.js';
import { waitFor } from '../support/process.js';
import { webBase } from '../support/web.js';

describe('the 工作台 (Chromium)', function () {
  this.timeout(240_000);
  const suite = useBrowser();
  const shot = (name: string) => artifact(`workbench-${name}.png`);

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

    await logInToWorkbench(page, web, 'window1', shot('login'));
    expect(await page.locator('[data-test="user-name"]').innerText()).to.equal('张敏');
    await page.locator('.filter-button').nth(5).waitFor();
    expect(await page.locator('.filter-button').allInnerTexts()).to.satisfy((names: string[]) => ['我的待办', '本科室待办', '即将超期', '已超期', '容缺待补正', '承诺待核查'].every((name) => names.some((text) => text.includes(name))));
    expect(await page.locator('.filter-button.active').innerText()).to.contain('我的待办');
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

    await logInToWorkbench(page, webBase(suite.system), 'market1');
    for (const filter of ['我的待办', '本科室待办']) {
      await page.locator('.filter-button', { hasText: filter }).click();
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

  it('should let the window start a case (一窗受理) and show its 受理编号 in large type', async () => {
    const entry = readEntry('pharmacy-retail-licence');
    const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await logInToWorkbench(page, webBase(suite.system), 'window1');

    await page.getByRole('link', { name: '一窗受理' }).click();
    await page.getByPlaceholder('输入事项名称或编码搜索').fill('药品零售');
    await page.locator('button.catalogue-item', { hasText: entry.name }).click();
    const form = page.locator('.form-host');
    await formField(form, 'ApplicantNameField').waitFor();
    await formField(form, 'ApplicantNameField').fill('呼和浩特市青城大药房有限公司');
    await formField(form, 'ApplicantCreditCodeField').fill(VALID_CREDIT_CODE);
    await formField(form, 'LegalRepresentativeNameField').fill('张建国');
    await formField(form, 'LegalRepresentativeIdCardNumberField').fill(VALID_ID_CARD);
    await formField(form, 'ApplicantPhoneField').fill('12345');
    for (const material of entry.materials.filter((m) => m.required)) {
      await tickBox(page, form.getByLabel(new RegExp(`^${material.name.replace(/[()]/g, '\\$&')} \\(`)));
    }
    await formField(form, 'DetailPremisesAddressField').fill('呼和浩特市新城区新华大街一号');
    await tickBox(page, form.getByLabel('乙类非处方药'));
    const scope = (entry.applicationFields as { properties: { businessScope: { items: { enum: string[] } } } }).properties.businessScope.items.enum[0]!;
    await tickBox(page, form.getByLabel(scope, { exact: true }));
    await formField(form, 'DetailQualityManagerField').fill('李药师');
    await page.getByRole('button', { name: '受理', exact: true }).first().click();
    await form.getByText('格式不正确, 请按字段说明填写').first().waitFor();
    expect(await form.locator('.fjs-form-field-error').allInnerTexts()).to.satisfy((errors: string[]) => errors.every((error) => !/Field|\^|\$/.test(error)));
    await page.screenshot({ path: shot('desk-invalid') });

    await formField(form, 'ApplicantPhoneField').fill('13904710000');
    await page.getByRole('button', { name: '受理', exact: true }).first().click();
    const receipt = page.locator('[data-test="receipt-number"]');
    await receipt.waitFor({ timeout: 30_000 });
    expect(await receipt.innerText()).to.match(/^SP\d{14}$/);
    expect(await receipt.evaluate((element) => Number.parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(element).fontSize))).to.be.at.least(36);
    await page.screenshot({ path: shot('desk-started') });
    const record = await findCaseByReceipt(suite.system.db, await receipt.innerText());
    expect(record?.itemKey).to.equal(entry.key);
    await context.close();
    await new CaseDriver(suite.system.admin, entry.key, record!.businessKey).cancel();
  });
});
