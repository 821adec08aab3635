// The 差评 rectification form in the Tasklist, in real Chromium: the handling section sees the
// rating and the verification, chooses 整改, is asked for the measures, and completes.
import { expect } from 'chai';
import path from 'node:path';
import { submitRating } from '../../lib/ratings/index.js';
import { findRatingByReceipt } from '../../lib/repositories/ratings.js';
import { endedCase } from '../processes/services/support.js';
import { artifact, chooseOption, openTaskInTasklist, useBrowser } from '../support/browser.js';
import { CaseDriver, MEMBER } from '../support/cases.js';
import { waitFor } from '../support/process.js';

describe('service forms in the Tasklist (Chromium)', function () {
  this.timeout(240_000);
  const suite = useBrowser();

  it('should show the 整改或说明 form in Chinese, ask for the measures of a 整改, and complete it', async () => {
    const { receiptNumber } = await endedCase(suite.system.db);
    const rated = await submitRating({ db: suite.system.db, engine: suite.system.admin, config: suite.system.config }, { receiptNumber, level: 2, named: false, channel: '窗口评价器', comment: '材料被退回三次', ratedOn: '2026-10-09' });
    const driver = new CaseDriver(suite.system.admin, 'service-rating', rated.badRatingCase!.businessKey);
    await driver.complete('VerifyRatingTask', MEMBER.marketReview!, { verificationFinding: '一次性告知不完整, 属实', verificationResult: 'confirmed' });
    const task = await driver.task('RectifyTask');

    const page = await suite.browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await openTaskInTasklist(page, suite.system, 'market1', task.id);
    await page.getByText('整改或说明').first().waitFor({ timeout: 30_000 });
    await waitFor('the receipt number in the form', async () => {
      const values = await page.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
      return values.includes(receiptNumber) ? true : undefined;
    });
    expect(await page.getByText('2026-10-15').count()).to.be.greaterThan(0);
    expect(await page.getByLabel('整改措施').count()).to.equal(0);

    // the case stays with its clerk: market1 verified the bad rating, so its 整改 is theirs already (no 认领)
    expect((await suite.system.admin.get<{ assignee: string | null }>(`/task/${task.id}`)).assignee).to.equal(MEMBER.marketReview);
    await page.getByText('处理方式').waitFor();
    await chooseOption(page, page.locator('.fjs-form-field-select').first(), '整改');
    await page.getByLabel('整改措施').fill('修订一次性告知书模板, 列明全部材料');
    await page.screenshot({ path: artifact('tasklist-rating-rectify.png') });
    await page.getByRole('button', { name: '完成' }).click();
    await waitFor('the rectification to be recorded', async () => ((await findRatingByReceipt(suite.system.db, receiptNumber))?.status === '已整改' ? true : undefined));
    expect((await findRatingByReceipt(suite.system.db, receiptNumber))!.rectification).to.equal('修订一次性告知书模板, 列明全部材料');
  });
});
