// 电子监察 and 办件轨迹 in real Chromium at 1440×900 in a browser set to Berlin time: the leader
// and the 督查室 open 电子监察 (figures, three charts, the overdue list and the cards) and drill
// down to a case; a clerk finds a case by 受理编号 and reads its 轨迹 (names as 张敏, Beijing
// time, opinions, no technical steps). Each page passes axe-core (no serious or critical
// violation) and logs no console error. Screenshots go where the other browser specs put
// theirs (test-artifacts/screenshots); SHENPI_DOCS_SCREENSHOTS=1 also writes docs/supervision.png.
import { expect } from 'chai';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { raiseAlert } from '../../lib/repositories/supervision.js';
import { sampleApplication } from '../support/applications.js';
import { seriousViolations } from '../support/axe.js';
import { artifact, useBrowser } from '../support/browser.js';
import { CaseDriver, DEMO_PASSWORD, MEMBER } from '../support/cases.js';
import { basic, webBase } from '../support/web.js';
import { readEntry } from '../processes/items/scenarios.js';
import { givenMonitoredCases } from '../lib/monitoring/fixtures.js';

const DOCS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs');

describe('电子监察 and 办件轨迹 in the 工作台 (Chromium)', function () {
  this.timeout(300_000);
  const suite = useBrowser();
  const shot = (name: string) => artifact(`workbench-${name}.png`);
  let driver: CaseDriver;
  let receipt: string;
  const contexts: BrowserContext[] = [];
  let consoleErrors: string[] = [];

  before(async () => {
    await givenMonitoredCases(suite.system.db, '2026');
    const entry = readEntry('enterprise-establishment-registration');
    driver = await new CaseDriver(suite.system.admin, entry.key).start({ receivedOn: '2026-10-12', clockDate: '2026-10-12', deskClerk: 'window1', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.complete('ReviewTask', 'market1', { reviewOpinion: '材料齐全, 建议准予', reviewAction: 'submit' });
    await driver.task('DecisionTask');
    receipt = await driver.variable<string>('receiptNumber');
    await raiseAlert(suite.system.db, {
      businessKey: driver.businessKey, receiptNumber: receipt, level: 'red', activityId: 'DecisionTask', activityName: '决定', responsibleGroup: 'marketReview',
      deadline: '2026-10-13', message: `红牌警告: 办件 ${receipt} 的「决定」环节已超过办结期限 2026-10-13`, timerActivityInstanceId: `e2e-red-${receipt}`,
    });
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await driver?.cancel();
  });

  async function logIn(user: string): Promise<Page> {
    const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Berlin', acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    consoleErrors = [];
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(`${message.text()} ${message.location().url}`); });
    await page.goto(`${webBase(suite.system)}/`);
    await page.locator('input[name="username"]').fill(user);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-test="user-name"]').waitFor();
    return page;
  }

  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousViolations(page)).to.deep.equal([]);
  }

  /** 电子监察 with its figures and charts drawn */
  async function openSupervision(page: Page): Promise<void> {
    await page.getByRole('link', { name: '电子监察' }).click();
    await page.locator('[data-test="kpis"]').waitFor({ timeout: 30_000 });
    await page.locator('.echart canvas').nth(2).waitFor();
    expect(await page.locator('.echart canvas').count()).to.equal(3);
    const kpis = await page.locator('[data-test="kpis"]').innerText();
    for (const words of ['按期率', '平均用时 / 90% 分位', '较法定时限压缩', '即办件占比', '一次办好率', '好差评满意率', '双公示当日公示率', '黄牌 / 红牌']) expect(kpis).to.contain(words);
    await page.locator('[data-test="watch"] .el-table__row', { hasText: receipt }).waitFor();
  }

  /** The 轨迹 the page shows, read as a person: names, Beijing time, opinions, no technical steps */
  async function expectCaseRecord(page: Page): Promise<void> {
    await page.locator('[data-test="case-receipt"]', { hasText: receipt }).waitFor({ timeout: 30_000 });
    const steps = await page.locator('[data-test="case-steps"]').innerText();
    expect(steps).to.contain('受理审核').and.contain('张敏').and.contain('审查').and.contain('李强').and.contain('材料齐全, 建议准予');
    expect(steps).not.to.contain('计算告知期限').and.not.to.contain('window1').and.not.to.contain('market1').and.not.to.contain('敏 张');
    const record = await (await fetch(`${webBase(suite.system)}/api/cases/${receipt}`, { headers: { authorization: basic('leader1') } })).json() as { steps: Array<{ name: string; endedAt: string | null }> };
    const reviewed = new Date(record.steps.find((step) => step.name === '审查')!.endedAt!);
    const beijing = new Date(reviewed.getTime() + 8 * 3_600_000).toISOString();
    expect(steps).to.contain(`${beijing.slice(0, 4)}/${beijing.slice(5, 7)}/${beijing.slice(8, 10)} ${beijing.slice(11, 16)}`);
    expect(await page.locator('[data-test="case-next"]').innerText()).to.contain('决定');
    expect(await page.locator('.case-side').innerText()).to.contain('红牌');
    expect(await page.getByRole('link', { name: '打印' }).count()).to.be.at.least(1);
  }

  it('should show the leader 电子监察 with its figures and charts, export it, and drill down to an overdue case', async () => {
    const page = await logIn('leader1');
    await openSupervision(page);
    expect(await page.locator('[data-test="watch"] .el-table__row', { hasText: receipt }).innerText()).to.contain('红牌 · 已超期');
    await expectAccessible(page);
    await page.screenshot({ path: shot('supervision'), fullPage: false });
    if (process.env.SHENPI_DOCS_SCREENSHOTS === '1') await page.screenshot({ path: path.join(DOCS, 'supervision.png') });
    await page.screenshot({ path: shot('supervision-full'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export"]').click()]);
    expect(download.suggestedFilename()).to.match(/^电子监察-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);

    await page.locator('[data-test="watch"]').getByRole('link', { name: receipt }).click();
    await expectCaseRecord(page);
    await expectAccessible(page);
    await page.screenshot({ path: shot('case-record-leader') });
    expect(consoleErrors).to.deep.equal([]);
  });

  it('should show the 督查室 电子监察 and open a red card\'s case', async () => {
    const page = await logIn('supervisor1');
    await openSupervision(page);
    const card = page.locator('[data-test="cards"] .el-table__row', { hasText: receipt });
    expect(await card.innerText()).to.contain('红牌').and.contain('市场准入审批科');
    await card.getByRole('link', { name: receipt }).click();
    await expectCaseRecord(page);
    await page.screenshot({ path: shot('case-record-supervisor') });
    expect(consoleErrors).to.deep.equal([]);
  });

  it('should show a 科长 the 电子监察 of their own section only', async () => {
    const page = await logIn('markethead1');
    await openSupervision(page);
    expect(await page.getByRole('combobox', { name: '科室' }).count()).to.equal(0);
    expect(await page.locator('.toolbar').innerText()).to.contain('市场准入审批科');
    const sections = await page.locator('[data-test="items"]').innerText();
    expect(sections).not.to.contain('建设工程审批科').and.not.to.contain('公安审批科');
    await expectAccessible(page);
    await page.screenshot({ path: shot('supervision-section-head') });
    expect(consoleErrors).to.deep.equal([]);
  });

  it('should let a clerk find a case by 受理编号 and read its 轨迹', async () => {
    const page = await logIn('market2');
    expect(await page.getByRole('link', { name: '电子监察' }).count()).to.equal(0);
    await page.getByRole('link', { name: '办件查询' }).click();
    await page.getByPlaceholder('输入受理编号、申请人或事项').fill(receipt);
    await expectAccessible(page);
    await page.getByRole('button', { name: '查询' }).click();
    await expectCaseRecord(page);
    await expectAccessible(page);
    await page.screenshot({ path: shot('case-record') });
    await page.screenshot({ path: shot('case-record-full'), fullPage: true });
    expect(consoleErrors).to.deep.equal([]);
  });

  it('should NOT show a clerk of another section the case', async () => {
    const page = await logIn('health1');
    await page.goto(`${webBase(suite.system)}/#/cases/${receipt}`);
    await page.locator('.el-alert').waitFor();
    expect(await page.locator('.el-alert').innerText()).to.contain(`无权查看办件 ${receipt}`);
    expect(await page.locator('body').innerText()).not.to.contain('材料齐全');
  });
});
