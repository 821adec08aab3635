// How a 一件事 ends, dated today: it keeps its outcome (办结, 不予许可, 撤回) and no longer shows
// working days left (case record, /api/v1 progress); 撤回 of the 一件事 ends every open item with
// it (decided items keep their outcome), and one item alone may be withdrawn only if the
// applicant could have left it unticked (an optional item), which the 一件事 records.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { todayIn } from '../../../lib/calendar/deadlines.js';
import { childCases } from '../../../lib/repositories/bundles.js';
import { caseEvents, findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import type { System } from '../../../bin/system.js';
import { uniqueCreditCode } from '../../support/applications.js';
import { publishTest2027, staffPost, withdrawTest2027 } from '../../support/calendar.js';
import { CaseDriver, MEMBER } from '../../support/cases.js';
import { call, createPlatformClient, type TestClient } from '../../support/platform.js';
import { basic, webBase } from '../../support/web.js';
import { useSystem } from '../../support/system.js';
import { waitFor } from '../../support/process.js';
import { bundleApplication, readBundle, workItem } from './support.js';

const bundle = readBundle('enterprise-start-up');
const REGISTRATION = 'enterprise-establishment-registration';
const SEAL = 'seal-engraving-filing';
const INVOICE = 'invoice-ukey-issuance';

describe('a 一件事 ends: its outcome kept, 撤回 of the whole or of an optional item (dated today)', function () {
  this.timeout(240_000);
  let system: System;
  let client: TestClient;
  let today: string;

  before(async () => {
    system = await useSystem();
    client = await createPlatformClient(system);
    today = todayIn(system.config.deadlines.utcOffset);
    await publishTest2027(system);
  });
  after(async () => withdrawTest2027(system));

  async function started(ticked: string[], creditCode: string): Promise<{ driver: CaseDriver; receiptNumber: string }> {
    const driver = await new CaseDriver(system.admin, bundle.key).start({ receivedOn: today, application: bundleApplication(bundle, ticked, creditCode) });
    await driver.complete('AcceptBundleTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    return { driver, receiptNumber: (await findCaseByBusinessKey(system.db, driver.businessKey))!.receiptNumber };
  }

  /** what the applicant (online) and the staff (case record) see of a closed case */
  async function expectClosed(receiptNumber: string, creditCode: string, outcome: string): Promise<void> {
    const progress = await call(system, `/api/v1/cases/${receiptNumber}/progress`, { key: client.apiKey, json: { applicantCode: creditCode } });
    expect(progress.status, progress.text).to.equal(200);
    expect(progress.body.outcome).to.equal(outcome);
    expect(progress.body.deadline.remainingWorkingDays).to.equal(null);
    const staff = await fetch(`${webBase(system)}/api/cases/${receiptNumber}`, { headers: { authorization: basic(MEMBER.window!) } });
    const record = await staff.json() as { outcome: string; remainingWorkingDays: number | null };
    expect(record).to.include({ outcome, remainingWorkingDays: null });
    const page = await (await fetch(`${webBase(system)}/cases/${receiptNumber}`, { headers: { authorization: basic(MEMBER.window!) } })).text();
    expect(page).to.contain(`已办结 (${outcome})`).and.not.to.contain('剩余');
  }

  it('should keep 办结 when every item is granted, and 不予许可 when 设立登记 is refused (the items that need its 营业执照 not done, said why)', async () => {
    const code = uniqueCreditCode();
    const granted = await started([REGISTRATION], code);
    await workItem(granted.driver.child(REGISTRATION));
    await granted.driver.complete('DeliverBundleTask', MEMBER.window!, { receivedBy: '张建国' });
    expect(await granted.driver.waitForEnd()).to.equal('BundleClosedEndEvent');
    await expectClosed(granted.receiptNumber, code, '办结');

    const refused = await started([REGISTRATION, SEAL], code);
    await workItem(refused.driver.child(REGISTRATION), true);
    await refused.driver.task('DeliverBundleTask');
    const results = await refused.driver.variable<Array<{ itemKey: string; outcome: string; reason: string | null }>>('bundleResults');
    expect(results.find((r) => r.itemKey === SEAL)).to.deep.include({ outcome: '未办理', reason: '企业设立登记未获准, 没有「营业执照」' });
    expect((await childCases(system.db, refused.driver.businessKey)).map((child) => child.itemKey)).to.deep.equal([REGISTRATION]);
    await refused.driver.complete('DeliverBundleTask', MEMBER.window!, { receivedBy: '张建国' });
    expect(await refused.driver.waitForEnd()).to.equal('BundleClosedEndEvent');
    await expectClosed(refused.receiptNumber, code, '不予许可');
  });

  it('should withdraw an optional item alone but NOT a required one, then the whole 一件事 with its open items; decided items keep their outcome', async () => {
    const code = uniqueCreditCode();
    const { driver, receiptNumber } = await started([REGISTRATION, SEAL, INVOICE], code);
    const itemReceipt = async (key: string): Promise<string> => (await findCaseByBusinessKey(system.db, `${driver.businessKey}:${key}`))!.receiptNumber;
    await driver.child(REGISTRATION).task('ReviewTask');

    // 设立登记 is required: not alone
    const alone = await staffPost(system, 'window1', `/api/cases/${await itemReceipt(REGISTRATION)}/withdrawal`, { reason: '申请人书面申请撤回设立登记' });
    expect(alone.status).to.equal(409);
    expect((await alone.json() as { message: string }).message).to.contain('必办事项').and.contain(receiptNumber);

    await workItem(driver.child(REGISTRATION));
    for (const key of [SEAL, INVOICE]) await waitFor(`a task of ${key}`, async () => ((await driver.child(key).openTasks()).length ? true : undefined));

    // 公章刻制 was ticked by choice: it may be withdrawn alone, the 一件事 records it
    const seal = await staffPost(system, 'window1', `/api/cases/${await itemReceipt(SEAL)}/withdrawal`, { reason: '公章另行自行刻制' });
    expect(seal.status, await seal.clone().text()).to.equal(202);
    await waitFor('the seal case withdrawn', async () => ((await findCaseByBusinessKey(system.db, `${driver.businessKey}:${SEAL}`))?.outcome === '撤回' ? true : undefined));
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const noted = (await caseEvents(system.db, record.id)).find((event) => event.status === '事项撤回');
    expect(noted?.note).to.equal(`申请人撤回「印章刻制备案」(受理编号 ${await itemReceipt(SEAL)}, 窗口书面申请, window1 经办): 公章另行自行刻制`);

    // the whole 一件事, online, by the applicant
    const answer = await call(system, `/api/v1/cases/${receiptNumber}/withdrawal`, { key: client.apiKey, idempotencyKey: randomUUID(), json: { applicantCode: code, reason: '企业开办计划取消' } });
    expect(answer.status, answer.text).to.equal(202);
    expect(await driver.waitForEnd()).to.equal('BundleWithdrawnEndEvent');
    const outcomes = Object.fromEntries((await childCases(system.db, driver.businessKey)).map((child) => [child.itemKey, child.outcome]));
    expect(outcomes).to.deep.equal({ [REGISTRATION]: '准予', [SEAL]: '撤回', [INVOICE]: '撤回' });
    const invoice = (await findCaseByBusinessKey(system.db, `${driver.businessKey}:${INVOICE}`))!;
    const withdrawn = (await caseEvents(system.db, invoice.id)).at(-1)!;
    expect(withdrawn.status).to.equal('已撤回');
    expect(withdrawn.note).to.match(/^随一件事撤回: 申请人撤回申请 \(网上 .*\): 企业开办计划取消$/);
    expect(await system.admin.get<unknown[]>(`/process-instance?businessKeyLike=${encodeURIComponent(driver.businessKey)}%25`)).to.deep.equal([]);
    await expectClosed(receiptNumber, code, '撤回');
    // should NOT withdraw twice
    expect((await staffPost(system, 'window1', `/api/cases/${receiptNumber}/withdrawal`, { reason: '再次撤回' })).status).to.equal(409);
  });
});
