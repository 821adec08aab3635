// Camunda's Tasklist, Cockpit and Admin speak Chinese to a browser set to English (en-US): the
// zh.json and config.js the engine jar puts ahead of Camunda's webjar (see engine/pom.xml).
// Besides the strings each screen must show, every screen is swept for the English labels of
// Camunda 7.24's en.json (read from the built jar), so an untranslated string cannot hide.
import { expect } from 'chai';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { System } from '../../bin/system.js';
import { readEntry } from '../processes/items/scenarios.js';
import { sampleApplication } from '../support/applications.js';
import { artifact, launchBrowser, skipWithoutChromium, waitForApp } from '../support/browser.js';
import { CaseDriver } from '../support/cases.js';
import { useSystem } from '../support/system.js';
import { camundaAppFile, camundaWebjar, type LocaleFile } from './camunda-webjar.js';

type App = 'tasklist' | 'cockpit' | 'admin';

describe('Camunda web apps in Chinese for an en-US browser (Chromium)', function () {
  this.timeout(300_000);
  let system: System;
  let browser: Browser;
  let context: BrowserContext;
  const englishLabels = new Map<App, string[]>();

  before(async function () {
    skipWithoutChromium(this);
    system = await useSystem();
    browser = await launchBrowser();
    const webjar = camundaWebjar();
    if (!webjar) throw new Error('引擎 jar 应已由 useSystem() 构建');
    for (const app of ['tasklist', 'cockpit', 'admin'] as const) {
      const { labels } = JSON.parse(camundaAppFile(webjar.content, app, 'locales/en.json')) as LocaleFile;
      // phrases of two words or more: a person's data (ids, names in Chinese) never reads like these
      englishLabels.set(app, [...new Set(Object.values(labels))].filter((text) => /^[A-Z][A-Za-z]+(?: [A-Za-z]+)+[.!?]?$/.test(text)));
    }
  });

  beforeEach(async () => {
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
  });

  afterEach(async () => {
    await context?.close();
  });

  after(async () => {
    await browser?.close();
  });

  const url = (app: App, query = '', hash = '') => `${system.config.engine.webappUrl}/app/${app}/default/${query}${hash ? `#${hash}` : ''}`;

  async function logIn(app: App, query = ''): Promise<Page> {
    const page = await context.newPage();
    await page.goto(url(app, query));
    await page.getByPlaceholder(query === '?lang=en' ? 'Username' : '用户名').fill(system.config.admin.username);
    await page.locator('input[type="password"]').fill(system.config.admin.password);
    await page.locator('button[type="submit"]').click();
    return page;
  }

  async function englishLeft(page: Page, app: App): Promise<string[]> {
    const text = await page.locator('body').innerText();
    return englishLabels.get(app)!.filter((label) => new RegExp(`(^|[^A-Za-z])${label.replace(/[.!?]/g, '\\$&')}($|[^A-Za-z])`).test(text));
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: artifact(`${name}.png`) });
  }

  it('should show the Tasklist login page in Chinese', async () => {
    const page = await context.newPage();
    await page.goto(url('tasklist'));
    await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 30_000 });
    expect(await page.title()).to.equal('审批系统 任务列表');
    expect(await page.getByPlaceholder('用户名').count()).to.equal(1);
    expect(await page.getByPlaceholder('密码').count()).to.equal(1);
    expect(await page.getByText('日期和时间按本地时区显示').count()).to.equal(1);
    expect(await page.getByRole('button', { name: 'Log in' }).count()).to.equal(0);
    expect(await page.getByPlaceholder('Username').count()).to.equal(0);
    expect(await englishLeft(page, 'tasklist')).to.deep.equal([]);
  });

  it('should show the Tasklist in Chinese: filters, task, 认领', async () => {
    const entry = readEntry('pharmacy-retail-licence');
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry, { omitMaterials: ['premises-proof'] }) });
    try {
      const task = await driver.task('NotifyDeficienciesTask');
      const page = await logIn('tasklist');
      await page.getByText('本科室待办').first().waitFor({ timeout: 30_000 });
      await page.goto(url('tasklist', '', `/?task=${task.id}`));
      await page.getByText('认领', { exact: true }).waitFor({ timeout: 30_000 });
      await page.getByText('需要补正的内容').waitFor();
      await screenshot(page, 'tasklist-zh');
      expect(await page.getByText('审批系统 任务列表').count(), 'header').to.be.greaterThan(0);
      for (const text of ['新建筛选器', '排序方式', '发起流程', '添加备注', '表单', '历史', '流程图', '保存', '完成']) {
        expect(await page.getByText(text, { exact: true }).count(), text).to.be.greaterThan(0);
      }
      for (const text of ['Claim', 'Create a filter', 'Start process', 'Sort by', 'Complete', 'Diagram']) {
        expect(await page.getByText(text, { exact: true }).count(), text).to.equal(0);
      }
      expect(await englishLeft(page, 'tasklist')).to.deep.equal([]);
    } finally {
      await driver.cancel();
    }
  });

  it('should show the Cockpit dashboard in Chinese', async () => {
    const page = await logIn('cockpit');
    await page.getByText('运行中的流程实例').waitFor({ timeout: 30_000 });
    await page.getByText('流程定义', { exact: true }).first().waitFor();
    await screenshot(page, 'cockpit-zh');
    expect(await page.title()).to.equal('审批系统 流程监控 | 仪表盘');
    for (const text of ['未处理的故障', '未完成的人工任务', '已部署', '决策定义', '人工任务']) {
      expect(await page.getByText(text, { exact: true }).count(), text).to.be.greaterThan(0);
    }
    for (const text of ['Dashboard', 'Processes', 'Running Process Instances', 'Open Incidents', 'Process Definitions']) {
      expect(await page.getByText(text, { exact: true }).count(), text).to.equal(0);
    }
    expect(await englishLeft(page, 'cockpit')).to.deep.equal([]);
  });

  it('should show the Admin users in Chinese, and the user menu', async () => {
    const page = await logIn('admin');
    await page.getByText('执行指标').waitFor({ timeout: 30_000 });
    await page.goto(url('admin', '', '/users'));
    await page.getByText('用户列表').waitFor({ timeout: 30_000 });
    await page.getByText('window1', { exact: true }).waitFor();
    await screenshot(page, 'admin-users-zh');
    expect(await page.title()).to.equal('审批系统 系统管理 | 用户');
    for (const text of ['添加用户', '电子邮箱', '编辑', '组', '授权', '租户']) {
      expect(await page.getByText(text, { exact: true }).count(), text).to.be.greaterThan(0);
    }
    for (const text of ['Users', 'Groups', 'Authorizations', 'List of Users', 'Edit']) {
      expect(await page.getByText(text, { exact: true }).count(), text).to.equal(0);
    }
    await page.getByText('系统管理员').first().click();
    await page.getByText('退出登录').waitFor();
    expect(await page.getByText('个人资料').count()).to.be.greaterThan(0);
    expect(await englishLeft(page, 'admin')).to.deep.equal([]);
  });

  it('should speak English to a person who asks for it with ?lang=en, until ?lang=zh', async () => {
    const page = await logIn('cockpit', '?lang=en');
    await page.getByText('Running Process Instances').waitFor({ timeout: 30_000 });
    expect(await page.getByText('运行中的流程实例').count()).to.equal(0);
    // remembered in this browser: the next visit without ?lang is English too
    await page.goto(url('tasklist'));
    await waitForApp(page, 'Start process');
    // the sweep the Chinese screens pass finds English when there is some
    expect(await englishLeft(page, 'tasklist')).to.include.members(['Start process', 'Create a filter']);
    await page.goto(url('tasklist', '?lang=zh'));
    await waitForApp(page, '发起流程');
    expect(await page.getByText('Start process').count()).to.equal(0);
  });
});
