// 一窗受理 from the Tasklist: the front desk starts a case with the item's start form (over the
// REST call the Tasklist makes), the desk clerk gets its 一次性告知 at once, invalid data starts
// no case, and only the window may start cases.
import { expect } from 'chai';
import { toVariables } from '../../lib/engine/client.js';
import { startForm, startFormRules } from '../../lib/catalogue/start-form.js';
import type { System } from '../../bin/system.js';
import { readEntry } from './items/scenarios.js';
import { CaseDriver, DEMO_PASSWORD, MEMBER } from '../support/cases.js';
import { useSystem } from '../support/system.js';
import { deskStartValues, VALID_CREDIT_CODE } from '../support/applications.js';
import { deskBusinessKey } from '../../lib/cases/identity.js';

const entry = readEntry('pharmacy-retail-licence');
/** What the desk types into the start form: a company applying, every material but the omitted. */
const deskForm = (overrides: Record<string, unknown> = {}, omit?: string[]): Record<string, unknown> => deskStartValues(entry, overrides, omit);

describe('front-desk start forms (一窗受理)', function () {
  this.timeout(120_000);
  let system: System;
  const as = (user: string) => system.admin.as({ username: user, password: DEMO_PASSWORD });
  const instancesOf = async (): Promise<number> => (await system.admin.get<{ count: number }>(`/process-instance/count?processDefinitionKey=${entry.key}`)).count;

  before(async () => {
    system = await useSystem();
  });

  it('should generate a start form and its engine rules from the catalogue entry', () => {
    const form = startForm(entry) as { id: string; components: Array<{ key?: string; values?: Array<{ value: string }> }> };
    expect(form.id).to.equal(`${entry.key}-start`);
    const materials = form.components.find((c) => c.key === 'materialsReceived')!;
    expect(materials.values!.map((v) => v.value)).to.deep.equal(entry.materials.map((m) => m.code));
    const rules = startFormRules(entry);
    expect(rules.find((r) => r.variable === 'applicantPhone')).to.include({ required: true, pattern: '^1[3-9]\\d{9}$' });
    expect(rules.find((r) => r.variable === 'applicantIdCardNumber')!.when).to.deep.equal({ variable: 'applicantCategory', equals: '自然人' });
  });

  it('should start a case from the start form, name it, and give the desk clerk its 一次性告知 at once', async () => {
    const started = await as(MEMBER.window!).post<{ id: string; businessKey: string }>(`/process-definition/key/${entry.key}/submit-form`, { variables: toVariables(deskForm()) });
    expect(started.businessKey).to.equal(deskBusinessKey(started.id));
    const driver = new CaseDriver(system.admin, entry.key, started.businessKey);
    driver.processInstanceId = started.id;
    const notice = await driver.task('NotifyDeficienciesTask');
    const assigned = await system.admin.get<{ assignee: string | null }>(`/task/${notice.id}`);
    expect(assigned.assignee).to.equal(MEMBER.window);
    const summary = await driver.variable<string>('applicationProblemSummary');
    expect(summary).to.contain('经营场所和仓库房屋产权或使用权证明');
    const application = await driver.variable<{ applicant: { creditCode: string }; materials: Array<{ code: string }>; details: Record<string, unknown> }>('application');
    expect(application.applicant.creditCode).to.equal(VALID_CREDIT_CODE);
    expect(application.materials.map((m) => m.code)).not.to.include('premises-proof');
    expect(application.details).to.include({ qualityManager: '李药师' });
    // the desk clerk sees it under 我的待办
    const filters = await system.admin.get<Array<{ id: string; name: string }>>('/filter?resourceType=Task');
    const mine = filters.find((f) => f.name === '我的待办')!;
    expect((await as(MEMBER.window!).post<Array<{ id: string }>>(`/filter/${mine.id}/list`, {})).map((t) => t.id)).to.include(notice.id);
    await driver.cancel();
  });

  it('should start NO case from a start form with invalid data, and name every problem', async () => {
    const before = await instancesOf();
    const response = await fetch(`${system.config.engine.restUrl}/process-definition/key/${entry.key}/submit-form`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic ' + Buffer.from(`${MEMBER.window}:${DEMO_PASSWORD}`).toString('base64') },
      body: JSON.stringify({ variables: toVariables(deskForm({ applicantPhone: '12345', applicantName: '', legalRepresentativeIdCardNumber: '1101051949' })) }),
    });
    expect(response.status).to.be.within(400, 599);
    const body = (await response.json()) as { message: string };
    for (const field of ['联系电话', '申请人名称', '法定代表人身份证号码']) expect(body.message).to.contain(field);
    expect(await instancesOf()).to.equal(before);
  });

  it('should let only the window start a case: a review section may not (403)', async () => {
    const before = await instancesOf();
    const refused = await as(MEMBER.marketReview!).post(`/process-definition/key/${entry.key}/submit-form`, { variables: toVariables(deskForm()) }).then(() => 'started', (error: Error) => error.message);
    expect(refused).to.match(/403/);
    expect(await instancesOf()).to.equal(before);
    // nor may the window start a building block on its own: it only runs called by an item
    const block = await as(MEMBER.window!).post('/process-definition/key/acceptance/start', { variables: toVariables({ itemKey: entry.key }) }).then(() => 'started', (error: Error) => error.message);
    expect(block).to.match(/403/);
  });

  it('should start a 一件事 from its start form: ticked items, one form, the materials of all items once', async () => {
    const registration = readEntry('enterprise-establishment-registration');
    const started = await as(MEMBER.window!).post<{ id: string; businessKey: string }>('/process-definition/key/enterprise-start-up/submit-form', { variables: toVariables({
      // the bundle's form has the applicant and the bundle's own details, not the food licence's
      ...Object.fromEntries(Object.entries(deskForm({ materialsReceived: registration.materials.filter((m) => m.required).map((m) => m.code) })).filter(([key]) => !key.startsWith('detail_'))),
      itemsTicked: ['enterprise-establishment-registration'],
      detail_enterpriseName: '呼和浩特市青城大药房有限公司', detail_enterpriseType: '其他有限责任公司', detail_registeredCapital: 100,
      detail_residence: '呼和浩特市新城区新华大街一号', detail_businessScope: '药品零售',
    }) });
    const driver = new CaseDriver(system.admin, 'enterprise-start-up', started.businessKey);
    driver.processInstanceId = started.id;
    const accept = await driver.task('AcceptBundleTask');
    expect((await system.admin.get<{ assignee: string | null }>(`/task/${accept.id}`)).assignee).to.equal(MEMBER.window);
    const application = await driver.variable<{ items: string[]; details: Record<string, unknown> }>('application');
    expect(application.items).to.deep.equal(['enterprise-establishment-registration']);
    expect(application.details).to.include({ enterpriseName: '呼和浩特市青城大药房有限公司', registeredCapital: 100 });
    await driver.cancel();
  });

  it('should offer the window exactly the items and bundles in the Tasklist start dialog', async () => {
    const startable = await as(MEMBER.window!).get<Array<{ key: string }>>('/process-definition?latestVersion=true&active=true&startableInTasklist=true&startablePermissionCheck=true&maxResults=500');
    const keys = startable.map((d) => d.key);
    expect(keys).to.include.members([entry.key, 'enterprise-start-up', 'utility-connection', 'road-excavation']);
    expect(keys).not.to.include('acceptance');
    expect(await as(MEMBER.marketReview!).get<unknown[]>('/process-definition?latestVersion=true&startableInTasklist=true&startablePermissionCheck=true')).to.deep.equal([]);
  });
});
