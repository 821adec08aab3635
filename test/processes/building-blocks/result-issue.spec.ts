// 制证 and 双公示 (block "result-issue"), 审管衔接 and 电子证照 verification, on the real engine
// and a real local HTTP server standing in for the credit platform and the supervising department.
import { expect } from 'chai';
import { idempotencyKey } from '../../../lib/outbox/credit-platform.js';
import { findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import { saveEntry } from '../../../lib/repositories/catalogue.js';
import { licenceForCase } from '../../../lib/repositories/licences.js';
import { publicationsOf } from '../../../lib/repositories/publication.js';
import { worker as publishLicence } from '../../../workers/publication/licence.worker.js';
import { createWorkerServices } from '../../../workers/runtime/services.js';
import { Variables } from 'camunda-external-task-client-js';
import type { Task } from 'camunda-external-task-client-js';
import { createLogger } from '../../../lib/log.js';
import { sampleApplication, uniqueCreditCode, VALID_ID_CARD } from '../../support/applications.js';
import { CaseDriver, DECIDER, MEMBER } from '../../support/cases.js';
import { waitFor } from '../../support/process.js';
import { creditPlatform, useSystem } from '../../support/system.js';
import { basic, webBase } from '../../support/web.js';
import { readEntry } from '../items/scenarios.js';

const permit = readEntry('enterprise-establishment-registration'); // promised 1 day, no inspection

async function grant(application: Record<string, unknown>, itemKey = permit.key): Promise<CaseDriver> {
  const system = await useSystem();
  const driver = await new CaseDriver(system.admin, permit.key).start({ itemKey, receivedOn: '2026-09-30', clockDate: '2026-09-30', application });
  await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
  await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewOpinion: '符合条件', reviewAction: 'submit' });
  await driver.complete('DecisionTask', DECIDER.marketReview!, { decision: 'grant', decisionContent: '准予设立登记' });
  return driver;
}

describe('双公示, 审管衔接, 电子证照 (result issue)', function () {
  this.timeout(120_000);

  it('should publish the decision the same day, masked, to the ledger and the platform once, and push it to the supervising department', async () => {
    const system = await useSystem();
    const personal = { category: '自然人', name: '王建军', idCardNumber: VALID_ID_CARD, phone: '13904710000' };
    const driver = await grant({ ...sampleApplication(permit), applicant: personal });
    await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '王建军' });
    expect(await driver.waitForEnd()).to.equal('CaseClosedEndEvent');
    const licence = (await licenceForCase(system.db, driver.businessKey))!;
    const [published] = await publicationsOf(system.db, licence.licenceNumber);
    expect(published).to.include({ version: 1, action: '准予', decisionDate: '2026-09-30' });
    expect(published!.record).to.include({ holderCode: '110***********002X', status: '有效', licenceNumber: licence.licenceNumber });

    const platform = creditPlatform();
    const arrived = await waitFor('the record at the platform', async () => platform.publications.get(`${licence.licenceNumber}#1`));
    expect(arrived.deliveries).to.equal(1);
    expect(JSON.stringify(arrived.body)).not.to.contain(VALID_ID_CARD);
    await waitFor('the acknowledgement', async () => ((await publicationsOf(system.db, licence.licenceNumber))[0]!.acknowledgedAt ? true : undefined));

    const pushed = await waitFor('the decision at the supervising department', async () => platform.supervision.get(idempotencyKey(`${driver.businessKey}:decision`)));
    expect(pushed.body).to.deep.include({ decision: '准予', supervisingDepartment: permit.supervisingDepartment ?? permit.department });

    // public listing and feed: no login, no ID number
    const feed = await fetch(`${webBase(system)}/public/licences.json?q=${licence.licenceNumber}`);
    expect(feed.status).to.equal(200);
    const text = await feed.text();
    expect((JSON.parse(text) as { licences: unknown[] }).licences).to.have.length(1);
    expect(text).not.to.contain(VALID_ID_CARD);
    const page = await (await fetch(`${webBase(system)}/public/licences?q=${encodeURIComponent('王建军')}`)).text();
    expect(page).to.contain(licence.licenceNumber).and.not.to.contain(VALID_ID_CARD);
    // 电子证照 verification
    const verified = (await (await fetch(`${webBase(system)}/public/licences/${licence.licenceNumber}/verify`)).json()) as { valid: boolean; status: string };
    expect(verified).to.include({ valid: true, status: '有效' });
    expect((await fetch(`${webBase(system)}/public/licences/NO2026000000/verify`)).status).to.equal(404);

    // 审管衔接 results come back and are attached to the case
    const receipt = await driver.variable<string>('receiptNumber');
    const post = (body: unknown) => fetch(`${webBase(system)}/api/supervision/results`, { method: 'POST', headers: { authorization: basic('operator1'), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ licenceNumber: licence.licenceNumber, kind: '检查', department: '市市场监督管理局', occurredOn: '2026-10-20', result: '检查合格', reference: `JC-${licence.licenceNumber}` })).status).to.equal(201);
    expect((await post({ licenceNumber: licence.licenceNumber, kind: '检查', department: '市市场监督管理局', occurredOn: '2026-10-20', result: '检查合格', reference: `JC-${licence.licenceNumber}` })).status).to.equal(200);
    expect((await post({ kind: '罚款' })).status).to.equal(400);
    const record = (await (await fetch(`${webBase(system)}/api/cases/${receipt}`, { headers: { authorization: basic('window1') } })).json()) as { supervisionResults: Array<{ kind: string; result: string }> };
    expect(record.supervisionResults).to.deep.equal([{ licenceNumber: licence.licenceNumber, kind: '检查', department: '市市场监督管理局', occurredOn: '2026-10-20', result: '检查合格', reference: `JC-${licence.licenceNumber}` }]);
  });

  it('should NOT publish twice when the external task is delivered again', async () => {
    const system = await useSystem();
    const driver = await grant(sampleApplication(permit, { creditCode: uniqueCreditCode() }));
    await driver.task('HandOverTask');
    const licence = (await licenceForCase(system.db, driver.businessKey))!;
    // the same task handed to two workers (a lock that expired), then once more
    const task = { businessKey: driver.businessKey, activityId: 'PublishLicenceTask', activityInstanceId: 'redelivered', variables: new Variables().set('application', await driver.variable('application')) } as unknown as Task;
    const services = createWorkerServices(system.db, system.config.deadlines, { queryUrl: undefined, timeoutMs: 1000 });
    const log = createLogger({ test: true });
    const results = await Promise.all([publishLicence.handler({ task, services, log }), publishLicence.handler({ task, services, log }), publishLicence.handler({ task, services, log })]);
    expect(results.map((r) => r.publicationVersion)).to.deep.equal([1, 1, 1]);
    expect(await publicationsOf(system.db, licence.licenceNumber)).to.have.length(1);
    expect(await system.db('outbox_message').where({ channel: 'publication' }).whereLike('dedup_key', `${licence.licenceNumber}#%`).count({ n: '*' }).first()).to.deep.equal({ n: '1' });
    await driver.cancel();
  });

  it('should NOT publish a record missing a field the standard requires: an incident names it and the case is flagged', async () => {
    const system = await useSystem();
    const entry = { ...permit, key: 'publication-incomplete-item', type: '其他行政权力' as const, result: { name: permit.result.name, kind: permit.result.kind, numberPrefix: 'INC' } };
    await saveEntry(system.db, entry, 'test');
    const driver = await grant(sampleApplication(entry, { creditCode: uniqueCreditCode() }), entry.key);
    const incident = await driver.rootIncident();
    expect(incident.activityId).to.equal('PublishLicenceTask');
    expect(incident.incidentMessage).to.contain('许可类别');
    expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ status: '双公示数据不全' });
    const licence = (await licenceForCase(system.db, driver.businessKey))!;
    expect(await publicationsOf(system.db, licence.licenceNumber)).to.deep.equal([]);
    await driver.cancel();
  });

  it('should keep the platform\'s reason for a rejected record and not send it again unchanged', async () => {
    const system = await useSystem();
    const platform = creditPlatform();
    const driver = await grant(sampleApplication(permit, { creditCode: uniqueCreditCode() }));
    await driver.task('HandOverTask');
    const licence = (await licenceForCase(system.db, driver.businessKey))!;
    // too late for this record (already sent, probably): use the next one of the same holder instead
    platform.reject(licence.licenceNumber, '统一社会信用代码与登记信息不符');
    await system.db('outbox_message').where({ channel: 'publication', dedup_key: `${licence.licenceNumber}#1` }).update({ status: 'pending', next_attempt_at: system.db.fn.now() });
    await system.db('publication_record').where({ licence_number: licence.licenceNumber }).update({ acknowledged_at: null });
    const rejected = await waitFor('the rejection', async () => ((await publicationsOf(system.db, licence.licenceNumber))[0]!.rejectedReason ?? undefined));
    expect(rejected).to.equal('统一社会信用代码与登记信息不符');
    // the ledger learns the reason first, the outbox row when its delivery round commits
    const message = await waitFor('the rejected message', async () => {
      const row = await system.db('outbox_message').where({ channel: 'publication', dedup_key: `${licence.licenceNumber}#1` }).first('status', 'attempts');
      return row?.status === 'rejected' ? row : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await system.db('outbox_message').where({ channel: 'publication', dedup_key: `${licence.licenceNumber}#1` }).first('status', 'attempts')).to.deep.equal(message);
    expect(message.status).to.equal('rejected');
    await driver.cancel();
  });
});
