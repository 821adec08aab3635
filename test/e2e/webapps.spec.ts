// A person logs in to Tasklist and Cockpit in a real browser with the documented users.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { System } from '../../bin/system.js';
import { launchBrowser, skipWithoutChromium, waitForApp } from '../support/browser.js';
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
    screenshots = path.join(system.config.dataDir, 'screenshots');
    fs.mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
  });

  async function logIn(app: 'tasklist' | 'cockpit', user: string, password: string): Promise<Page> {
    const page = await browser.newPage();
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
});
