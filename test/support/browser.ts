// Debian's Chromium driven by playwright-core (no browser download). Specs skip, loudly, on a
// machine without it.
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/config.js';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { System } from '../../bin/system.js';
import { DEMO_PASSWORD } from './cases.js';
import { useSystem } from './system.js';

export const CHROMIUM = process.env.SHENPI_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

let skipped = 0;

/** How many browser tests were skipped for want of Chromium (the run's end says it loudly). */
export const skippedBrowserTests = (): number => skipped;

/** Skips the suite without Chromium; with SHENPI_REQUIRE_CHROMIUM=1 (CI) that is a failure instead. */
export function skipWithoutChromium(context: Mocha.Context): void {
  if (!CHROMIUM) {
    const hint = '请安装 Debian 的 chromium (apt-get install chromium fonts-noto-cjk) 或设置 SHENPI_CHROMIUM';
    if (process.env.SHENPI_REQUIRE_CHROMIUM === '1') throw new Error(`未找到 Chromium, 浏览器测试不能运行: ${hint}`);
    skipped += context.test?.parent?.total() ?? 1;
    console.warn(`      ⚠ 未找到 Chromium, 跳过浏览器测试: ${hint}`);
    context.skip();
  }
}

/**
 * Waits for a text of a loaded Camunda web app. No reload: a page stuck on its spinner was a real
 * fault (a revalidated page with a stale CSP nonce, see WebappPageNoCacheConfiguration) and must
 * fail the test.
 */
export async function waitForApp(page: Page, text: string, timeoutMs = 60_000): Promise<void> {
  try {
    await page.getByText(text).first().waitFor({ timeout: timeoutMs });
  } catch (error) {
    // what the page showed instead, for the report: its address, its visible text and a screenshot
    const name = `wait-for-app-${Date.now()}.png`;
    const shown = await page.evaluate('document.body ? document.body.innerText.slice(0, 300) : "(no body)"').catch(() => '(page closed)');
    await page.screenshot({ path: artifact(name) }).catch(() => undefined);
    throw new Error(`${(error as Error).message.split('\n')[0]}; 页面 ${page.url()} 显示: ${JSON.stringify(shown)}; 截图 ${artifact(name)}`);
  }
}

/**
 * The running system and one Chromium for a suite's tests (the suite skips without Chromium);
 * read them inside the tests: they are set in the suite's `before`.
 */
export function useBrowser(): { system: System; browser: Browser } {
  const state = {} as { system: System; browser: Browser };
  before(async function () {
    skipWithoutChromium(this);
    state.system = await useSystem();
    state.browser = await launchBrowser();
  });
  after(async () => {
    await state.browser?.close();
  });
  return state;
}

/** Picks an option of a form-js drop-down; opening it right after a re-render may miss, so up to three tries. */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    await select.click();
    try {
      await page.locator('.fjs-dropdownlist-item').getByText(option, { exact: true }).click({ timeout: 5_000 });
      // read the pick back: a click on a list that re-rendered under the pointer can miss
      const display = select.locator('.fjs-select-display');
      for (let wait = 0; wait < 10 && (await display.innerText()).trim() !== option; wait += 1) await page.waitForTimeout(100);
      if ((await display.innerText()).trim() === option) return;
      if (attempt === 2) throw new Error(`下拉框选不中 ${option}, 显示 ${(await display.innerText()).trim() || '(空)'}`);
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

/** Logs a clerk in to the 工作台 (the staff app at `/`). */
export async function logInToWorkbench(page: Page, web: string, username: string, screenshot?: string): Promise<void> {
  await page.goto(`${web}/`);
  await page.getByText('登录工作台').waitFor();
  if (screenshot) await page.screenshot({ path: screenshot });
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  // logged in: the header names the user (whatever the first page is)
  await page.locator('[data-test="user-name"]').waitFor();
}

/**
 * In Cockpit (logged in): 流程 → the process → 流程实例, searched by 业务键 (docs/analysts.md);
 * answers the rows showing `businessKey`, once there.
 */
export async function findInCockpit(page: Page, system: System, definitionId: string, businessKey: string): Promise<Locator> {
  const search = JSON.stringify([{ type: 'businessKey', operator: 'eq', value: businessKey }]);
  await page.goto(`${system.config.engine.webappUrl}/app/cockpit/default/#/process-definition/${definitionId}/runtime?searchQuery=${encodeURIComponent(search)}`);
  const row = page.locator('tr', { hasText: businessKey });
  await row.first().waitFor({ timeout: 60_000 });
  return row;
}

/** Logs a clerk in to the Tasklist and opens one task's form. */
export async function openTaskInTasklist(page: Page, system: System, user: string, taskId: string): Promise<void> {
  await page.goto(`${system.config.engine.webappUrl}/app/tasklist/default/`);
  await page.locator('input[type="text"]').first().fill(user);
  await page.locator('input[type="password"]').fill(system.config.demoPassword!);
  await page.locator('button[type="submit"]').click();
  await waitForApp(page, '本科室待办');
  // several cases may wait in the same list: open this case's task
  await page.goto(`${system.config.engine.webappUrl}/app/tasklist/default/#/?task=${taskId}`);
}

/**
 * form-js applies a text field's input after a short debounce, from the form state it had: a
 * box ticked meanwhile can be undone. Tick, and tick again until it stays ticked.
 */
export async function tickBox(page: Page, locator: Locator): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (!(await locator.isChecked())) await locator.click();
    await page.waitForTimeout(400);
    if (await locator.isChecked()) return;
  }
  throw new Error('复选框未能勾选');
}

/** a form-js field by its component id (labels carry a required mark) */
export const formField = (scope: Locator, id: string): Locator => scope.locator(`input[id$="-${id}"], textarea[id$="-${id}"]`);

/**
 * Where browser specs keep their screenshots: test-artifacts/screenshots/ in the project (ignored by
 * git, kept after the run for CI to collect and for people to look at), or SHENPI_TEST_ARTIFACTS.
 */
export function artifactDir(): string {
  const dir = process.env.SHENPI_TEST_ARTIFACTS ?? path.join(PROJECT_ROOT, 'test-artifacts', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The path of a screenshot named `name` among the run's artifacts. */
export const artifact = (name: string): string => path.join(artifactDir(), name);
