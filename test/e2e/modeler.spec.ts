// An analyst models in real Chromium: a new process from a seeded item's catalogue entry, a
// building block from a template, a lint error shown on the canvas and fixed in the properties
// panel, a deployment that the engine then has as a new version. A clerk cannot deploy.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { System } from '../../bin/system.js';
import { artifactDir, launchBrowser, skipWithoutChromium } from '../support/browser.js';
import { restoreItemProcess } from '../support/processes-restore.js';
import { useSystem } from '../support/system.js';
import { webBase } from '../support/web.js';

describe('web modeler (/modeler/) in Chromium', function () {
  this.timeout(180_000);
  let system: System;
  let browser: Browser;
  let screenshots: string;
  const contexts: BrowserContext[] = [];
  const pageErrors = new Map<Page, string[]>();

  before(async function () {
    skipWithoutChromium(this);
    system = await useSystem();
    browser = await launchBrowser();
    screenshots = artifactDir();
    fs.mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    if (system) await restoreItemProcess(system, 'food-business-licence');
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  async function openModeler(user: string): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({ httpCredentials: { username: user, password: system.config.demoPassword! }, viewport: { width: 1600, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    pageErrors.set(page, errors);
    await page.goto(`${webBase(system)}/modeler/`);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 }).catch((error: unknown) => {
      throw new Error(`modeler did not start: ${errors.join('; ') || String(error)}`);
    });
    return { page, context };
  }

  async function newProcessFor(page: Page, itemKey: string): Promise<void> {
    await page.locator('#item-select').selectOption(itemKey);
    await page.locator('#new-from-item').click();
    await page.locator(`body[data-diagram="processes/items/${itemKey}.bpmn"]`).waitFor();
    await page.locator('[data-element-id="AcceptanceCallActivity"]').first().waitFor();
  }

  it('should let an analyst create an item process, add a block, fix a lint error and deploy it', async () => {
    const key = 'food-business-licence';
    const [before] = await system.admin.get<Array<{ version: number }>>(`/process-definition?key=${key}&latestVersion=true`);
    const { page } = await openModeler('analyst1');
    await newProcessFor(page, key);
    await page.locator('body[data-lint-errors="0"]').waitFor();

    // a building block from a template: 双公示推送 inserted on the flow to 审管衔接
    await page.locator('[data-element-id="ToPushToSupervisionFlow"]').first().click({ force: true });
    await page.locator('.djs-element.selected[data-element-id="ToPushToSupervisionFlow"]').waitFor({ state: 'attached' });
    await page.locator('#template-search').fill('双公示');
    await page.locator('[data-template-id="shenpi.task.publication.licence"]').click();
    await page.locator('#status.ok', { hasText: '双公示推送' }).waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: path.join(screenshots, 'modeler-template-failed.png') });
      throw new Error(`template not applied; status: ${await page.locator('#status').textContent()}; page errors: ${pageErrors.get(page)?.join('; ')}; ${String(error)}`);
    });

    // the new task carries a generated id: the rule shows it on the canvas and in the list
    const problem = page.locator('#problems li', { hasText: '自动生成' });
    await problem.waitFor();
    const generatedId = await problem.getAttribute('data-element-id');
    expect(generatedId).to.match(/^Activity_/);
    await page.locator(`.djs-overlays[data-container-id="${generatedId}"] .bjsl-overlay`).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'modeler-lint-error.png') });

    // the deploy button refuses while the problem is there
    await page.locator('#deploy-button').click();
    await page.locator('#status.error', { hasText: '不能部署' }).waitFor();

    // fixed through the properties panel: a readable id
    await problem.click();
    const idField = page.locator('#bio-properties-panel-id');
    if (!(await idField.isVisible())) await page.locator('.bio-properties-panel-group-header', { hasText: '常规' }).click();
    await idField.fill('PublishDecisionAgainTask');
    await idField.press('Tab');
    await page.locator('body[data-lint-errors="0"]').waitFor();
    expect(await page.locator('#problems li').count()).to.equal(0);

    await page.locator('#deploy-button').click();
    await page.locator('#status.ok', { hasText: '已部署' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(screenshots, 'modeler-deployed.png') });

    const [after] = await system.admin.get<Array<{ id: string; version: number }>>(`/process-definition?key=${key}&latestVersion=true`);
    expect(after!.version).to.equal(before!.version + 1);
    const { bpmn20Xml } = await system.admin.get<{ bpmn20Xml: string }>(`/process-definition/${after!.id}/xml`);
    expect(bpmn20Xml).to.contain('id="PublishDecisionAgainTask"').and.to.contain('camunda:topic="publication.licence"');
    expect(bpmn20Xml).not.to.match(/id="Flow_[0-9a-z]{5,8}"/);
  });

  it('should open the forms of a process in the form-js editor with a preview, and compare with the deployed version', async () => {
    const key = 'pharmacy-retail-licence';
    const { page } = await openModeler('analyst1');
    await newProcessFor(page, key);
    // what changed against the engine's version: the generated process is the deployed one
    await page.locator('#diff-button').click();
    await page.locator('#diff').filter({ hasText: /无变化|没有变化|相同|第 \d+ 版/ }).waitFor({ timeout: 15_000 });
    await page.locator('[role="tab"][data-tab="forms"]').click();
    // the process's own forms come first (★): the front desk's start form among them
    await page.locator('#form-select').selectOption(`${key}-start`);
    await page.locator('#form-editor .fjs-editor-container, #form-editor .fjs-container').first().waitFor({ timeout: 15_000 });
    await page.locator('#form-preview').getByText(/一窗受理/).first().waitFor({ timeout: 15_000 });
    expect(await page.locator('#form-preview').innerText()).to.contain('统一社会信用代码');
    await page.screenshot({ path: path.join(screenshots, 'modeler-forms.png') });
    expect(pageErrors.get(page)).to.deep.equal([]);
  });

  it('should find an item and a file by searching, not by scrolling a list of a thousand', async () => {
    const { page } = await openModeler('analyst1');
    await page.locator('#item-search').fill('药品零售企业');
    expect(await page.locator('#item-select').inputValue()).to.equal('pharmacy-retail-licence');
    expect(await page.locator('#item-select option:not([hidden])').count()).to.be.below(await page.locator('#item-select option').count());
    await page.locator('#file-search').fill('processes/items/food-business');
    expect(await page.locator('#file-select').inputValue()).to.equal('processes/items/food-business-licence.bpmn');
    await page.locator('#file-search').fill('没有这样的流程');
    expect(await page.locator('#file-select').inputValue()).to.equal('');
    expect(pageErrors.get(page)).to.deep.equal([]);
  });

  it('should NOT let a clerk deploy: the page shows the refusal and the API answers 403', async () => {
    const { page, context } = await openModeler('window1');
    expect(await page.locator('#user').textContent()).to.contain('只读');
    await newProcessFor(page, 'pharmacy-retail-licence');
    await page.locator('body[data-lint-errors="0"]').waitFor();
    await page.locator('#deploy-button').click();
    await page.locator('#status.error', { hasText: '需要以下科室之一的权限' }).waitFor();
    const response = await context.request.post(`${webBase(system)}/api/modeler/deploy`, { data: { xml: '<x/>' } });
    expect(response.status()).to.equal(403);
  });
});
