// 打印 in real Chromium: the window clerk opens the 出件 task in the Tasklist, follows its 打印
// link to the case record's 文书 and gets the 准予行政许可决定书 as a PDF.
import { expect } from 'chai';
import { readEntry } from '../processes/items/scenarios.js';
import { sampleApplication } from '../support/applications.js';
import { openTaskInTasklist, useBrowser } from '../support/browser.js';
import { CaseDriver, DECIDER, DEMO_PASSWORD, MEMBER } from '../support/cases.js';

describe('文书 printed from a task form (Chromium)', function () {
  this.timeout(240_000);
  const suite = useBrowser();

  it('should lead from the 出件 form to the case\'s documents and open the decision as a PDF', async () => {
    const food = readEntry('food-business-licence');
    const driver = await new CaseDriver(suite.system.admin, food.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(food) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewOpinion: '符合条件', reviewAction: 'submit' });
    await driver.complete('SiteInspectionTask', MEMBER.marketReview!, { siteInspectionResult: '合格', siteInspectionOpinion: '一致' });
    await driver.complete('DecisionTask', DECIDER.marketReview!, { decision: 'grant', decisionContent: '热食类食品制售' });
    const task = await driver.task('HandOverTask');

    // the shenpi web server asks for the staff login (HTTP Basic), the Tasklist for its own
    const context = await suite.browser.newContext({ viewport: { width: 1400, height: 1100 }, httpCredentials: { username: 'window1', password: DEMO_PASSWORD } });
    const page = await context.newPage();
    await openTaskInTasklist(page, suite.system, 'window1', task.id);
    const print = page.getByRole('link', { name: /打印/ });
    await print.waitFor({ timeout: 30_000 });
    const href = (await print.getAttribute('href'))!;
    expect(href).to.match(/\/cases\/SP\d+#documents$/);

    await page.goto(href);
    const decision = page.locator('tr', { hasText: '准予行政许可决定书' }).getByRole('link', { name: '打印' });
    await decision.waitFor();
    const [response] = await Promise.all([
      context.waitForEvent('response', (answer) => /\/documents\/\d+$/.test(answer.url())),
      decision.click(),
    ]);
    expect(response.status()).to.equal(200);
    expect(response.headers()['content-type']).to.equal('application/pdf');
    expect(response.headers()['x-document-sha256']).to.match(/^[0-9a-f]{64}$/);
    await context.close();
    await driver.cancel();
  });
});
