// 撤回, dated today: the applicant withdraws before the decision, at the window on a written
// request (POST /api/cases/:receipt/withdrawal, a window clerk, the reason) or online
// (POST /api/v1/cases/:receipt/withdrawal with the applicant's proof). The case ends as 撤回
// wherever it is (an event sub-process of the item process): recorded, no decision, no licence;
// the applicant gets a 撤回申请确认书 and its notice.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { todayIn } from '../../lib/calendar/deadlines.js';
import { chineseDate } from '../../lib/documents/index.js';
import type { CatalogueEntry } from '../../lib/catalogue/entry.js';
import { caseEvents, findCaseByBusinessKey } from '../../lib/repositories/cases.js';
import { licenceForCase } from '../../lib/repositories/licences.js';
import type { System } from '../../lib/system.js';
import { sampleApplication, uniqueCreditCode } from '../support/applications.js';
import { publishTest2027, staffPost, withdrawTest2027 } from '../support/calendar.js';
import { CaseDriver, MEMBER } from '../support/cases.js';
import { call, createPlatformClient } from '../support/platform.js';
import { documentsOf, expectDocument, pdfText } from '../support/documents.js';
import { waitFor } from '../support/process.js';
import { smsGateway, useSystem } from '../support/system.js';
import { readEntry } from './items/scenarios.js';

describe('撤回 (the applicant withdraws before the decision, dated today)', function () {
  this.timeout(180_000);
  let system: System;
  let today: string;
  const entry: CatalogueEntry = readEntry('food-business-licence');

  before(async () => {
    system = await useSystem();
    today = todayIn(system.config.deadlines.utcOffset);
    await publishTest2027(system);
  });
  after(async () => withdrawTest2027(system));

  it('should end a case under review as 撤回 on the applicant\'s written request at the window: recorded, no decision, no licence', async () => {
    const driver = await new CaseDriver(system.admin, entry.key).start({ application: sampleApplication(entry, { creditCode: uniqueCreditCode() }), receivedOn: today });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.task('ReviewTask');
    const { receiptNumber } = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const path = `/api/cases/${receiptNumber}/withdrawal`;

    // should NOT withdraw for a review clerk, nor without the applicant's reason
    expect((await staffPost(system, MEMBER.marketReview!, path, { reason: '申请人书面申请撤回' })).status).to.equal(403);
    const noReason = await staffPost(system, 'window1', path, {});
    expect(noReason.status).to.equal(400);
    expect(JSON.stringify(await noReason.json())).to.contain('reason');
    await driver.task('ReviewTask');

    const answer = await staffPost(system, 'window1', path, { reason: '经营场所变更, 申请人书面申请撤回' });
    expect(answer.status, await answer.clone().text()).to.equal(202);
    expect(await answer.json()).to.deep.equal({ receiptNumber, status: '已撤回' });

    expect(await driver.waitForEnd()).to.equal('WithdrawnEndEvent');
    expect(await driver.path()).to.not.include('DecisionTask');
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    expect(record).to.include({ status: '已撤回', outcome: '撤回' });
    const withdrawn = (await caseEvents(system.db, record.id)).find((event) => event.status === '已撤回')!;
    expect(withdrawn.note).to.contain('经营场所变更').and.contain('window1');
    expect(await licenceForCase(system.db, driver.businessKey)).to.equal(undefined);
    expect(await system.admin.get<unknown[]>(`/task?processInstanceBusinessKey=${driver.businessKey}`)).to.deep.equal([]);
    // the 撤回申请确认书 once, and its notice to the applicant by SMS (not naming the clerk)
    const documents = await documentsOf(driver.businessKey, ['withdrawal']);
    const acknowledgement = await expectDocument(documents, 'withdrawal', receiptNumber, ['撤回申请确认书', '经营场所变更', '综合受理窗口', `自${chineseDate(today)}起终止办理`]);
    expect(await pdfText(acknowledgement.id)).not.to.contain('window1');
    const sms = await waitFor('the 撤回 SMS', async () => [...smsGateway().messages.values()].filter((message) => message.body.receiptNumber === receiptNumber && message.body.kind === 'withdrawal').at(0));
    expect(sms.deliveries).to.equal(1);
    expect(sms.body.text).to.contain('撤回').and.contain(receiptNumber);
    // should NOT withdraw twice
    expect((await staffPost(system, 'window1', path, { reason: '再次撤回' })).status).to.equal(409);
  });

  it('should end a case online before acceptance, with the applicant\'s proof, and replay a retry', async () => {
    const creditCode = uniqueCreditCode();
    const driver = await new CaseDriver(system.admin, entry.key).start({ application: sampleApplication(entry, { creditCode }), receivedOn: today });
    await driver.task('ReviewMaterialsTask');
    const { receiptNumber } = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const client = await createPlatformClient(system);
    const path = `/api/v1/cases/${receiptNumber}/withdrawal`;

    expect((await call(system, path, { key: client.apiKey, idempotencyKey: randomUUID(), json: { applicantCode: uniqueCreditCode(), reason: '不再需要' } })).status).to.equal(404);
    const key = randomUUID();
    const answer = await call(system, path, { key: client.apiKey, idempotencyKey: key, json: { applicantCode: creditCode, reason: '不再需要' } });
    expect(answer.status, answer.text).to.equal(202);
    const replay = await call(system, path, { key: client.apiKey, idempotencyKey: key, json: { applicantCode: creditCode, reason: '不再需要' } });
    expect(replay.status).to.equal(202);
    expect(replay.headers.get('idempotent-replayed')).to.equal('true');

    expect(await driver.waitForEnd()).to.equal('WithdrawnEndEvent');
    const progress = await call(system, `/api/v1/cases/${receiptNumber}/progress`, { key: client.apiKey, json: { applicantCode: creditCode } });
    expect(progress.body.status).to.equal('已撤回');
    expect(progress.body.timeline.map((event: { status: string }) => event.status)).to.include('已撤回');
  });
});
