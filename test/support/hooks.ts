import { skippedBrowserTests } from './browser.js';
import { stopSystem, useSystem } from './system.js';

// Quiet worker and engine-client logs unless asked for; they would drown the spec reporter.
process.env.SHENPI_LOG_LEVEL ??= 'warn';

const SYSTEM_START_MS = Number(process.env.SHENPI_TEST_START_TIMEOUT_MS ?? 600_000);

export const mochaHooks = {
  // the one system of the run starts here, under its own timeout, not inside the first spec's
  async beforeAll(this: Mocha.Context) {
    this.timeout(SYSTEM_START_MS);
    await useSystem();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(90_000);
    await stopSystem();
    const skipped = skippedBrowserTests();
    if (skipped) {
      const line = '⚠'.repeat(3);
      console.warn(`\n${line} 跳过了 ${skipped} 个浏览器测试: 未找到 Chromium (apt-get install chromium fonts-noto-cjk, 或设置 SHENPI_CHROMIUM) ${line}\n`);
    }
  },
};
