// 企业开办 for an enterprise that does not exist yet, dated today: it applies under its reserved
// name with NO 统一社会信用代码 and NO 营业执照 copies, online (/api/v1) or at the window; 设立登记
// assigns the code and issues the 营业执照, and the later items take both from it (不得要求申请人
// 重复提交). Afterwards the enterprise holds that licence in shenpi: another item asks no copy of it.
import { expect } from 'chai';
import { toVariables } from '../../../lib/engine/client.js';
import { bundleStartFormRules } from '../../../lib/catalogue/start-form.js';
import { todayIn } from '../../../lib/calendar/deadlines.js';
import { findCaseByBusinessKey, findCaseByReceipt } from '../../../lib/repositories/cases.js';
import { heldLicenceForCase } from '../../../lib/repositories/licences.js';
import { checkCreditCode } from '../../../lib/validation/identifiers.js';
import type { System } from '../../../bin/system.js';
import { sampleApplication, sampleValue, uniqueCreditCode, VALID_ID_CARD } from '../../support/applications.js';
import { CaseDriver, DEMO_PASSWORD, MEMBER } from '../../support/cases.js';
import { publishTest2027, withdrawTest2027 } from '../../support/calendar.js';
import { createPlatformClient, submit, type TestClient } from '../../support/platform.js';
import { waitFor } from '../../support/process.js';
import { useSystem } from '../../support/system.js';
import { readEntry } from '../items/scenarios.js';
import { readBundle, workItem } from './support.js';

const bundle = readBundle('enterprise-start-up');
const ALL = bundle.items.map((item) => item.itemKey);
const REGISTRATION = 'enterprise-establishment-registration';
const THEN = ALL.filter((key) => key !== REGISTRATION);
/** the materials an electronic 营业执照 stands for: none of them is handed in */
const LICENSED = new Set(ALL.flatMap((key) => readEntry(key).materials.filter((m) => m.electronicLicence).map((m) => m.code)));

let names = 0;
const reservedName = (): string => `呼和浩特市青城新创${++names}${Date.now() % 100000}科技有限公司`;

/** A new enterprise's 一表申请: its reserved name, no code, every required material but the licence copies. */
function newEnterprise(name: string): Record<string, unknown> {
  const materials = new Map<string, { code: string; form: string; copies: number }>();
  for (const key of ALL) for (const m of readEntry(key).materials) if (m.required && !LICENSED.has(m.code)) materials.set(m.code, { code: m.code, form: m.form, copies: m.copies });
  return {
    applicant: { category: '法人及非法人组织', name, legalRepresentative: { name: '张建国', idCardNumber: VALID_ID_CARD }, phone: '13904710000' },
    items: ALL, details: { ...(sampleValue(bundle.form as never) as Record<string, unknown>), enterpriseName: name, employeeCount: 5 },
    materials: [...materials.values()], delivery: { method: '窗口领取' },
  };
}

describe('企业开办 for a new enterprise (no code, no licence copies; dated today)', function () {
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

  /** Works the bundle from 一窗受理 to 统一出件; the code 设立登记 assigned. */
  async function walk(driver: CaseDriver): Promise<string> {
    await driver.complete('AcceptBundleTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await workItem(driver.child(REGISTRATION));
    const registration = (await heldLicenceForCase(system.db, `${driver.businessKey}:${REGISTRATION}`))!;
    expect(registration).to.include({ resultName: '营业执照', status: '有效' });
    const code = registration.holderCode!;
    expect(checkCreditCode(code), code).to.deep.equal({ ok: true });
    await Promise.all(THEN.map((key) => workItem(driver.child(key))));
    await driver.task('DeliverBundleTask');
    const results = await driver.variable<Array<{ itemKey: string; outcome: string }>>('bundleResults');
    expect(results.map((r) => [r.itemKey, r.outcome]).sort()).to.deep.equal(ALL.map((key) => [key, '准予']).sort());
    // each later item was applied for under the new code, with the 营业执照 in place of its copy
    const adopted = await driver.variable<Record<string, { applicant: { creditCode: string }; materials: Array<{ code: string; licenceNumber?: string }> }>>('bundleApplications');
    for (const key of THEN) {
      expect(adopted[key]!.applicant.creditCode, key).to.equal(code);
      const licensed = adopted[key]!.materials.filter((m) => LICENSED.has(m.code));
      expect(licensed.map((m) => m.licenceNumber), key).to.deep.equal([registration.licenceNumber]);
      const issued = await heldLicenceForCase(system.db, `${driver.businessKey}:${key}`);
      if (issued) expect(issued.holderCode, key).to.equal(code);
    }
    await driver.complete('DeliverBundleTask', MEMBER.window!, { receivedBy: '张建国' });
    expect(await driver.waitForEnd()).to.equal('BundleClosedEndEvent');
    expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ applicantCode: code, status: '已办结', receivedOn: today });
    return code;
  }

  it('should take a new enterprise online, assign its code in 设立登记 and issue every licence under it; then ask it no 营业执照 copy again (免提交)', async () => {
    const name = reservedName();
    const answer = await submit(system, client.apiKey, { bundleKey: bundle.key, application: newEnterprise(name) });
    expect(answer.status, answer.text).to.equal(201);
    const record = await waitFor('the bundle case', () => findCaseByReceipt(system.db, answer.body.receiptNumber));
    const driver = new CaseDriver(system.admin, bundle.key, record.businessKey);
    driver.processInstanceId = record.processInstanceId;
    const code = await walk(driver);

    // the enterprise now holds a valid 营业执照: a 食品经营许可 without its copy is complete
    const food = readEntry('food-business-licence');
    const application = { ...sampleApplication(food, { creditCode: code, omitMaterials: ['business-licence-copy'] }), applicant: { category: '法人及非法人组织', name, creditCode: code, legalRepresentative: { name: '张建国', idCardNumber: VALID_ID_CARD }, phone: '13904710000' } };
    const accepted = await submit(system, client.apiKey, { itemKey: food.key, application });
    expect(accepted.status, accepted.text).to.equal(201);
    const foodCase = await waitFor('the food case', () => findCaseByReceipt(system.db, accepted.body.receiptNumber));
    const foodDriver = new CaseDriver(system.admin, food.key, foodCase.businessKey);
    await foodDriver.task('ReviewMaterialsTask');
    const onFile = await foodDriver.variable<{ materials: Array<{ code: string; licenceNumber?: string }> }>('application');
    const registration = (await heldLicenceForCase(system.db, `${record.businessKey}:${REGISTRATION}`))!;
    expect(onFile.materials.find((m) => m.code === 'business-licence-copy')).to.include({ licenceNumber: registration.licenceNumber });
    await foodDriver.cancel();
  });

  it('should take a new enterprise at the window with no code in the start form, and end with its licences under the code 设立登记 assigned', async () => {
    const name = reservedName();
    const application = newEnterprise(name);
    const details = application.details as Record<string, unknown>;
    const started = await system.admin.as({ username: MEMBER.window!, password: DEMO_PASSWORD }).post<{ id: string; businessKey: string }>(`/process-definition/key/${bundle.key}/submit-form`, { variables: toVariables({
      itemsTicked: ALL, applicantCategory: '法人及非法人组织', applicantName: name, legalRepresentativeName: '张建国', legalRepresentativeIdCardNumber: VALID_ID_CARD,
      applicantPhone: '13904710000', materialsReceived: (application.materials as Array<{ code: string }>).map((m) => m.code), deliveryMethod: '窗口领取',
      ...Object.fromEntries(Object.entries(details).map(([key, value]) => [`detail_${key}`, value])),
    }) });
    const driver = new CaseDriver(system.admin, bundle.key, started.businessKey);
    driver.processInstanceId = started.id;
    await walk(driver);
  });

  it('should NOT drop the code from another start form: only a bundle whose first item assigns it', () => {
    const creditCodeRule = (key: string) => {
      const other = readBundle(key);
      const items = new Map(other.items.map(({ itemKey }) => [itemKey, readEntry(itemKey)]));
      return bundleStartFormRules(other, items).find((rule) => rule.variable === 'applicantCreditCode');
    };
    expect(creditCodeRule(bundle.key)).to.not.have.property('required');
    expect(creditCodeRule('road-excavation')).to.include({ required: true });
    expect(creditCodeRule('utility-connection')).to.include({ required: true });
  });

  it('should NOT waive what the applicant does not hold: another enterprise\'s licence, or none, is named at once (422)', async () => {
    const food = readEntry('food-business-licence');
    const stranger = uniqueCreditCode();
    const none = await submit(system, client.apiKey, { itemKey: food.key, application: sampleApplication(food, { creditCode: stranger, omitMaterials: ['business-licence-copy'] }) });
    expect(none.status, none.text).to.equal(422);
    expect(none.body.problems.map((p: { field: string; rule: string }) => `${p.field} ${p.rule}`)).to.deep.equal(['/application/materials/business-licence-copy material:missing']);

    const { licenceNumber } = (await waitFor('a 营业执照', async () => (await system.db('licence').where({ result_name: '营业执照' }).first()) as { licence_number: string } | undefined).then((row) => ({ licenceNumber: row.licence_number })));
    const borrowed = sampleApplication(food, { creditCode: stranger });
    (borrowed.materials as Array<Record<string, unknown>>).find((m) => m.code === 'business-licence-copy')!.licenceNumber = licenceNumber;
    const refused = await submit(system, client.apiKey, { itemKey: food.key, application: borrowed });
    expect(refused.status, refused.text).to.equal(422);
    expect(refused.body.problems[0]).to.include({ field: '/application/materials/1/licenceNumber', rule: 'material:licence' });
    expect(refused.body.problems[0].message).to.contain('持证人不是本申请人');

    // a code is still required of an existing enterprise, and a new one applies under its reserved name
    const noCode = sampleApplication(food);
    delete (noCode.applicant as Record<string, unknown>).creditCode;
    const withoutCode = await submit(system, client.apiKey, { itemKey: food.key, application: noCode });
    expect(withoutCode.status).to.equal(422);
    expect(withoutCode.body.problems.map((p: { field: string }) => p.field)).to.include('/application/applicant/creditCode');
    const otherName = newEnterprise(reservedName());
    (otherName.applicant as Record<string, unknown>).name = '呼和浩特市另一家有限公司';
    const misnamed = await submit(system, client.apiKey, { bundleKey: bundle.key, application: otherName });
    expect(misnamed.status, misnamed.text).to.equal(422);
    expect(misnamed.body.problems.map((p: { field: string; rule: string }) => `${p.field} ${p.rule}`)).to.deep.equal(['/application/applicant/name newHolder:name']);
  });
});
