// Debian's Chromium driven by playwright-core (no browser download). Specs skip, loudly, on a
// machine without it.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.SHENPI_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function skipWithoutChromium(context: Mocha.Context): void {
  if (!CHROMIUM) {
    console.warn('      ⚠ 未找到 Chromium, 跳过浏览器测试: 请安装 Debian 的 chromium (apt-get install chromium) 或设置 SHENPI_CHROMIUM');
    context.skip();
  }
}

/**
 * Waits for a text of a loaded Camunda web app. No reload: a page stuck on its spinner was a real
 * fault (a revalidated page with a stale CSP nonce, see WebappPageNoCacheConfiguration) and must
 * fail the test.
 */
export async function waitForApp(page: import('playwright-core').Page, text: string, timeoutMs = 30_000): Promise<void> {
  await page.getByText(text).first().waitFor({ timeout: timeoutMs });
}
