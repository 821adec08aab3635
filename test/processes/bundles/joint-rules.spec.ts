// 会签 rules of the 联合踏勘, from the bundle's catalogue entry (jointInspection.rule): 全部同意
// (the default, road-excavation.spec.ts), 多数同意 and 任一同意; the multi-instance's completion
// condition ends the other departments' inspections once the outcome is settled. Dated today
// (the items' deadlines may need the TEST 2027).
import { expect } from 'chai';
import type { BundleEntry, JointRule } from '../../../lib/catalogue/bundle.js';
import { saveBundle } from '../../../lib/repositories/bundles.js';
import type { System } from '../../../bin/system.js';
import { todayIn } from '../../../lib/calendar/deadlines.js';
import { publishTest2027, withdrawTest2027 } from '../../support/calendar.js';
import { CaseDriver, MEMBER } from '../../support/cases.js';
import { waitFor } from '../../support/process.js';
import { useSystem } from '../../support/system.js';
import { bundleApplication, readBundle } from './support.js';

const original: BundleEntry = readBundle('road-excavation');
const ALL = original.items.map((item) => item.itemKey);

describe('会签 rules of the 联合踏勘 (全部同意 / 多数同意 / 任一同意)', function () {
  this.timeout(180_000);
  let system: System;

  const under = async (rule: JointRule): Promise<CaseDriver> => {
    await saveBundle(system.db, { ...original, jointInspection: { ...original.jointInspection!, rule } }, 'test');
    const driver = await new CaseDriver(system.admin, original.key).start({ receivedOn: todayIn(system.config.deadlines.utcOffset), application: bundleApplication(original, ALL) });
    await driver.complete('AcceptBundleTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    return driver;
  };
  const inspections = async (driver: CaseDriver) => (await driver.openTasks()).filter((task) => task.taskDefinitionKey === 'InspectTask');
  const opine = async (driver: CaseDriver, group: string, opinion: Record<string, unknown>): Promise<void> => {
    const task = await waitFor(`${group}'s inspection`, async () => (await inspections(driver)).find((open) => open.group === group));
    await driver.completeTask(task, { inspector: `${group} 踏勘员`, ...opinion });
  };
  const merged = (driver: CaseDriver) => waitFor('the merged opinion', async () => (await driver.variable<string>('jointOpinion')) ?? undefined);

  before(async () => {
    system = await useSystem();
    await publishTest2027(system);
  });
  after(async () => {
    await saveBundle(system.db, original, 'test');
    await withdrawTest2027(system);
  });

  it('任一同意: should settle with the first department that agrees and end the other inspections', async () => {
    const driver = await under('任一同意');
    await waitFor('three inspections', async () => ((await inspections(driver)).length === 3 ? true : undefined));
    await opine(driver, 'municipalReview', { inspectionOpinion: '有条件同意', inspectionConditions: '施工后恢复路面' });
    expect(await merged(driver)).to.equal('有条件同意');
    expect(await inspections(driver)).to.deep.equal([]);
    expect(await driver.variable('jointConditions')).to.equal('市政公用审批科: 施工后恢复路面');
    await driver.cancel();
  });

  it('多数同意: should settle when two of three agree, and when two of three refuse', async () => {
    const granted = await under('多数同意');
    await opine(granted, 'municipalReview', { inspectionOpinion: '同意' });
    expect(await inspections(granted)).to.have.length(2);
    await opine(granted, 'constructionReview', { inspectionOpinion: '同意' });
    expect(await merged(granted)).to.equal('同意');
    expect(await inspections(granted)).to.deep.equal([]);
    await granted.cancel();

    const refused = await under('多数同意');
    await opine(refused, 'municipalReview', { inspectionOpinion: '不同意', inspectionReason: '管线位置冲突' });
    await opine(refused, 'publicSecurityReview', { inspectionOpinion: '不同意', inspectionReason: '交通压力大' });
    expect(await merged(refused)).to.equal('不同意');
    expect(await refused.variable('jointRefusalReasons')).to.contain('市政公用审批科: 管线位置冲突').and.contain('公安审批科: 交通压力大');
    expect(await inspections(refused)).to.deep.equal([]);
    await refused.cancel();
  });

  it('should NOT end the inspections early under 全部同意 (the default): one 同意 settles nothing', async () => {
    const driver = await under('全部同意');
    await opine(driver, 'municipalReview', { inspectionOpinion: '同意' });
    await opine(driver, 'constructionReview', { inspectionOpinion: '同意' });
    expect(await inspections(driver)).to.have.length(1);
    expect(await driver.variable('jointOpinion')).to.equal(undefined);
    await driver.cancel();
  });
});
