// 补正 after a 一次性告知, dated today (no clockDate): the applicant brings what the notice listed
// at the window (POST /api/cases/:receipt/resubmission, a window clerk) or online
// (POST /api/v1/cases/:receipt/resubmission with the applicant's proof and an Idempotency-Key);
// the same case and receipt number go back to 受理审核 with a new 5-day period. The 30-day
// supplement period from today runs into 2027, so the test publishes a TEST 2027 first.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { todayIn } from '../../lib/calendar/deadlines.js';
import { caseEvents, findCaseByBusinessKey } from '../../lib/repositories/cases.js';
import type { CatalogueEntry } from '../../lib/catalogue/entry.js';
import type { System } from '../../bin/system.js';
import { sampleApplication, uniqueCreditCode } from '../support/applications.js';
import { CaseDriver, MEMBER } from '../support/cases.js';
import { call, createPlatformClient, type TestClient } from '../support/platform.js';
import { useSystem } from '../support/system.js';
import { publishTest2027, staffPost, withdrawTest2027 } from '../support/calendar.js';
import { readEntry } from './items/scenarios.js';


describe('补正 after 一次性告知 (at the window and online, dated today)', function () {
  this.timeout(180_000);
  let system: System;
  let today: string;
  let client: TestClient;
  const entry: CatalogueEntry = readEntry('food-business-licence');
  const missing = entry.materials.filter((material) => material.required && !material.deferrable).slice(-2).map((material) => material.code);

  const staff = (user: string, path: string, json: unknown) => staffPost(system, user, path, json);

  /** a case told to bring two materials, waiting for them */
  async function notified(creditCode: string): Promise<{ driver: CaseDriver; receiptNumber: string; application: Record<string, unknown> }> {
    const application = sampleApplication(entry, { omitMaterials: missing, creditCode });
    const driver = await new CaseDriver(system.admin, entry.key).start({ application, receivedOn: today });
    await driver.complete('NotifyDeficienciesTask', MEMBER.window!, { acceptanceDecision: 'notify', noticeChannel: 'on-site' });
    await driver.awaitTimer('SupplementPeriodExpiredEvent');
    return { driver, receiptNumber: (await findCaseByBusinessKey(system.db, driver.businessKey))!.receiptNumber, application };
  }

  before(async () => {
    system = await useSystem();
    today = todayIn(system.config.deadlines.utcOffset);
    client = await createPlatformClient(system);
    await publishTest2027(system);
  });
  after(async () => withdrawTest2027(system));

  it('should continue the same case at the window with the materials handed in, the receiving clerk doing the new 受理审核', async () => {
    const { driver, receiptNumber } = await notified(uniqueCreditCode());
    const brought = missing.map((code) => ({ code, form: '原件', copies: 1 }));

    // given a review clerk, a clerk with half of the materials: nothing changes
    expect((await staff(MEMBER.marketReview!, `/api/cases/${receiptNumber}/resubmission`, { materials: brought })).status).to.equal(403);
    const half = await staff('window2', `/api/cases/${receiptNumber}/resubmission`, { materials: brought.slice(0, 1) });
    expect(half.status).to.equal(422);
    const deficient = await half.json() as { error: string; problems: Array<{ field: string; rule: string }>; notice: string };
    expect(deficient.error).to.equal('application-deficient');
    expect(deficient.problems.map((problem) => problem.rule)).to.deep.equal(['material:missing']);
    expect(deficient.notice).to.contain(entry.materials.find((material) => material.code === missing[1])!.name);
    expect(await driver.timerDue('SupplementPeriodExpiredEvent')).to.have.length(1);

    // when the window takes the rest
    const answer = await staff('window2', `/api/cases/${receiptNumber}/resubmission`, { materials: brought });
    expect(answer.status, await answer.clone().text()).to.equal(202);
    expect(await answer.json()).to.include({ outcome: 'received', receiptNumber, receivedOn: today, acceptancePath: 'complete' });

    // then 受理审核 of the same case, in window2's 我的待办, due 5 working days from today
    const review = await driver.task('ReviewMaterialsTask');
    expect((await system.admin.get<{ assignee: string }>(`/task/${review.id}`)).assignee).to.equal('window2');
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    expect(record.receiptNumber).to.equal(receiptNumber);
    expect((await caseEvents(system.db, record.id)).map((event) => event.status).slice(-2)).to.deep.equal(['已告知补正', '已补正']);
    // a second resubmission finds the case no longer waiting
    expect((await staff('window2', `/api/cases/${receiptNumber}/resubmission`, { materials: brought })).status).to.equal(409);
    await driver.cancel();
  });

  it('should continue the same case online: every problem at once, then the corrected application, replayed on retry', async () => {
    const creditCode = uniqueCreditCode();
    const { driver, receiptNumber, application } = await notified(creditCode);
    const path = `/api/v1/cases/${receiptNumber}/resubmission`;
    const complete = sampleApplication(entry, { creditCode });

    // should NOT take it without the applicant's proof, nor with problems left
    expect((await call(system, path, { key: client.apiKey, idempotencyKey: randomUUID(), json: { applicantCode: uniqueCreditCode(), application: complete } })).status).to.equal(404);
    const again = await call(system, path, { key: client.apiKey, idempotencyKey: randomUUID(), json: { applicantCode: creditCode, application } });
    expect(again.status, again.text).to.equal(422);
    expect(again.body.error).to.equal('application-deficient');
    expect(again.body.problems.map((problem: { material: string }) => problem.material)).to.deep.equal(missing);

    const key = randomUUID();
    const answer = await call(system, path, { key: client.apiKey, idempotencyKey: key, json: { applicantCode: creditCode, application: complete } });
    expect(answer.status, answer.text).to.equal(202);
    expect(answer.body).to.include({ outcome: 'received', receiptNumber, receivedOn: today });
    const replay = await call(system, path, { key: client.apiKey, idempotencyKey: key, json: { applicantCode: creditCode, application: complete } });
    expect(replay.status).to.equal(202);
    expect(replay.headers.get('idempotent-replayed')).to.equal('true');

    await driver.task('ReviewMaterialsTask');
    const progress = await call(system, `/api/v1/cases/${receiptNumber}/progress`, { key: client.apiKey, json: { applicantCode: creditCode } });
    expect(progress.body.timeline.map((event: { status: string }) => event.status)).to.include('已补正');
    expect(progress.body.applicantActions.map((action: { kind: string }) => action.kind)).to.not.include('correction');
    await driver.cancel();
  });
});
