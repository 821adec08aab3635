// The clerks' day in the Tasklist of Camunda 7.24, in real Chromium: the front desk starts a
// case from the item's start form (一窗受理), is refused while the form is invalid, sees the
// 一次性告知 for the missing material in 我的待办 and gives it; the reviewer of the right section
// decides a case; a reviewer of another section cannot see that task. Screens are in Chinese.
import { expect } from 'chai';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findCaseByBusinessKey, findCaseByReceipt } from '../../lib/repositories/cases.js';
import type { System } from '../../lib/system.js';
import { readEntry } from '../processes/items/scenarios.js';
import { sampleApplication, VALID_CREDIT_CODE, VALID_ID_CARD } from '../support/applications.js';
import { launchBrowser, skipWithoutChromium } from '../support/browser.js';
import { CaseDriver, DEMO_PASSWORD, MEMBER } from '../support/cases.js';
import { waitFor } from '../support/process.js';
import { useSystem } from '../support/system.js';

const entry = readEntry('pharmacy-retail-licence');
const missing = entry.materials.find((m) => m.code === 'premises-proof')!;

describe('front desk and review sections in the Tasklist (Chromium)', function () {
  this.timeout(300_000);
  let system: System;
  let browser: Browser;
  const shots = () => system.config.dataDir;

  before(async function () {
    skipWithoutChromium(this);
    system = await useSystem();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  async function logIn(user: string): Promise<Page> {
    // an English browser: the Tasklist still speaks Chinese
    const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${system.config.engine.webappUrl}/app/tasklist/default/`);
    await page.locator('input[type="text"]').first().fill(user);
    await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByText('本科室待办').first().waitFor({ timeout: 30_000 });
    return page;
  }

  /** form-js selects are drop-downs: open one by its label and pick an option. */
  async function choose(page: Page, label: string, option: string): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      await page.locator('.fjs-form-field-select').filter({ hasText: label }).first().click();
      try {
        await page.locator('.fjs-dropdownlist-item').getByText(option, { exact: true }).click({ timeout: 5_000 });
        return;
      } catch (error) {
        if (attempt === 2) throw error;
      }
    }
  }

  /**
   * form-js applies a text field's input after a short debounce, from the form state it had: a
   * box ticked meanwhile can be undone. Tick, and tick again until it stays ticked.
   */
  async function tick(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (!(await locator.isChecked())) await locator.click();
      await page.waitForTimeout(400);
      if (await locator.isChecked()) return;
    }
    throw new Error('复选框未能勾选');
  }

  const instances = async (): Promise<number> => (await system.admin.get<{ count: number }>(`/process-instance/count?processDefinitionKey=${entry.key}`)).count;

  it('should start a case at the desk, refuse an invalid form, and show the 一次性告知 in 我的待办', async () => {
    const page = await logIn(MEMBER.window!);
    await page.goto(`${system.config.engine.webappUrl}/app/tasklist/default/#/?processStart=${entry.key}`);
    const modal = page.locator('.modal-content');
    await modal.getByText(`一窗受理: ${entry.name}`).waitFor({ timeout: 30_000 });
    await modal.getByLabel('申请人名称 (姓名)').fill('呼和浩特市青城大药房有限公司');
    await modal.getByLabel('统一社会信用代码').fill(VALID_CREDIT_CODE);
    await modal.getByLabel('法定代表人 (负责人) 姓名').fill('张建国');
    await modal.getByLabel('法定代表人身份证号码').fill(VALID_ID_CARD);
    await modal.getByLabel('联系电话').fill('12345'); // not a mobile number
    for (const material of entry.materials.filter((m) => m.required && m.code !== missing.code)) {
      await tick(page, modal.getByLabel(new RegExp(`^${material.name.replace(/[()]/g, '\\$&')} \\(`)));
    }
    await modal.getByLabel('经营场所', { exact: true }).fill('呼和浩特市新城区新华大街一号');
    await tick(page, modal.getByLabel('乙类非处方药'));
    const scope = (entry.applicationFields as { properties: { businessScope: { items: { enum: string[] } } } }).properties.businessScope.items.enum[0]!;
    await tick(page, modal.getByLabel(scope, { exact: true }));
    await modal.getByLabel('质量负责人').fill('李药师');
    const before = await instances();
    await modal.locator('.modal-footer .btn-primary').click();
    await modal.getByText(/手机|Must match pattern|格式/).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots(), 'desk-start-invalid.png') });
    expect(await instances()).to.equal(before);

    await modal.getByLabel('联系电话').fill('13904710000');
    await modal.locator('.modal-footer .btn-primary').click();
    await modal.waitFor({ state: 'hidden', timeout: 30_000 });
    await waitFor('the case to start', async () => ((await instances()) > before ? true : undefined));

    // the desk clerk's own task: the 一次性告知, with the missing material named
    await page.getByText('我的待办').first().click();
    await page.locator('.tasks-list').getByText('一次性告知').first().click({ timeout: 60_000 });
    await page.getByText('需要补正的内容').waitFor({ timeout: 30_000 });
    await waitFor('the problems in the form', async () => ((await page.locator('textarea').first().inputValue()).includes(missing.name) ? true : undefined));
    await page.screenshot({ path: path.join(shots(), 'desk-notify-deficiencies.png') });
    const list = await page.locator('.tasks-list').innerText();
    expect(list).to.contain('呼和浩特市青城大药房有限公司'); // the columns: applicant, receipt number, item
    expect(list).to.contain(entry.name);
    expect(list).to.match(/SP\d{8}/);
    await choose(page, '处理', '出具一次性告知书');
    await choose(page, '告知方式', '当场告知');
    await page.getByRole('button', { name: /^(完成|Complete)$/ }).click();
    const receipt = (list.match(/SP\d+/) ?? [''])[0];
    await waitFor('the notice to be recorded', async () => ((await findCaseByReceipt(system.db, receipt))?.status === '已告知补正' ? true : undefined));
    await page.context().close();
  });

  it('should let the reviewer of the right section decide, and keep another section out', async () => {
    const review = readEntry('enterprise-establishment-registration');
    const driver = await new CaseDriver(system.admin, review.key).start({ receivedOn: '2026-10-12', clockDate: '2026-10-12', application: sampleApplication(review) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewOpinion: '材料齐全, 建议准予', reviewAction: 'submit' });
    const decision = await driver.task('DecisionTask');
    const receipt = await driver.variable<string>('receiptNumber');

    // another section: no task, no data, whatever the URL
    const outsider = await logIn(MEMBER.constructionReview!);
    await outsider.goto(`${system.config.engine.webappUrl}/app/tasklist/default/#/?task=${decision.id}`);
    await outsider.waitForTimeout(3_000);
    await outsider.screenshot({ path: path.join(shots(), 'outsider-task.png') });
    const text = await outsider.locator('body').innerText();
    expect(text).not.to.contain(receipt);
    expect(text).not.to.contain('呼和浩特市青城餐饮管理有限公司');
    const reviewer = await logIn(MEMBER.marketReview!);
    await reviewer.goto(`${system.config.engine.webappUrl}/app/tasklist/default/#/?task=${decision.id}`);
    await reviewer.getByText('不予许可的, 必须说明理由', { exact: false }).waitFor({ timeout: 30_000 });
    await reviewer.getByRole('button', { name: /^(认领|Claim)$/ }).click();
    await reviewer.getByRole('button', { name: /^(认领|Claim)$/ }).waitFor({ state: 'hidden' });
    await choose(reviewer, '决定', '准予');
    await reviewer.getByLabel('准予内容 (许可范围、条件)').fill('准予设立登记');
    await reviewer.screenshot({ path: path.join(shots(), 'review-decide.png') });
    await reviewer.getByRole('button', { name: /^(完成|Complete)$/ }).click();
    await waitFor('the decision to be recorded', async () => ((await findCaseByBusinessKey(system.db, driver.businessKey))?.status === '已决定' ? true : undefined));

    await reviewer.context().close();
    await outsider.context().close();
    await driver.cancel();
  });
});
