// 企业开办一件事: 设立登记 first, then 公章刻制, 发票及税务UKey, 社保登记, 银行开户, 公积金 in
// parallel; one day (9-30 → 10-08).
import { expect } from 'chai';
import { findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import { licenceForCase } from '../../../lib/repositories/licences.js';
import { MEMBER } from '../../support/cases.js';
import { uniqueCreditCode } from '../../support/applications.js';
import { useSystem } from '../../support/system.js';
import { bundleApplication, readBundle, startBundle, workItem } from './support.js';

const bundle = readBundle('enterprise-start-up');
const ALL = bundle.items.map((item) => item.itemKey);
const FIRST = bundle.items.filter((item) => (item.stage ?? 1) === 1).map((item) => item.itemKey);
const THEN = ALL.filter((key) => !FIRST.includes(key));

describe('企业开办一件事 (enterprise start-up bundle)', function () {
  this.timeout(180_000);

  for (const [label, ticked] of [['all items', ALL], ['a subset', [...FIRST, THEN[0]!, THEN[2]!]]] as const) {
    it(`should register first, then run the others in parallel and deliver once (${label})`, async () => {
      const system = await useSystem();
      const driver = await startBundle(bundle.key, bundleApplication(bundle, [...ticked], uniqueCreditCode()));
      await driver.complete('AcceptBundleTask', MEMBER.window!, { acceptanceDecision: 'accept' });
      for (const key of FIRST) await workItem(driver.child(key));
      await Promise.all(ticked.filter((key) => THEN.includes(key)).map((key) => workItem(driver.child(key))));
      await driver.task('DeliverBundleTask');
      const results = await driver.variable<Array<{ itemKey: string; outcome: string }>>('bundleResults');
      expect(results.map((r) => r.itemKey).sort()).to.deep.equal([...ticked].sort());
      expect(results.every((r) => r.outcome === '准予')).to.equal(true);
      await driver.complete('DeliverBundleTask', MEMBER.window!, { receivedBy: '张建国' });
      expect(await driver.waitForEnd()).to.equal('BundleClosedEndEvent');
      expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ decisionDeadline: '2026-10-08', status: '已办结' });
      // registration came before the rest: every stage-2 case started after it ended
      const registration = await system.admin.get<Array<{ endTime: string }>>(`/history/process-instance?processInstanceBusinessKey=${encodeURIComponent(`${driver.businessKey}:${FIRST[0]}`)}&processDefinitionKey=${FIRST[0]}`);
      for (const key of ticked.filter((k) => THEN.includes(k))) {
        const [started] = await system.admin.get<Array<{ startTime: string }>>(`/history/process-instance?processInstanceBusinessKey=${encodeURIComponent(`${driver.businessKey}:${key}`)}&processDefinitionKey=${key}`);
        expect(new Date(started!.startTime).getTime(), key).to.be.at.least(new Date(registration[0]!.endTime).getTime());
      }
      expect(await licenceForCase(system.db, `${driver.businessKey}:${FIRST[0]}`)).to.include({ status: '有效' });
    });
  }

  it('should hand out the others and say why one item was refused (partial outcome)', async () => {
    const driver = await startBundle(bundle.key, bundleApplication(bundle, [...FIRST, THEN[0]!, THEN[1]!], uniqueCreditCode()));
    await driver.complete('AcceptBundleTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    for (const key of FIRST) await workItem(driver.child(key));
    await workItem(driver.child(THEN[0]!), true);
    await workItem(driver.child(THEN[1]!));
    await driver.task('DeliverBundleTask');
    const summary = await driver.variable<string>('bundleResultSummary');
    expect(summary).to.contain('未获准').and.to.contain('经审查不符合法定条件');
    expect(await driver.variable('bundleGrantedCount')).to.equal(2);
    await driver.complete('DeliverBundleTask', MEMBER.window!, { receivedBy: '张建国' });
    expect(await driver.waitForEnd()).to.equal('BundleClosedEndEvent');
  });

  it('should refuse contradictory answers and a required item left unticked, all at once', async () => {
    const application = bundleApplication(bundle, THEN.slice(0, 3));
    const social = bundle.rules?.[0];
    if (social) (application.details as Record<string, unknown>)[social.field] = 0;
    (application.items as string[]).push('social-insurance-registration');
    const driver = await startBundle(bundle.key, application);
    await driver.task('NotifyBundleDeficienciesTask');
    const messages = (await driver.variable<Array<{ message: string }>>('bundleProblems')).map((p) => p.message);
    expect(messages.some((m) => m.includes('必办事项'))).to.equal(true);
    if (social) expect(messages).to.include(social.message);
    await driver.cancel();
  });
});
