// 催办 on the task itself, in real Chromium: a leader urges a case; the reviewer who opens the
// task in the 工作台 sees each urge (who, when in Beijing time, what) above the form.
import { expect } from 'chai';
import path from 'node:path';
import { todayIn } from '../../lib/calendar/deadlines.js';
import { findCaseByBusinessKey } from '../../lib/repositories/cases.js';
import { readEntry } from '../processes/items/scenarios.js';
import { sampleApplication, uniqueCreditCode } from '../support/applications.js';
import { artifact, logInToWorkbench, useBrowser } from '../support/browser.js';
import { staffPost } from '../support/calendar.js';
import { CaseDriver, MEMBER } from '../support/cases.js';
import { webBase } from '../support/web.js';

describe('催办 on the task in the 工作台 (Chromium)', function () {
  this.timeout(240_000);
  const suite = useBrowser();

  it('should show the reviewer each urge of the task above its form', async () => {
    const { system, browser } = suite;
    const entry = readEntry('food-business-licence');
    const driver = await new CaseDriver(system.admin, entry.key).start({ application: sampleApplication(entry, { creditCode: uniqueCreditCode() }), receivedOn: todayIn(system.config.deadlines.utcOffset) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    const review = await driver.task('ReviewTask');
    const { receiptNumber } = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    expect((await staffPost(system, 'leader1', `/api/cases/${receiptNumber}/urges`, { message: '申请人反映进度慢, 请于本周内办结' })).status).to.equal(201);

    const web = webBase(system);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    await logInToWorkbench(page, web, MEMBER[entry.reviewGroup]!);
    await page.goto(`${web}/#/tasks/${review.id}`);
    const urge = page.locator('.el-alert', { hasText: '催办' });
    await urge.waitFor({ timeout: 30_000 });
    expect(await urge.innerText()).to.contain('本周内办结').and.not.contain('leader1'); // the leader's name, not the login
    // shown once: above the form; the case panel only counts the case's urges
    await page.locator('[data-test="urge-count"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-test="urge-count"]').innerText()).to.contain('1 次');
    expect(await page.getByText('本周内办结').count(), 'the urge appears once on the page').to.equal(1);
    await page.screenshot({ path: artifact('workbench-task-urged.png') });
    await context.close();
    await driver.cancel();
  });
});
