// Reminders 3 working days before a promise runs out, dated 2026-09-30 (the day before National
// Day): the 容缺 material of a pharmacy licence is due 7 working days later, on 10-15 (10-08,
// 10-09, the make-up Saturday 10-10, 10-12 … 10-15), so the applicant is reminded on 10-12; the
// 告知承诺 of a construction permit runs 20 working days, to 11-03, reminded on 10-29. The
// reminder reaches the SMS gateway once, also when its task is delivered again, and never once
// the material has arrived.
import { expect } from 'chai';
import { chineseDate } from '../../../lib/documents/index.js';
import { remindPromise } from '../../../lib/notices/index.js';
import { sampleApplication, uniqueCreditCode } from '../../support/applications.js';
import { CaseDriver, instant, MEMBER } from '../../support/cases.js';
import { waitFor } from '../../support/process.js';
import { smsGateway, useSystem } from '../../support/system.js';
import { basic, webBase } from '../../support/web.js';
import { readEntry } from '../items/scenarios.js';

const pharmacy = readEntry('pharmacy-retail-licence');
const permit = readEntry('construction-permit');
const RECEIVED = { receivedOn: '2026-09-30', clockDate: '2026-09-30' };

async function acceptOnPromise(entry: typeof pharmacy, omitted: string, extra: Record<string, unknown> = {}): Promise<{ driver: CaseDriver; receipt: string }> {
  const system = await useSystem();
  const driver = await new CaseDriver(system.admin, entry.key).start({ ...RECEIVED, application: sampleApplication(entry, { omitMaterials: [omitted], creditCode: uniqueCreditCode(), ...extra }) });
  await driver.complete('OfferPromiseTask', MEMBER.window!, { acceptanceDecision: 'accept-promise' });
  return { driver, receipt: await driver.variable<string>('receiptNumber') };
}

const remindersOf = (receipt: string) => [...smsGateway().messages.values()].filter((message) => message.body.receiptNumber === receipt && message.body.kind === 'promise-reminder');

async function queuedReminders(receipt: string): Promise<number> {
  const system = await useSystem();
  const row = await system.db('outbox_message').where({ channel: 'sms' }).whereRaw("payload->>'receiptNumber' = ? and payload->>'kind' = 'promise-reminder'", [receipt]).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/** The missing material handed in at the window. */
async function supply(receipt: string, code: string): Promise<Response> {
  const system = await useSystem();
  return fetch(`${webBase(system)}/api/cases/${receipt}/supplements`, {
    method: 'POST', headers: { authorization: basic('window1'), 'content-type': 'application/json' }, body: JSON.stringify({ materials: [{ code, form: '原件', copies: 1 }] }),
  });
}

async function jobsOf(driver: CaseDriver, activityId: string): Promise<unknown[]> {
  const system = await useSystem();
  const instances = await system.admin.get<Array<{ id: string }>>(`/process-instance?businessKey=${encodeURIComponent(driver.businessKey)}`);
  const jobs = await Promise.all(instances.map((instance) => system.admin.get<unknown[]>(`/job?processInstanceId=${instance.id}&activityId=${activityId}`)));
  return jobs.flat();
}

describe('reminders before a promise runs out (notice.promise-reminder)', function () {
  this.timeout(180_000);

  it('should remind the 容缺 applicant 3 working days before the deadline, once, also when the task is delivered again', async () => {
    const system = await useSystem();
    const { driver, receipt } = await acceptOnPromise(pharmacy, 'equipment-list');
    await driver.task('AwaitSupplementTask');
    expect(await driver.variable('promiseDeadline')).to.equal('2026-10-15');
    expect(instant(await driver.fireTimer('SupplementReminderTimer'))).to.equal(instant('2026-10-12T00:00:00+08:00'));
    const [reminder] = await waitFor('the reminder at the SMS gateway', async () => (remindersOf(receipt).length ? remindersOf(receipt) : undefined));
    expect(reminder!.deliveries).to.equal(1);
    expect(reminder!.body.to).to.equal('13904710000');
    expect(reminder!.body.text).to.contain(chineseDate('2026-10-15')).and.contain('主要设施、设备目录').and.contain(receipt);

    // the same reminder again (a redelivered task): nothing more is queued
    const again = await remindPromise(system.db, {
      businessKey: driver.businessKey, activityId: 'RemindSupplementTask', promiseKind: '容缺', deadline: '2026-10-15', materials: ['主要设施、设备目录'], today: '2026-10-12',
      reminderAt: '2026-10-12T00:00:00+08:00', dueAt: '2026-10-15T23:59:59+08:00',
    });
    expect(again).to.equal(false);
    expect(await queuedReminders(receipt)).to.equal(1);
    // the material arrives; the wait ends and no other reminder is due
    expect((await supply(receipt, 'equipment-list')).status).to.equal(202);
    await waitFor('the supplement checked', async () => ((await jobsOf(driver, 'SupplementReminderTimer')).length === 0 ? true : undefined));
    expect(await queuedReminders(receipt)).to.equal(1);
    await driver.cancel();
  });

  it('should NOT remind once the material arrived before the reminder day', async () => {
    const system = await useSystem();
    const { driver, receipt } = await acceptOnPromise(pharmacy, 'premises-layout');
    await driver.task('AwaitSupplementTask');
    expect((await jobsOf(driver, 'SupplementReminderTimer'))).to.have.length(1);
    expect((await supply(receipt, 'premises-layout')).status).to.equal(202);
    await waitFor('the reminder timer gone with the wait', async () => ((await jobsOf(driver, 'SupplementReminderTimer')).length === 0 ? true : undefined));
    expect(await queuedReminders(receipt)).to.equal(0);
    await driver.cancel();
  });

  it('should remind the 告知承诺 applicant 3 working days before the promise period ends', async () => {
    const { driver, receipt } = await acceptOnPromise(permit, 'drawing-review-certificate', { commitment: { signed: true, signatory: '张建国' } });
    await driver.task('AwaitFulfilmentTask');
    expect(await driver.variable('promiseDeadline')).to.equal('2026-11-03');
    // 11-03 (Tue) ← 11-02 (Mon), 10-30 (Fri), 10-29 (Thu)
    expect(instant(await driver.fireTimer('CommitmentReminderTimer'))).to.equal(instant('2026-10-29T00:00:00+08:00'));
    const [reminder] = await waitFor('the reminder at the SMS gateway', async () => (remindersOf(receipt).length ? remindersOf(receipt) : undefined));
    expect(reminder!.deliveries).to.equal(1);
    expect(reminder!.body.text).to.contain('告知承诺').and.contain(chineseDate('2026-11-03'));
    await driver.cancel();
  });
});
