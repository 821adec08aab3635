// A person logs in to Tasklist and Cockpit in a real browser with the documented users; no
// Community Edition migration banner, names family name first (张敏), and an operator finds a
// case in Cockpit by its business key (the 工作台's cases carry the 受理编号 as business key).
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { System } from '../../bin/system.js';
import { readEntry } from '../processes/items/scenarios.js';
import { sampleApplication } from '../support/applications.js';
import { artifactDir, findInCockpit, launchBrowser, skipWithoutChromium, waitForApp } from '../support/browser.js';
import { CaseDriver } from '../support/cases.js';
import { useSystem } from '../support/system.js';
import { probeUser } from '../support/web.js';

describe('Camunda web apps (Tasklist, Cockpit) in Chromium', function () {
  this.timeout(240_000);
  let system: System;
  let browser: Browser;
  let screenshots: string;

  before(async function () {
    skipWithoutChromium(this);
    system = await useSystem();
    browser = await launchBrowser();
    screenshots = artifactDir();
    fs.mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
  });

  async function logIn(app: 'tasklist' | 'cockpit', user: string, password: string): Promise<Page> {
    // an office in 呼和浩特: the apps show times in the browser's zone, Beijing time
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Shanghai' });
    await page.goto(`${system.config.engine.webappUrl}/app/${app}/default/`);
    await page.locator('input[type="text"]').first().fill(user);
    await page.locator('input[type="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
    return page;
  }

  it('should log a clerk in to the Tasklist and show the department filters', async () => {
    const page = await logIn('tasklist', 'window1', system.config.demoPassword!);
    await waitForApp(page, '本科室待办');
    await page.screenshot({ path: path.join(screenshots, 'tasklist-window1.png') });
    expect(await page.getByText('我的待办').count()).to.be.greaterThan(0);
  });

  it('should log an operator in to Cockpit', async () => {
    const page = await logIn('cockpit', 'operator1', system.config.demoPassword!);
    await page.getByText('流程定义', { exact: true }).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(screenshots, 'cockpit-operator1.png') });
  });

  it('should NOT let a wrong password in', async () => {
    const page = await logIn('tasklist', await probeUser(system, ['constructionReview']), 'wrong-password');
    await page.getByText('用户名或密码错误、用户已被锁定或无权访问本应用').waitFor({ timeout: 30_000 });
    expect(await page.getByText('本科室待办').count()).to.equal(0);
  });

  async function expectNoBanner(page: Page): Promise<void> {
    expect(await page.locator('.ce-eol-banner').count(), 'the banner element is there, hidden').to.be.greaterThan(0);
    expect(await page.locator('.ce-eol-banner').isVisible()).to.equal(false);
    expect(await page.locator('body').innerText()).not.to.contain('迁移到 Camunda 8');
  }

  it('should show the Tasklist without the migration banner, and the clerk as 张敏 (not 敏 张)', async () => {
    const page = await logIn('tasklist', 'window1', system.config.demoPassword!);
    await waitForApp(page, '本科室待办');
    await page.getByText('张敏').first().waitFor({ timeout: 30_000 });
    await expectNoBanner(page);
    expect(await page.locator('body').innerText()).not.to.contain('敏 张');
    await page.screenshot({ path: path.join(screenshots, 'tasklist-no-banner.png') });
  });

  it('should let an operator find a case by its business key in Cockpit, without the migration banner', async () => {
    const entry = readEntry('pharmacy-retail-licence');
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry, { omitMaterials: ['premises-proof'] }) });
    try {
      await driver.task('NotifyDeficienciesTask');
      const [instance] = await system.admin.get<Array<{ id: string; definitionId: string }>>(`/process-instance?businessKey=${encodeURIComponent(driver.businessKey)}`);
      const page = await logIn('cockpit', 'operator1', system.config.demoPassword!);
      await page.getByText('流程定义', { exact: true }).first().waitFor({ timeout: 60_000 });
      await page.getByText('孙伟').first().waitFor();
      await expectNoBanner(page);
      // the instance list of the item's process, searched by 业务键 = the case's business key
      const row = await findInCockpit(page, system, instance!.definitionId, driver.businessKey);
      expect(await row.count()).to.equal(1);
      expect(await row.first().innerText()).to.contain(instance!.id.slice(0, 8));
      await page.screenshot({ path: path.join(screenshots, 'cockpit-business-key.png') });
    } finally {
      await driver.cancel();
    }
  });
});
