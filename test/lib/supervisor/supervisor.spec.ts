// The supervisor of npm start's child processes: a killed child comes back alone; a child that
// keeps crashing is given up with a message saying what to do.
import { expect } from 'chai';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../../lib/log.js';
import { supervise } from '../../../lib/supervisor.js';
import { waitFor } from '../../support/process.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = createLogger({ component: 'supervisor-spec' });

describe('lib/supervisor', function () {
  this.timeout(60_000);

  describe('#supervise', () => {
    it('should restart a child killed with SIGKILL, and stop it when asked', async () => {
      const child = supervise({ name: 'steady', script: path.join(here, 'steady-child.ts'), env: process.env, log, backoffMs: 100, onGiveUp: () => expect.fail('should NOT give up') });
      await child.ready;
      const first = child.pid!;
      process.kill(first, 'SIGKILL');
      const second = await waitFor('the child restarted', async () => (child.pid && child.pid !== first ? child.pid : undefined), 30_000);
      expect(child.restarts).to.equal(1);
      await child.stop();
      expect(() => process.kill(second, 0)).to.throw();
    });

    it('should NOT restart a child crashing in a loop forever, and say what to do', async () => {
      let message: string | undefined;
      const child = supervise({ name: 'crashing', script: path.join(here, 'crashing-child.ts'), env: process.env, log, backoffMs: 50, maxCrashes: 3, onGiveUp: (text) => { message = text; } });
      const failed = await child.ready.then(() => undefined, (error: Error) => error);
      expect(failed?.message).to.contain('不再重启');
      expect(message).to.contain('npm start');
      expect(child.restarts).to.equal(2);
      await child.stop();
    });
  });
});
