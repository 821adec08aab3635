// 文书 on the real engine (食品经营许可): each act of a case is issued once as a numbered PDF whose
// text (extracted with a PDF library) names the applicant, the 受理编号, the 文号 and the dates
// counted in working days; a redelivered task gets the same document and the number sequence
// has no gap; the SMS notices reach a local gateway once each, also after it was down.
import { expect } from 'chai';
import { chineseDate, decisionDocument } from '../../../lib/documents/index.js';
import { loadCalendar } from '../../../lib/repositories/calendar.js';
import { findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import { documentsOfCase } from '../../../lib/repositories/documents.js';
import { documentsOf, expectDocument } from '../../support/documents.js';
import { sampleApplication, uniqueCreditCode } from '../../support/applications.js';
import { CaseDriver, DECIDER, MEMBER } from '../../support/cases.js';
import { waitFor } from '../../support/process.js';
import { call, createPlatformClient, OpenApiValidator } from '../../support/platform.js';
import { smsGateway, useSystem } from '../../support/system.js';
import { basic, webBase } from '../../support/web.js';
import { after0930, afterDay, readEntry } from '../items/scenarios.js';

const food = readEntry('food-business-licence');
const RECEIVED = { receivedOn: '2026-09-30', clockDate: '2026-09-30' };

async function grantAndHandOver(driver: CaseDriver): Promise<void> {
  await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewOpinion: '符合条件', reviewAction: 'submit' });
  await driver.complete('SiteInspectionTask', MEMBER.marketReview!, { siteInspectionResult: '合格', siteInspectionOpinion: '一致' });
  await driver.complete('DecisionTask', DECIDER.marketReview!, { decision: 'grant', decisionContent: '热食类食品制售' });
  await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
}

describe('文书 of a case (food-business-licence)', function () {
  this.timeout(180_000);
  let finished: CaseDriver | undefined;

  it('should issue 受理通知书, 准予行政许可决定书, the licence and 送达回证 once each, from 受理 to 出件', async () => {
    const system = await useSystem();
    const driver = await new CaseDriver(system.admin, food.key).start({ application: sampleApplication(food), ...RECEIVED });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await grantAndHandOver(driver);
    expect(await driver.waitForEnd()).to.equal('CaseClosedEndEvent');
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const documents = await documentsOf(driver.businessKey, ['acceptance', 'grant', 'licence', 'delivery-receipt']);
    expect(documents.map((document) => document.kind)).to.deep.equal(['acceptance', 'grant', 'licence', 'delivery-receipt']);
    // accepted 9-30; the decision is due 12 working days later (counted by hand over National Day)
    await expectDocument(documents, 'acceptance', record.receiptNumber, ['受理通知书', `受理日期：${chineseDate('2026-09-30')}`, `${food.promisedTimeLimit}个工作日内（即${chineseDate(after0930(food.promisedTimeLimit))}前）`]);
    const grant = await expectDocument(documents, 'grant', record.receiptNumber, ['准予行政许可决定书', '热食类食品制售', '六十日内依法申请行政复议', '六个月内依法向人民法院提起行政诉讼', chineseDate('2026-09-30')]);
    expect(grant.templateVersion).to.equal(1);
    const licence = (await system.db('licence').where({ business_key: driver.businessKey }).first('licence_number')).licence_number as string;
    await expectDocument(documents, 'licence', record.receiptNumber, [food.result.name, licence, '有效期限']);
    await expectDocument(documents, 'delivery-receipt', record.receiptNumber, ['送达回证', grant.documentNumber, '窗口领取']);
    finished = driver;
  });

  it('should list the documents in the case record, print them for staff who may read the case, and verify them publicly', async () => {
    const system = await useSystem();
    const record = (await findCaseByBusinessKey(system.db, finished!.businessKey))!;
    const base = webBase(system);
    await waitFor('the 受理 SMS sent', async () => ((await system.db('outbox_message').where({ channel: 'sms', status: 'delivered' }).whereRaw("payload->>'receiptNumber' = ?", [record.receiptNumber]).first('id')) ? true : undefined));
    const answer = await fetch(`${base}/api/cases/${record.receiptNumber}`, { headers: { authorization: basic('window1') } });
    const { documents } = (await answer.json()) as { documents: Array<{ id: number; kind: string; href: string; sha256: string; verificationCode: string; sms: { status: string } }> };
    expect(documents.map((document) => document.kind)).to.deep.equal(['acceptance', 'grant', 'licence', 'delivery-receipt']);
    expect(documents[0]!.sms.status).to.equal('已发送');
    const pdf = await fetch(`${base}${documents[1]!.href}`, { headers: { authorization: basic('market1') } });
    expect(pdf.status).to.equal(200);
    expect(pdf.headers.get('content-type')).to.equal('application/pdf');
    expect(pdf.headers.get('x-document-sha256')).to.equal(documents[1]!.sha256);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).to.equal('%PDF-');
    const page = await (await fetch(`${base}/cases/${record.receiptNumber}`, { headers: { authorization: basic('window1') } })).text();
    expect(page).to.contain('准予行政许可决定书').and.to.contain(`/cases/${record.receiptNumber}/documents/${documents[1]!.id}`).and.to.contain('打印');
    const verified = await fetch(`${base}/public/documents/${documents[1]!.verificationCode}`, { headers: { accept: 'application/json' } });
    expect(await verified.json()).to.include({ authentic: true, receiptNumber: record.receiptNumber, sha256: documents[1]!.sha256 });
    expect((await fetch(`${base}/public/documents/AAAAAAAAAAAA`, { headers: { accept: 'application/json' } })).status).to.equal(404);
  });

  it('should NOT let a section that had no task in the case print its documents', async () => {
    const system = await useSystem();
    const record = (await findCaseByBusinessKey(system.db, finished!.businessKey))!;
    const [document] = await documentsOfCase(system.db, finished!.businessKey);
    const answer = await fetch(`${webBase(system)}/api/cases/${record.receiptNumber}/documents/${document!.id}`, { headers: { authorization: basic('health1') } });
    expect(answer.status).to.equal(403);
  });

  it('should give the applicant the documents through /api/v1 with the proof of 办件查询, and NOT with a wrong one', async () => {
    const system = await useSystem();
    const record = (await findCaseByBusinessKey(system.db, finished!.businessKey))!;
    const client = await createPlatformClient(system);
    const validator = await OpenApiValidator.load(system);
    const progress = await call(system, `/api/v1/cases/${record.receiptNumber}/progress`, { key: client.apiKey, json: { phone: '13904710000' } });
    expect(progress.status).to.equal(200);
    expect(validator.check('/api/v1/cases/{receiptNumber}/progress', 'post', 200, progress.body)).to.equal(undefined);
    const grant = (progress.body.documents as Array<{ id: number; kind: string; sha256: string }>).find((document) => document.kind === 'grant')!;
    const download = await fetch(`${webBase(system)}/api/v1/cases/${record.receiptNumber}/documents/${grant.id}`, {
      method: 'POST', headers: { authorization: `Bearer ${client.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ applicantCode: record.applicantCode }),
    });
    expect(download.status).to.equal(200);
    expect(download.headers.get('x-document-sha256')).to.equal(grant.sha256);
    const wrong = await call(system, `/api/v1/cases/${record.receiptNumber}/documents/${grant.id}`, { key: client.apiKey, json: { phone: '13900000000' } });
    expect(wrong.status).to.equal(404);
    expect(validator.check('/api/v1/cases/{receiptNumber}/documents/{documentId}', 'post', 404, wrong.body)).to.equal(undefined);
  });

  it('should issue the 一次性告知书 with every missing material and the 30 working days to correct them', async () => {
    const system = await useSystem();
    const missing = food.materials.filter((material) => material.required && !material.deferrable).slice(-2);
    const driver = await new CaseDriver(system.admin, food.key).start({ application: sampleApplication(food, { omitMaterials: missing.map((material) => material.code) }), ...RECEIVED });
    await driver.complete('NotifyDeficienciesTask', MEMBER.window!, { acceptanceDecision: 'notify', noticeChannel: 'on-site' });
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const documents = await documentsOf(driver.businessKey, ['correction']);
    await expectDocument(documents, 'correction', record.receiptNumber, ['一次性告知书', ...missing.map((material) => material.name), `请于${chineseDate(after0930(30))}前（30个工作日内）`]);
    await driver.cancel();
  });

  it('should issue the 不予行政许可决定书 with the reason and the rights of appeal, and give the same document to a redelivered task', async () => {
    const system = await useSystem();
    const driver = await new CaseDriver(system.admin, food.key).start({ application: sampleApplication(food), ...RECEIVED });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewOpinion: '不符合条件', reviewAction: 'submit' });
    await driver.complete('SiteInspectionTask', MEMBER.marketReview!, { siteInspectionResult: '不合格', siteInspectionOpinion: '加工场所布局不合理' });
    await driver.complete('DecisionTask', DECIDER.marketReview!, { decision: 'deny', decisionReason: '经营场所与污染源距离不足 25 米' });
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const documents = await documentsOf(driver.businessKey, ['denial']);
    const denial = await expectDocument(documents, 'denial', record.receiptNumber, ['不予行政许可决定书', '经营场所与污染源距离不足25米', '六十日内依法申请行政复议', '六个月内依法向人民法院提起行政诉讼']);
    expect(documents.map((document) => document.kind)).not.to.include('grant');

    // the decision's task delivered again (same activity instance): the same document, no new number
    const [act] = await system.admin.get<Array<{ id: string }>>(`/history/activity-instance?activityId=RecordDecisionTask&processInstanceId=${(await system.admin.get<Array<{ id: string }>>(`/history/process-instance?processInstanceBusinessKey=${encodeURIComponent(driver.businessKey)}&processDefinitionKey=decision`))[0]!.id}`);
    const context = { db: system.db, settings: { publicUrl: system.config.web.publicUrl }, calendar: await loadCalendar(system.db) };
    const again = await decisionDocument(context, { businessKey: driver.businessKey, actId: act!.id, on: '2026-09-30', granted: false, reason: '经营场所与污染源距离不足 25 米' });
    expect(again).to.include({ id: denial.id, documentNumber: denial.documentNumber, sha256: denial.sha256, replayed: true });
    expect((await documentsOfCase(system.db, driver.businessKey)).filter((document) => document.kind === 'denial')).to.have.length(1);
    await driver.cancel();
  });

  it('should issue the 延长审批期限决定书 with the new deadline, the 特别程序告知书 and, at the restart, the moved deadline (Art. 42, 45)', async () => {
    const system = await useSystem();
    const driver = await new CaseDriver(system.admin, food.key).start({ application: sampleApplication(food), ...RECEIVED });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewOpinion: '需补充核查', reviewAction: 'extend', extensionReason: '需征求相关部门意见', clockDate: '2026-10-09' });
    await driver.complete('ApproveExtensionTask', MEMBER.leaders!, { extensionApproved: true, leaderComment: '同意' });
    await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewAction: 'suspend', specialProcedure: '专家评审', specialProcedureReason: '需组织专家论证', clockDate: '2026-10-12' });
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const documents = await documentsOf(driver.businessKey, ['extension', 'special-procedure']);
    const before = after0930(food.promisedTimeLimit);
    await expectDocument(documents, 'extension', record.receiptNumber, ['延长审批期限决定书', '需征求相关部门意见', `延长10个工作日，至${chineseDate(afterDay(before, 10))}`, chineseDate('2026-10-09')]);
    await expectDocument(documents, 'special-procedure', record.receiptNumber, ['特别程序告知书', '专家评审', `自${chineseDate('2026-10-12')}起暂停计算`]);
    // the expert review ends on 10-16: 10-13 … 10-16 (4 working days) do not count
    await driver.complete('SpecialProcedureTask', MEMBER.marketReview!, { specialProcedureResult: '专家论证通过', clockDate: '2026-10-16' });
    const restarted = await documentsOf(driver.businessKey, ['clock-restart']);
    await expectDocument(restarted, 'clock-restart', record.receiptNumber, ['恢复计算审批期限告知书', '所用4个工作日', `顺延至${chineseDate(afterDay(afterDay(before, 10), 4))}`]);
    await driver.cancel();
  });

  it('should issue the 容缺受理承诺书, and on a missed deadline a 撤销行政许可决定书 while the decision and the licence stay', async () => {
    const system = await useSystem();
    const driver = await new CaseDriver(system.admin, food.key).start({ ...RECEIVED, application: sampleApplication(food, { omitMaterials: ['equipment-list'], creditCode: uniqueCreditCode() }) });
    await driver.complete('OfferPromiseTask', MEMBER.window!, { acceptanceDecision: 'accept-promise' });
    await grantAndHandOver(driver);
    await documentsOf(driver.businessKey, ['licence']);
    await driver.fireTimer('SupplementDeadlineTimer');
    expect(await driver.waitForEnd()).to.equal('CaseTerminatedEndEvent');
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const documents = await documentsOf(driver.businessKey, ['deferral-promise', 'grant', 'licence', 'revocation']);
    const equipment = food.materials.find((material) => material.code === 'equipment-list')!;
    await expectDocument(documents, 'deferral-promise', record.receiptNumber, ['容缺受理承诺书', equipment.name, '逾期未补正的，终止办理']);
    const licence = await expectDocument(documents, 'licence', record.receiptNumber, []);
    const revocation = await expectDocument(documents, 'revocation', record.receiptNumber, ['撤销行政许可决定书', '第六十九条', '六十日内依法申请行政复议']);
    expect(revocation.id).to.be.greaterThan(licence.id);
    // the breach is told to the applicant by SMS too, once
    const told = await waitFor('the breach SMS', async () => [...smsGateway().messages.values()].find((message) => message.body.receiptNumber === record.receiptNumber && message.body.kind === 'breach'));
    expect(told.deliveries).to.equal(1);
    expect(told.body.text).to.contain('依法撤销');
  });

  it('should issue the 不予受理通知书 with the reason and the rights of appeal', async () => {
    const system = await useSystem();
    const driver = await new CaseDriver(system.admin, food.key).start({ application: sampleApplication(food), ...RECEIVED });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'refuse', refusalReason: '申请事项依法不需要取得行政许可' });
    expect(await driver.waitForEnd()).to.equal('NotAcceptedEndEvent');
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const documents = await documentsOf(driver.businessKey, ['refusal']);
    await expectDocument(documents, 'refusal', record.receiptNumber, ['不予受理通知书', '申请事项依法不需要取得行政许可', chineseDate('2026-09-30'), '六十日内依法申请行政复议']);
    expect(documents.map((document) => document.kind)).to.deep.equal(['refusal']);
  });

  it('should issue the 告知承诺书 the applicant signs, with the promised proof, the 20 working days and the liability', async () => {
    const system = await useSystem();
    const permit = readEntry('construction-permit');
    const driver = await new CaseDriver(system.admin, permit.key).start({
      ...RECEIVED, application: sampleApplication(permit, { omitMaterials: ['drawing-review-certificate'], creditCode: uniqueCreditCode(), commitment: { signed: true, signatory: '张建国' } }),
    });
    await driver.complete('OfferPromiseTask', MEMBER.window!, { acceptanceDecision: 'accept-promise' });
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const documents = await documentsOf(driver.businessKey, ['commitment-promise', 'acceptance']);
    const certificate = permit.materials.find((material) => material.code === 'drawing-review-certificate')!;
    // 20 working days from 9-30 over National Day → 11-03
    await expectDocument(documents, 'commitment-promise', record.receiptNumber, ['告知承诺书', certificate.name, `承诺在${chineseDate('2026-11-03')}前（20个工作日内）`, '违诺责任']);
    await expectDocument(documents, 'acceptance', record.receiptNumber, ['受理通知书', '告知承诺受理']);
    await driver.cancel();
  });

  it('should number each kind per year without a gap or a repeat', async () => {
    const system = await useSystem();
    const rows = await system.db('case_document').select('kind', 'document_number');
    const byKind = new Map<string, number[]>();
    for (const row of rows as Array<{ kind: string; document_number: string }>) {
      const sequence = Number(/第(\d{6})号$/.exec(row.document_number)![1]);
      byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), sequence]);
    }
    expect(byKind.size).to.be.greaterThan(5);
    for (const [kind, numbers] of byKind) {
      expect(numbers.sort((a, b) => a - b), kind).to.deep.equal(numbers.map((_, i) => i + 1));
    }
  });

  it('should send each notice to the SMS gateway once, also when the gateway was down', async () => {
    const system = await useSystem();
    const gateway = smsGateway();
    await gateway.down();
    const driver = await new CaseDriver(system.admin, food.key).start({ application: sampleApplication(food), ...RECEIVED });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    await documentsOf(driver.businessKey, ['acceptance']);
    const pending = await system.db('outbox_message').where({ channel: 'sms' }).whereRaw("payload->>'receiptNumber' = ?", [record.receiptNumber]).first('status', 'attempts');
    await waitFor('a failed attempt', async () => ((await system.db('outbox_message').where({ channel: 'sms' }).whereRaw("payload->>'receiptNumber' = ?", [record.receiptNumber]).first('attempts'))?.attempts > 0 ? true : undefined));
    expect(pending).to.include({ status: 'pending' });
    await gateway.up();
    const received = await waitFor('the 受理 SMS', async () => [...gateway.messages.values()].find((message) => message.body.receiptNumber === record.receiptNumber && message.body.kind === 'acceptance'), 20_000);
    expect(received.deliveries).to.equal(1);
    expect(received.body).to.include({ to: '13904710000' });
    expect(received.body.text).to.contain(`受理编号${record.receiptNumber}`);
    await driver.cancel();
  });
});
