// The clerks' day in the Tasklist of Camunda 7.24, in real Chromium: the front desk starts a
// case from the item's start form (一窗受理), is refused while the form is invalid, sees the
// 一次性告知 for the missing material in 我的待办 and gives it; the reviewer of the right section
// decides a case; a reviewer of another section cannot see that task. Screens are in Chinese.
import { expect } from 'chai';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { caseEvents, findCaseByBusinessKey, findCaseByReceipt } from '../../lib/repositories/cases.js';
import { readEntry } from '../processes/items/scenarios.js';
import { sampleApplication, VALID_CREDIT_CODE, VALID_ID_CARD } from '../support/applications.js';
import { artifactDir, chooseOption, formField, tickBox, useBrowser, waitForApp } from '../support/browser.js';
import { CaseDriver, DEMO_PASSWORD, MEMBER } from '../support/cases.js';
import { waitFor } from '../support/process.js';

const entry = readEntry('pharmacy-retail-licence');
const missing = entry.materials.find((m) => m.code === 'premises-proof')!;

describe('front desk and review sections in the Tasklist (Chromium)', function () {
  this.timeout(300_000);
  const suite = useBrowser();
  const shots = () => artifactDir();

  async function logIn(user: string): Promise<Page> {
    // an English browser: the Tasklist still speaks Chinese
    const context = await suite.browser.newContext({ viewport: { width: 1400, height: 1100 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${suite.system.config.engine.webappUrl}/app/tasklist/default/`);
    await page.locator('input[type="text"]').first().fill(user);
    await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await waitForApp(page, '本科室待办');
    return page;
  }

  /** form-js selects are drop-downs: open one by its label and pick an option. */
  const choose = (page: Page, label: string, option: string): Promise<void> =>
    chooseOption(page, page.locator('.fjs-form-field-select').filter({ hasText: label }).first(), option);

  const instances = async (): Promise<number> => (await suite.system.admin.get<{ count: number }>(`/process-instance/count?processDefinitionKey=${entry.key}`)).count;

  it('should start a case at the desk, refuse an invalid form, and show the 一次性告知 in 我的待办', async () => {
    const page = await logIn(MEMBER.window!);
    await page.goto(`${suite.system.config.engine.webappUrl}/app/tasklist/default/#/?processStart=${entry.key}`);
    const modal = page.locator('.modal-content');
    await modal.getByText(`一窗受理: ${entry.name}`).waitFor({ timeout: 30_000 });
    await formField(modal, 'ApplicantNameField').fill('呼和浩特市青城大药房有限公司');
    await formField(modal, 'ApplicantCreditCodeField').fill(VALID_CREDIT_CODE);
    await formField(modal, 'LegalRepresentativeNameField').fill('张建国');
    await formField(modal, 'LegalRepresentativeIdCardNumberField').fill(VALID_ID_CARD);
    await formField(modal, 'ApplicantPhoneField').fill('12345'); // not a mobile number
    for (const material of entry.materials.filter((m) => m.required && m.code !== missing.code)) {
      await tickBox(page, modal.getByLabel(new RegExp(`^${material.name.replace(/[()]/g, '\\$&')} \\(`)));
    }
    await formField(modal, 'DetailPremisesAddressField').fill('呼和浩特市新城区新华大街一号');
    await tickBox(page, modal.getByLabel('乙类非处方药'));
    const scope = (entry.applicationFields as { properties: { businessScope: { items: { enum: string[] } } } }).properties.businessScope.items.enum[0]!;
    await tickBox(page, modal.getByLabel(scope, { exact: true }));
    await formField(modal, 'DetailQualityManagerField').fill('李药师');
    const before = await instances();
    // the invalid phone number is named, and the form cannot be submitted
    await formField(modal, 'ApplicantPhoneField').focus();
    await page.keyboard.press('Tab');
    await modal.getByText(/Field must match pattern|格式|必须匹配/).first().waitFor({ timeout: 15_000 });
    const start = modal.locator('.modal-footer .btn-primary');
    expect(await start.isDisabled()).to.equal(true);
    await page.screenshot({ path: path.join(shots(), 'desk-start-invalid.png') });
    expect(await instances()).to.equal(before);

    await formField(modal, 'ApplicantPhoneField').fill('13904710000');
    await waitFor('the start button to be enabled', async () => ((await start.isEnabled()) ? true : undefined));
    await start.click();
    await modal.waitFor({ state: 'hidden', timeout: 30_000 });
    await waitFor('the case to start', async () => ((await instances()) > before ? true : undefined));

    // the desk clerk's own task: the 一次性告知, with the missing material named
    await page.getByText('我的待办').first().click();
    await page.locator('ol.tasks-list').getByText('一次性告知').first().click({ timeout: 60_000 });
    await page.getByText('需要补正的内容').waitFor({ timeout: 30_000 });
    await waitFor('the problems in the form', async () => ((await page.locator('textarea').first().inputValue()).includes(missing.name) ? true : undefined));
    await page.screenshot({ path: path.join(shots(), 'desk-notify-deficiencies.png') });
    // 期限近的在前, and 办件轨迹 one click away
    expect(decodeURIComponent(page.url())).to.contain('"sortBy":"dueDate"');
    const caseLink = await page.getByRole('link', { name: /办件轨迹/ }).getAttribute('href');
    expect(caseLink).to.match(/\/cases\/SP\d+$/);
    const list = await page.locator('ol.tasks-list').innerText();
    expect(list).to.contain('呼和浩特市青城大药房有限公司'); // the columns: applicant, receipt number, item
    expect(list).to.contain(entry.name);
    expect(list).to.match(/SP\d{8}/);
    // an empty drop-down reads 请选择, not form-js's own "Select"
    expect(await page.locator('.fjs-select-placeholder').first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown, p: string): { content: string } }).getComputedStyle(el, '::after').content)).to.equal('"请选择"');
    await choose(page, '处理', '出具一次性告知书');
    await choose(page, '告知方式', '当场告知');
    await page.getByRole('button', { name: /^(完成|Complete)$/ }).click();
    // the Tasklist closes a completed task's form (an invalid form stays open, and the case would never move)
    await page.getByText('需要补正的内容').waitFor({ state: 'hidden', timeout: 30_000 });
    // this task's case (the clerk's list may hold other cases kept with her: a case stays with its clerk)
    const receipt = (caseLink!.match(/SP\d+$/) ?? [''])[0];
    await waitFor('the notice to be recorded', async () => ((await findCaseByReceipt(suite.system.db, receipt))?.status === '已告知补正' ? true : undefined), 60_000);
    await page.context().close();
  });

  it('should let the reviewer of the right section decide, and keep another section out', async () => {
    const review = readEntry('enterprise-establishment-registration');
    const driver = await new CaseDriver(suite.system.admin, review.key).start({ receivedOn: '2026-10-12', clockDate: '2026-10-12', application: sampleApplication(review) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    // 审查与决定分离: a colleague reviewed, market1 decides
    await driver.complete('ReviewTask', 'market2', { reviewOpinion: '材料齐全, 建议准予', reviewAction: 'submit' });
    const decision = await driver.task('DecisionTask');
    const receipt = await driver.variable<string>('receiptNumber');

    // another section: no task, no data, whatever the URL
    const outsider = await logIn(MEMBER.constructionReview!);
    await outsider.goto(`${suite.system.config.engine.webappUrl}/app/tasklist/default/#/?task=${decision.id}`);
    await outsider.waitForTimeout(3_000);
    await outsider.screenshot({ path: path.join(shots(), 'outsider-task.png') });
    const text = await outsider.locator('body').innerText();
    expect(text).to.match(/该任务已不存在|无权/); // the engine does not even confirm the task exists
    expect(text).not.to.contain(receipt);
    expect(text).not.to.contain('呼和浩特市青城餐饮管理有限公司');
    const reviewer = await logIn(MEMBER.marketReview!);
    await reviewer.goto(`${suite.system.config.engine.webappUrl}/app/tasklist/default/#/?task=${decision.id}`);
    await reviewer.getByText('不予许可的, 必须说明理由', { exact: false }).waitFor({ timeout: 30_000 });
    await reviewer.getByRole('button', { name: /^(认领|Claim)$/ }).click();
    await reviewer.getByRole('button', { name: /^(认领|Claim)$/ }).waitFor({ state: 'hidden' });
    await choose(reviewer, '决定', '准予');
    await formField(reviewer.locator('body'), 'DecisionContentField').fill('准予设立登记');
    await reviewer.screenshot({ path: path.join(shots(), 'review-decide.png') });
    await reviewer.getByRole('button', { name: /^(完成|Complete)$/ }).click();
    await waitFor('the decision to be recorded', async () => {
      const record = await findCaseByBusinessKey(suite.system.db, driver.businessKey);
      return record && (await caseEvents(suite.system.db, record.id)).some((event) => event.status === '已决定') ? true : undefined;
    });

    await reviewer.context().close();
    await outsider.context().close();
    await driver.cancel();
  });
});
