// One login: an operator logged in to the 工作台 opens Cockpit ↗ in a new tab, logged in there
// as themselves without Camunda's login form (the engine's single sign-on filter), and finds a case
// started at the window (一窗受理) by its 受理编号, the case's business key.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { readEntry } from '../processes/items/scenarios.js';
import { deskStartValues } from '../support/applications.js';
import { artifactDir, findInCockpit, logInToWorkbench, useBrowser, waitForApp } from '../support/browser.js';
import { CaseDriver } from '../support/cases.js';
import { webBase, webSession } from '../support/web.js';

describe('the 工作台\'s links into Camunda\'s apps (one login) in Chromium', function () {
  this.timeout(240_000);
  const suite = useBrowser();

  it('should open Cockpit from the 工作台 logged in as the operator, and find a case there by its 受理编号', async () => {
    const { system, browser } = suite;
    const web = webBase(system);
    const screenshots = artifactDir();
    fs.mkdirSync(screenshots, { recursive: true });
    const entry = readEntry('pharmacy-retail-licence');
    const window1 = await webSession(system, 'window1');
    const started = await fetch(`${web}/api/workbench/start/${entry.key}`, { ...window1, method: 'POST', body: JSON.stringify({ values: deskStartValues(entry) }) });
    const { businessKey, receiptNumber } = (await started.json()) as { businessKey: string; receiptNumber: string };
    const driver = new CaseDriver(system.admin, entry.key, businessKey);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Shanghai' });
    try {
      expect(businessKey).to.equal(receiptNumber);
      const [instance] = await system.admin.get<Array<{ id: string; definitionId: string }>>(`/process-instance?businessKey=${encodeURIComponent(receiptNumber)}`);
      const page = await context.newPage();
      await logInToWorkbench(page, web, 'operator1');
      expect(await page.getByRole('link', { name: 'Tasklist ↗' }).getAttribute('target')).to.equal('_blank');
      await page.screenshot({ path: path.join(screenshots, 'sso-workbench-links.png') });

      const [cockpit] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Cockpit ↗' }).click()]);
      await waitForApp(cockpit, '流程定义');
      await cockpit.getByText('孙伟').first().waitFor();
      expect(await cockpit.locator('input[type="password"]').count(), 'no login form').to.equal(0);
      expect(cockpit.url(), 'the token is gone from the address').not.to.contain('shenpi-sso');
      await cockpit.screenshot({ path: path.join(screenshots, 'sso-cockpit-operator1.png') });

      // 流程 → the item's process → 流程实例, searched by 业务键 = the 受理编号 (docs/analysts.md)
      const row = await findInCockpit(cockpit, system, instance!.definitionId, receiptNumber);
      expect(await row.count()).to.equal(1);
      expect(await row.first().innerText()).to.contain(instance!.id.slice(0, 8));
      await cockpit.screenshot({ path: path.join(screenshots, 'sso-cockpit-receipt-number.png') });
    } finally {
      await context.close();
      await driver.cancel();
    }
  });
});
