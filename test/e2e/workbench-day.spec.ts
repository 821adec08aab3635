// A clerk's day in the 工作台, in Chromium at 1440×900, keyboard only where a clerk works:
// the window logs in, starts a case (一窗受理), gives the 一次性告知 and prints it, accepts a
// complete one and prints the 受理通知书; a reviewer finds the case by its 受理编号 and reviews,
// the site inspection stays with them, and a colleague decides with the earlier opinions beside
// the form. axe-core finds no serious or critical violation on any page; no console error.
import { expect } from 'chai';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { findCaseByBusinessKey, findCaseByReceipt } from '../../lib/repositories/cases.js';
import { readEntry } from '../processes/items/scenarios.js';
import { sampleApplication, VALID_CREDIT_CODE, VALID_ID_CARD } from '../support/applications.js';
import { seriousViolations } from '../support/axe.js';
import { artifact, useBrowser } from '../support/browser.js';
import { CaseDriver, DEMO_PASSWORD } from '../support/cases.js';
import { waitFor } from '../support/process.js';
import { webBase } from '../support/web.js';

const VIEWPORT = { width: 1440, height: 900 };

// the page's own globals, for the functions evaluated in Chromium (the project's types have no DOM)
interface PageElement { outerHTML?: string; matches(selector: string): boolean; getAttribute(name: string): string | null; closest(selector: string): PageElement | null; textContent: string | null; checked?: boolean }
declare const document: { activeElement: PageElement | null; documentElement: { classList: { contains(name: string): boolean } }; elementFromPoint(x: number, y: number): PageElement | null };

/** Presses Tab until the focused element matches (a keyboard user's only way around). */
async function tabTo(page: Page, selector: string, text?: string): Promise<void> {
  for (let presses = 0; presses < 120; presses += 1) {
    await page.keyboard.press('Tab');
    const there = await page.evaluate(([wanted, label]) => {
      const active = document.activeElement;
      if (!active || !active.matches(wanted!)) return false;
      if (!label) return true;
      const named = active.getAttribute('aria-label') ?? active.closest('.fjs-inline-label, label, button, a, .fjs-form-field')?.textContent ?? active.textContent ?? '';
      return named.includes(label);
    }, [selector, text ?? '']);
    if (there) return;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML?.slice(0, 200) ?? '(none)');
  throw new Error(`键盘无法到达 ${selector}${text ? ` (${text})` : ''}; 焦点停在 ${at}`);
}

/** Tab to a control and press Enter (a link, a button). */
async function activate(page: Page, selector: string, text?: string): Promise<void> {
  await tabTo(page, selector, text);
  await page.keyboard.press('Enter');
}

/** Types into a form-js field reached by Tab; form-js applies text after a short debounce. */
async function typeInto(page: Page, fieldId: string, text: string): Promise<void> {
  await tabTo(page, `input[id$="-${fieldId}"], textarea[id$="-${fieldId}"]`);
  await page.keyboard.type(text);
  await page.waitForTimeout(400);
}

/**
 * A form-js drop-down by keyboard: focus opens it, arrows move, Enter picks. The list takes its keys
 * once it has rendered, so a press can come too early: the pick is read back from the field and
 * tried again (a user would see the wrong value and pick again, too).
 */
async function chooseByKeyboard(page: Page, fieldId: string, option: string): Promise<void> {
  const input = page.locator(`input[id$="-${fieldId}"]`);
  let seen = '';
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await tabTo(page, `input[id$="-${fieldId}"]`);
    const options = page.locator('.fjs-dropdownlist-item');
    await options.first().waitFor();
    await page.waitForTimeout(150);
    const labels = await options.allInnerTexts();
    const index = labels.findIndex((label) => label.trim() === option);
    if (index < 0) throw new Error(`下拉框 ${fieldId} 没有选项 ${option}: ${labels.join(', ')}`);
    for (let step = 0; step < index; step += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    for (let wait = 0; wait < 10 && (seen = await input.inputValue()) !== option; wait += 1) await page.waitForTimeout(100);
    if (seen === option) {
      await page.waitForTimeout(300);
      return;
    }
    await page.keyboard.press('Escape');
  }
  throw new Error(`下拉框 ${fieldId} 选不中 ${option}, 显示 ${seen || '(空)'}`);
}

/** A checkbox reached by Tab (by its label), ticked with Space. */
async function tickByKeyboard(page: Page, label: string): Promise<void> {
  await tabTo(page, 'input[type="checkbox"]', label);
  if (!(await page.evaluate(() => document.activeElement?.checked === true))) await page.keyboard.press('Space');
  await page.waitForTimeout(300);
}

async function logInByKeyboard(page: Page, web: string, username: string): Promise<void> {
  await page.goto(`${web}/`);
  await page.getByText('登录工作台').waitFor();
  await tabTo(page, 'input[name="username"]');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.locator('.filter-button').first().waitFor();
}

describe('a clerk\'s day in the 工作台 (Chromium, keyboard, axe-core)', function () {
  this.timeout(420_000);
  const suite = useBrowser();
  const shot = (name: string) => artifact(`workbench-day-${name}.png`);
  let consoleErrors: string[];

  async function open(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await suite.browser.newContext({ viewport: VIEWPORT, timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(`${message.text()} ${message.location().url}`); });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    return { context, page };
  }

  async function expectAccessible(page: Page, name: string): Promise<void> {
    const found = await seriousViolations(page);
    expect(found, `axe-core on ${name}: ${JSON.stringify(found, null, 1)}`).to.deep.equal([]);
  }

  beforeEach(() => {
    consoleErrors = [];
  });

  it('should let the window start a case, give and print the 一次性告知, accept a complete case and print the 受理通知书, by keyboard only', async () => {
    const entry = readEntry('pharmacy-retail-licence');
    const web = webBase(suite.system);
    const { context, page } = await open();
    // the desk's morning: cases waiting for their 一次性告知, one long overdue, others due soon
    const applicants = ['呼和浩特市青城大药房有限公司', '内蒙古仁和堂医药连锁有限公司', '呼和浩特市草原康泰药店有限公司', '赛罕区济民大药房有限公司'];
    const waiting = await Promise.all(['2026-09-30', '2026-11-23', '2026-11-26', '2026-11-27'].map((day, index) => {
      const application = sampleApplication(entry, { omitMaterials: ['premises-proof'] });
      (application.applicant as { name: string }).name = applicants[index]!;
      return new CaseDriver(suite.system.admin, entry.key).start({ receivedOn: day, clockDate: day, deskClerk: 'window1', application });
    }));
    for (const driver of waiting) await driver.task('NotifyDeficienciesTask');

    await page.goto(`${web}/`);
    await page.getByText('登录工作台').waitFor();
    await expectAccessible(page, '登录');
    await logInByKeyboard(page, web, 'window1');
    await page.locator('.el-table__row').nth(waiting.length - 1).waitFor();
    await page.screenshot({ path: shot('todo') });
    await expectAccessible(page, '待办');

    // 大字版, by keyboard, kept for this user in this browser
    await tabTo(page, '[role="switch"]');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).to.equal(true);
    await page.screenshot({ path: shot('todo-large-text') });
    await page.reload();
    await page.locator('.filter-button').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).to.equal(true);
    await expectAccessible(page, '待办 (大字版)');
    await tabTo(page, '[role="switch"]');
    await page.keyboard.press('Space');

    async function startByKeyboard(omitPremisesProof: boolean): Promise<string> {
      await activate(page, 'a', '一窗受理');
      await page.locator('button.catalogue-item').first().waitFor();
      await tabTo(page, 'input[aria-label="搜索事项或一件事"]');
      await page.keyboard.type('药品零售');
      await page.locator('button.catalogue-item', { hasText: entry.name }).waitFor();
      await activate(page, 'button.catalogue-item', entry.name);
      await page.locator('input[id$="-ApplicantNameField"]').waitFor();
      await expectAccessible(page, '一窗受理 (开始表单)');
      await typeInto(page, 'ApplicantNameField', '呼和浩特市青城大药房有限公司');
      await typeInto(page, 'ApplicantCreditCodeField', `${VALID_CREDIT_CODE.slice(0, 17)}${VALID_CREDIT_CODE.endsWith('C') ? 'D' : 'C'}`);
      // the check digit, as the clerk types: a wrong one is named at once, in Chinese
      await page.keyboard.press('Tab');
      await page.getByText('统一社会信用代码校验位不正确').first().waitFor();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(VALID_CREDIT_CODE.slice(-1));
      await page.waitForTimeout(400);
      await typeInto(page, 'LegalRepresentativeNameField', '张建国');
      await typeInto(page, 'LegalRepresentativeIdCardNumberField', VALID_ID_CARD);
      await typeInto(page, 'ApplicantPhoneField', '13904710000');
      for (const material of entry.materials.filter((m) => m.required && !(omitPremisesProof && m.code === 'premises-proof'))) await tickByKeyboard(page, material.name);
      await typeInto(page, 'DetailPremisesAddressField', '呼和浩特市新城区新华大街一号');
      await tickByKeyboard(page, '乙类非处方药');
      const scope = (entry.applicationFields as { properties: { businessScope: { items: { enum: string[] } } } }).properties.businessScope.items.enum[0]!;
      await tickByKeyboard(page, scope);
      await typeInto(page, 'DetailQualityManagerField', '李药师');
      expect(await page.locator('.fjs-form-field-error').allInnerTexts()).to.deep.equal([]);
      await activate(page, 'button', '受理');
      const receipt = page.locator('[data-test="receipt-number"]');
      await receipt.waitFor({ timeout: 30_000 });
      const number = await receipt.innerText();
      expect(number).to.match(/^SP\d{14}$/);
      return number;
    }

    async function workTaskByKeyboard(receipt: string, fill: () => Promise<void>, printed: string): Promise<void> {
      await activate(page, 'a', '办理受理 / 一次性告知');
      await page.locator('.el-table__row', { hasText: receipt }).waitFor({ timeout: 30_000 });
      await activate(page, 'a', receipt);
      await page.locator('.form-host .fjs-form').waitFor({ timeout: 30_000 });
      await page.locator('[data-test="opinions"]').waitFor();
      await expectAccessible(page, '任务');
      await fill();
      await activate(page, 'button[data-test="complete"]');
      const print = page.locator('[data-test="print-actions"] a', { hasText: `打印 ${printed}` });
      await print.waitFor({ timeout: 60_000 });
      const pdf = await page.request.get(new URL(await print.getAttribute('href') ?? '', web).toString());
      expect(pdf.status()).to.equal(200);
      expect(pdf.headers()['content-type']).to.contain('application/pdf');
      await expectAccessible(page, `打印 ${printed}`);
    }

    // a case with a material missing: the 一次性告知, printed for the applicant
    const deficient = await startByKeyboard(true);
    expect((await findCaseByReceipt(suite.system.db, deficient))?.businessKey, 'the 受理编号 is the business key').to.equal(deficient);
    await page.screenshot({ path: shot('desk-started') });
    await expectAccessible(page, '一窗受理 (受理编号)');
    await workTaskByKeyboard(deficient, async () => {
      await chooseByKeyboard(page, 'AcceptanceDecisionField', '出具一次性告知书');
      await chooseByKeyboard(page, 'NoticeChannelField', '当场告知');
      await page.screenshot({ path: shot('notify-deficiencies') });
    }, '一次性告知书');
    await page.screenshot({ path: shot('notice-printed') });

    // a complete case: 受理 and its 受理通知书
    await activate(page, 'a', '继续受理');
    const complete = await startByKeyboard(false);
    await workTaskByKeyboard(complete, async () => {
      await chooseByKeyboard(page, 'AcceptanceDecisionField', '受理');
    }, '受理通知书');
    await page.screenshot({ path: shot('acceptance-printed') });
    await waitFor('the case accepted', async () => ((await findCaseByReceipt(suite.system.db, complete))?.acceptedOn ? true : undefined));

    expect(consoleErrors).to.deep.equal([]);
    await context.close();
    for (const driver of waiting) await driver.cancel();
    for (const receipt of [deficient, complete]) {
      const record = await findCaseByReceipt(suite.system.db, receipt);
      await new CaseDriver(suite.system.admin, entry.key, record!.businessKey).cancel();
    }
  });

  it('should let a reviewer find the case by its 受理编号 and review it, keep the inspection with them, and a colleague decide with the earlier opinions', async () => {
    const entry = readEntry('bridge-pipeline-permit');
    const driver = await new CaseDriver(suite.system.admin, entry.key).start({ receivedOn: '2026-11-27', clockDate: '2026-11-27', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', 'window1', { acceptanceDecision: 'accept' });
    await driver.task('ReviewTask');
    const receipt = await driver.variable<string>('receiptNumber');
    const web = webBase(suite.system);

    // 审查 (municipal1): found by the 受理编号 among the section's tasks, claimed, reviewed
    const reviewer = await open();
    let page = reviewer.page;
    await logInByKeyboard(page, web, 'municipal1');
    await tabTo(page, 'input[aria-label="按受理编号、申请人或事项搜索"]');
    await page.keyboard.type(receipt);
    const row = page.locator('.el-table__row', { hasText: receipt });
    await row.waitFor();
    expect(await page.locator('.el-table__row').count()).to.equal(1);
    await activate(page, 'a', receipt);
    await activate(page, 'button[data-test="claim"]');
    await page.locator('button[data-test="complete"]').waitFor();
    await typeInto(page, 'ReviewOpinionField', '管线走向与桥梁结构安全评估一致, 建议准予');
    await chooseByKeyboard(page, 'ReviewActionField', '提交审查意见');
    await expectAccessible(page, '审查');
    await page.screenshot({ path: shot('review') });
    await activate(page, 'button[data-test="complete"]');
    await page.locator('.filter-button').first().waitFor();

    // the site inspection stays with the reviewer (我的待办), the case's 勘验 and 法制审核 follow
    const inspection = await driver.task('SiteInspectionTask');
    expect((await suite.system.admin.get<{ assignee: string }>(`/task/${inspection.id}`)).assignee).to.equal('municipal1');
    await page.reload();
    await page.locator('.el-table__row', { hasText: receipt }).waitFor();
    expect(await page.locator('.el-table__row', { hasText: receipt }).innerText()).to.contain('现场勘验');
    await page.screenshot({ path: shot('todo-sticky') });
    await reviewer.context.close();
    await driver.complete('SiteInspectionTask', 'municipal1', { siteInspectionResult: '合格', siteInspectionOpinion: '管线架设位置与图纸一致, 桥梁荷载满足要求' });
    await driver.complete('LegalReviewTask', 'legal1', { legalReviewOpinion: '同意', legalReviewComment: '程序合法, 依据充分' });
    await driver.task('DecisionTask');

    // 决定 (municipal2): the earlier opinions beside the form and in it; the drop-down opens in view
    const decider = await open();
    page = decider.page;
    await logInByKeyboard(page, web, 'municipal2');
    await activate(page, 'button.filter-button', '本科室待办');
    await page.locator('.el-table__row', { hasText: receipt }).waitFor();
    await activate(page, 'a', receipt);
    const opinions = page.locator('[data-test="opinions"]');
    await opinions.getByText('法制审核').waitFor({ timeout: 30_000 });
    const panel = await opinions.innerText();
    for (const text of ['审查', '赵静', '管线走向与桥梁结构安全评估一致', '勘验', '桥梁荷载满足要求', '法制审核', '程序合法, 依据充分']) expect(panel).to.contain(text);
    const form = page.locator('.form-host');
    for (const id of ['SiteInspectionOpinionField', 'LegalReviewOpinionField']) expect(await form.locator(`[id$="-${id}"]`).count(), id).to.equal(1);
    await activate(page, 'button[data-test="claim"]');
    await page.locator('button[data-test="complete"]').waitFor();
    await tabTo(page, 'input[id$="-DecisionField"]');
    const list = page.locator('.fjs-dropdownlist');
    await list.waitFor();
    const box = (await list.boundingBox())!;
    expect(box.y + box.height, 'the 决定 drop-down opens inside the window').to.be.at.most(VIEWPORT.height + 1);
    await page.screenshot({ path: shot('decision-dropdown') });
    const covering = await page.evaluate(([x, y]) => {
      const top = document.elementFromPoint(x!, y!);
      return top?.closest('.fjs-dropdownlist') ? null : top?.outerHTML?.slice(0, 200) ?? '(nothing)';
    }, [box.x + box.width / 2, box.y + box.height - 4]);
    expect(covering, 'nothing covers the drop-down').to.equal(null);
    await page.keyboard.press('Escape');
    await chooseByKeyboard(page, 'DecisionField', '准予');
    await typeInto(page, 'DecisionContentField', '准予在桥梁上架设通信管线');
    await expectAccessible(page, '决定');
    await page.screenshot({ path: shot('decision') });
    await activate(page, 'button[data-test="complete"]');
    await page.locator('.filter-button').first().waitFor();
    await waitFor('the decision on the case', async () => ((await findCaseByBusinessKey(suite.system.db, driver.businessKey))?.outcome ? true : undefined), 60_000);

    expect(consoleErrors).to.deep.equal([]);
    await decider.context.close();
    await driver.cancel();
  });
});
