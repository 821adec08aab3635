import { expect } from 'chai';
import { runOnce } from '../../../lib/repositories/side-effects.js';
import type { System } from '../../../bin/system.js';
import { useSystem } from '../../support/system.js';

describe('#runOnce', function () {
  this.timeout(240_000);
  let system: System;

  before(async () => {
    system = await useSystem();
  });

  it('should run an effect once per key and replay its result for a redelivered task', async () => {
    const key = { businessKey: 'SP-TEST-ONCE', activityId: 'PublishLicenceTask', kind: 'publication.licence' };
    let runs = 0;
    const first = await runOnce(system.db, key, async () => ({ run: ++runs }));
    const again = await runOnce(system.db, key, async () => ({ run: ++runs }));
    expect(first).to.deep.equal({ result: { run: 1 }, replayed: false });
    expect(again).to.deep.equal({ result: { run: 1 }, replayed: true });
    expect(runs).to.equal(1);
  });

  it('should let two concurrent deliveries run the effect only once', async () => {
    const key = { businessKey: 'SP-TEST-RACE', activityId: 'PublishLicenceTask', kind: 'publication.licence' };
    let runs = 0;
    const outcomes = await Promise.all([1, 2].map(() => runOnce(system.db, key, async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { ok: true };
    })));
    expect(runs).to.equal(1);
    expect(outcomes.map((o) => o.replayed).sort()).to.deep.equal([false, true]);
  });

  it('should NOT record the key when the effect fails, so a retry runs it', async () => {
    const key = { businessKey: 'SP-TEST-FAIL', activityId: 'PublishLicenceTask', kind: 'publication.licence' };
    await runOnce(system.db, key, async () => { throw new Error('platform down'); }).catch(() => undefined);
    const retry = await runOnce(system.db, key, async () => 'published');
    expect(retry).to.deep.equal({ result: 'published', replayed: false });
  });
});
