// The forms of the building blocks in the Tasklist of Camunda 7.24, in real Chromium: a window
// clerk opens a case's 一次性告知, sees every missing material, and gives the notice.
import { expect } from 'chai';
import path from 'node:path';
import { findCaseByBusinessKey } from '../../lib/repositories/cases.js';
import { readEntry } from '../processes/items/scenarios.js';
import { sampleApplication } from '../support/applications.js';
import { artifact, chooseOption, openTaskInTasklist, useBrowser } from '../support/browser.js';
import { CaseDriver } from '../support/cases.js';
import { waitFor } from '../support/process.js';

describe('block forms in the Tasklist (Chromium)', function () {
  this.timeout(240_000);
  const suite = useBrowser();

  it('should show the 一次性告知 form in Chinese with every missing material, and complete it', async () => {
    const entry = readEntry('pharmacy-retail-licence');
    const driver = await new CaseDriver(suite.system.admin, entry.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry, { omitMaterials: ['premises-proof', 'equipment-list'] }) });
    const task = await driver.task('NotifyDeficienciesTask');
    const receipt = await driver.variable<string>('receiptNumber');

    const page = await suite.browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await openTaskInTasklist(page, suite.system, 'window1', task.id);
    await page.getByText('需要补正的内容').waitFor({ timeout: 30_000 });
    await waitFor('the receipt number in the form', async () => {
      const values = await page.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
      return values.includes(receipt) ? true : undefined;
    });
    const summary = await page.locator('textarea').first().inputValue();
    for (const code of ['premises-proof', 'equipment-list']) expect(summary).to.contain(entry.materials.find((m) => m.code === code)!.name);
    expect(await page.getByText('告知期限').count()).to.be.greaterThan(0);

    await page.getByText('认领', { exact: true }).click();
    // claiming re-renders the form: wait for it before choosing
    await page.getByText('认领', { exact: true }).waitFor({ state: 'hidden' });
    await page.getByText('需要补正的内容').waitFor();
    const choose = (index: number, option: string) => chooseOption(page, page.locator('.fjs-form-field-select').nth(index), option);
    await choose(0, '出具一次性告知书');
    await choose(1, '当场告知');
    await page.screenshot({ path: artifact('tasklist-notify-deficiencies.png') });
    await page.getByRole('button', { name: '完成' }).click();
    await waitFor('the notice to be recorded', async () => ((await findCaseByBusinessKey(suite.system.db, driver.businessKey))?.status === '已告知补正' ? true : undefined));
    await driver.awaitTimer('SupplementPeriodExpiredEvent');
    await driver.cancel();
  });
});
