// 打印 in real Chromium: the window clerk opens the 出件 task (in the 工作台 and in the Tasklist),
// clicks its 打印 link to the case record's 文书 and gets the 准予行政许可决定书 as a PDF.
import path from 'node:path';
import { expect } from 'chai';
import type { BrowserContext, Page } from 'playwright-core';
import { readEntry } from '../processes/items/scenarios.js';
import { sampleApplication } from '../support/applications.js';
import { artifact, logInToWorkbench, openTaskInTasklist, useBrowser } from '../support/browser.js';
import { CaseDriver, DECIDER, DEMO_PASSWORD, MEMBER } from '../support/cases.js';
import { webBase } from '../support/web.js';

describe('文书 printed from a task form (Chromium)', function () {
  this.timeout(240_000);
  const suite = useBrowser();

  /** A granted case waiting at 出件 (HandOverTask), claimed by window1 (the form is theirs to use). */
  async function grantedCase(): Promise<{ driver: CaseDriver; taskId: string; receipt: string }> {
    const food = readEntry('food-business-licence');
    const driver = await new CaseDriver(suite.system.admin, food.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(food) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewOpinion: '符合条件', reviewAction: 'submit' });
    await driver.complete('SiteInspectionTask', MEMBER.marketReview!, { siteInspectionResult: '合格', siteInspectionOpinion: '一致' });
    await driver.complete('DecisionTask', DECIDER.marketReview!, { decision: 'grant', decisionContent: '热食类食品制售' });
    const task = await driver.task('HandOverTask');
    await suite.system.admin.as({ username: 'window1', password: DEMO_PASSWORD }).post(`/task/${task.id}/claim`, { userId: 'window1' });
    return { driver, taskId: task.id, receipt: await driver.variable<string>('receiptNumber') };
  }

  /** Clicks the form's 打印 (a new tab or the same one), then 打印 beside the decision: its PDF. */
  async function printDecision(context: BrowserContext, page: Page): Promise<void> {
    const print = page.getByRole('link', { name: /^打印/ });
    await print.waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
      const shot = artifact(`documents-print-${Date.now()}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      throw new Error(`${(error as Error).message} (screenshot ${shot})`);
    });
    expect(await print.getAttribute('href')).to.match(/\/cases\/SP\d+#documents$/);
    const opened = context.waitForEvent('page', { timeout: 10_000 }).catch(() => page);
    await print.click();
    const record = await opened;
    await record.waitForURL(/\/cases\/SP\d+#documents$/);
    const decision = record.locator('tr', { hasText: '准予行政许可决定书' }).getByRole('link', { name: '打印' });
    await decision.waitFor();
    const [response] = await Promise.all([
      context.waitForEvent('response', (answer) => /\/documents\/\d+$/.test(answer.url())),
      decision.click(),
    ]);
    expect(response.status()).to.equal(200);
    expect(response.headers()['content-type']).to.equal('application/pdf');
    expect(response.headers()['x-document-sha256']).to.match(/^[0-9a-f]{64}$/);
    // Chromium shows the PDF in its viewer (the page's body is the viewer): the bytes, with the same login
    const bytes = await (await context.request.get(response.url())).body();
    expect(bytes.subarray(0, 5).toString()).to.equal('%PDF-');
  }

  it('should lead from the 出件 form in the 工作台 to the case\'s documents and open the decision as a PDF', async () => {
    const { driver, receipt } = await grantedCase();
    const context = await suite.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await logInToWorkbench(page, webBase(suite.system), 'window1');
    await page.getByPlaceholder('按受理编号、申请人或事项搜索').fill(receipt);
    await page.locator('.el-table__row', { hasText: receipt }).getByText('办理').click();
    await printDecision(context, page);
    await context.close();
    await driver.cancel();
  });

  it('should lead from the 出件 form in the Tasklist to the case\'s documents and open the decision as a PDF', async () => {
    const { driver, taskId } = await grantedCase();
    // the shenpi web server asks for the staff login (HTTP Basic), the Tasklist for its own
    const context = await suite.browser.newContext({ viewport: { width: 1400, height: 1100 }, httpCredentials: { username: 'window1', password: DEMO_PASSWORD } });
    const page = await context.newPage();
    await openTaskInTasklist(page, suite.system, 'window1', taskId);
    await printDecision(context, page);
    await context.close();
    await driver.cancel();
  });
});
