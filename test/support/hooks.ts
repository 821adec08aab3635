import { stopSystem } from './system.js';

// Quiet worker and engine-client logs unless asked for; they would drown the spec reporter.
process.env.SHENPI_LOG_LEVEL ??= 'warn';

export const mochaHooks = {
  async afterAll(this: Mocha.Context) {
    this.timeout(90_000);
    await stopSystem();
  },
};
