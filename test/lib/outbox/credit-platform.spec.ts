// The credit push through the outbox against a real local HTTP server that fails, then
// recovers: the record arrives exactly once, and a repeated write enqueues nothing.
import { expect } from 'chai';
import { idempotencyKey } from '../../../lib/outbox/credit-platform.js';
import { randomUUID } from 'node:crypto';
import { CREDIT_CHANNEL, recordCredit } from '../../../lib/repositories/credit.js';
import { outboxState } from '../../../lib/repositories/outbox.js';
import { uniqueCreditCode } from '../../support/applications.js';
import { waitFor } from '../../support/process.js';
import { creditPlatform, useSystem } from '../../support/system.js';

describe('credit platform push (outbox)', function () {
  this.timeout(60_000);

  it('should delay a record while the platform answers 503, then deliver it exactly once', async () => {
    const system = await useSystem();
    const platform = creditPlatform();
    const eventKey = `test:${randomUUID()}:违约`;
    platform.failNext(2);
    const record = { subjectCode: uniqueCreditCode(), subjectName: '推送测试公司', kind: '违约' as const, rule: '不履行承诺信息', eventKey, createdBy: 'test' };
    expect(await recordCredit(system.db, record)).to.deep.equal({ created: true });
    expect(await recordCredit(system.db, record)).to.deep.equal({ created: false });
    const arrived = await waitFor('the record at the platform', async () => platform.records.get(idempotencyKey(eventKey)), 20_000);
    expect(arrived.deliveries).to.equal(1);
    expect(platform.requests.filter((request) => request.key === idempotencyKey(eventKey)).map((request) => request.status)).to.deep.equal([503, 503, 200]);
    // later rounds send nothing more
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(platform.requests.filter((request) => request.key === idempotencyKey(eventKey))).to.have.length(3);
    expect(await outboxState(system.db, CREDIT_CHANNEL, eventKey)).to.include({ status: 'delivered', attempts: 3 });
  });
});
