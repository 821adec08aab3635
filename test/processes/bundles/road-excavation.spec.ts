// 道路挖掘一件事: three road/pipe/bridge items, one set of materials, 联合踏勘 by three
// departments, one unified result; target 5 working days (from 20): 9-30 → 10-13.
import { expect } from 'chai';
import { findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import { documentsOfCase } from '../../../lib/repositories/documents.js';
import { pdfText } from '../../support/documents.js';
import { licenceForCase } from '../../../lib/repositories/licences.js';
import { instant, MEMBER } from '../../support/cases.js';
import { waitFor } from '../../support/process.js';
import { useSystem } from '../../support/system.js';
import { bundleApplication, readBundle, startBundle, workItem } from './support.js';
import type { CaseDriver } from '../../support/cases.js';

const bundle = readBundle('road-excavation');
const ALL = bundle.items.map((item) => item.itemKey);

async function accept(driver: CaseDriver): Promise<void> {
  const task = await driver.task('AcceptBundleTask');
  expect(instant(task.due!)).to.equal(instant('2026-10-13T23:59:59+08:00'));
  await driver.complete('AcceptBundleTask', MEMBER.window!, { acceptanceDecision: 'accept' });
}

async function inspect(driver: CaseDriver, opinions: Record<string, Record<string, unknown>>): Promise<void> {
  for (const group of bundle.jointInspection!.groups) {
    const tasks = await (async () => {
      for (let i = 0; i < 100; i += 1) {
        const open = (await driver.openTasks()).filter((task) => task.taskDefinitionKey === 'InspectTask');
        if (open.length === bundle.jointInspection!.groups.length - Object.keys(opinions).indexOf(group)) return open;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return driver.openTasks();
    })();
    const task = tasks.find((t) => t.group === group)!;
    await driver.completeTask(task, { inspector: `${group} 踏勘员`, ...opinions[group]! });
  }
}

describe('道路挖掘一件事 (road excavation bundle)', function () {
  this.timeout(180_000);

  it('should inspect jointly, run all three items in parallel and deliver one result with the conditions in the permits', async () => {
    const system = await useSystem();
    const driver = await startBundle(bundle.key, bundleApplication(bundle, ALL));
    await accept(driver);
    await inspect(driver, {
      municipalReview: { inspectionOpinion: '同意' },
      constructionReview: { inspectionOpinion: '有条件同意', inspectionConditions: '夜间 22 时后停止破路施工' },
      publicSecurityReview: { inspectionOpinion: '同意' },
    });
    expect(await waitFor('the merged opinion', async () => (await driver.variable<string>('jointOpinion')) ?? undefined)).to.equal('有条件同意');
    // 联合踏勘意见书: one document with every department's opinion and the condition
    const [opinion, ...more] = (await documentsOfCase(system.db, driver.businessKey)).filter((document) => document.kind === 'joint-inspection');
    expect(more).to.deep.equal([]);
    expect(opinion!.text).to.contain('建设工程审批科：有条件同意，条件：夜间 22 时后停止破路施工').and.to.contain('市政公用审批科：同意').and.to.contain('统一意见：有条件同意');
    // issued by the items' 实施机关, not a generic office
    expect(await pdfText(opinion!.id)).to.contain('呼和浩特市行政审批和政务服务局');
    for (const key of ALL) await workItem(driver.child(key));
    const deliver = await driver.task('DeliverBundleTask');
    expect(deliver).to.not.equal(undefined);
    const summary = await driver.variable<string>('bundleResultSummary');
    for (const key of ALL) {
      const licence = await licenceForCase(system.db, `${driver.businessKey}:${key}`);
      // the section by its Chinese name, never its group id
      expect(licence!.content).to.contain('建设工程审批科: 夜间 22 时后停止破路施工').and.not.contain('constructionReview');
      expect(summary).to.contain(licence!.licenceNumber);
      // the item inspected jointly, not again on its own
      expect(await driver.child(key).path()).not.to.include('SiteInspectionTask').and.not.to.include('HandOverTask');
    }
    await driver.complete('DeliverBundleTask', MEMBER.window!, { receivedBy: '张建国' });
    expect(await driver.waitForEnd()).to.equal('BundleClosedEndEvent');
    expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ status: '已办结', decisionDeadline: '2026-10-13' });
  });

  it('should stop every item when one department does not agree, and say why', async () => {
    const driver = await startBundle(bundle.key, bundleApplication(bundle, ALL.slice(0, 2)));
    await accept(driver);
    await inspect(driver, {
      municipalReview: { inspectionOpinion: '同意' },
      constructionReview: { inspectionOpinion: '同意' },
      publicSecurityReview: { inspectionOpinion: '不同意', inspectionReason: '施工路段为主干道, 国庆期间交通压力大' },
    });
    await driver.task('DeliverBundleTask');
    expect(await driver.variable('bundleResultSummary')).to.contain('联合踏勘不同意').and.to.contain('公安审批科: 施工路段为主干道').and.not.contain('publicSecurityReview');
    expect(await driver.path()).not.to.include('FirstItemsCallActivity');
    await driver.complete('DeliverBundleTask', MEMBER.window!, { receivedBy: '张建国' });
    expect(await driver.waitForEnd()).to.equal('BundleClosedEndEvent');
  });

  it('should refuse at acceptance, all at once: no item ticked twice over, an item not in the bundle, a missing field', async () => {
    const application = bundleApplication(bundle, ['road-occupation-excavation-permit', 'food-business-licence']);
    delete (application.details as Record<string, unknown>).projectName;
    const driver = await startBundle(bundle.key, application);
    await driver.task('NotifyBundleDeficienciesTask');
    const problems = await driver.variable<Array<{ field: string; rule: string; message: string }>>('bundleProblems');
    expect(problems.map((p) => p.message)).to.include('「食品经营许可」不属于「道路挖掘一件事」');
    expect(problems.map((p) => p.field)).to.include('/road-occupation-excavation-permit/details/projectName');
    const empty = await startBundle(bundle.key, bundleApplication(bundle, []));
    await empty.task('NotifyBundleDeficienciesTask');
    expect((await empty.variable<Array<{ message: string }>>('bundleProblems')).map((p) => p.message)).to.include('未勾选任何事项 (勾选清单)');
    await driver.cancel();
    await empty.cancel();
  });
});
