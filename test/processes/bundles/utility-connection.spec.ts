// 市政公用联合报装一件事: the applicant ticks the utilities, one joint inspection (一同踏勘) with
// the utility companies, all connected together; 0.5 working day (the same day).
import { expect } from 'chai';
import { findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import { MEMBER } from '../../support/cases.js';
import { uniqueCreditCode } from '../../support/applications.js';
import { waitFor } from '../../support/process.js';
import { useSystem } from '../../support/system.js';
import { bundleApplication, readBundle, startBundle, workItem } from './support.js';

const bundle = readBundle('utility-connection');
const ALL = bundle.items.map((item) => item.itemKey);

describe('市政公用联合报装一件事 (utility connection bundle)', function () {
  this.timeout(180_000);

  for (const [label, ticked] of [['all seven', ALL], ['water, power and gas', ['water-supply-connection', 'power-supply-connection', 'gas-connection']]] as const) {
    it(`should inspect once with the utilities and connect ${label} together`, async () => {
      const system = await useSystem();
      const driver = await startBundle(bundle.key, bundleApplication(bundle, [...ticked], uniqueCreditCode()));
      await driver.complete('AcceptBundleTask', MEMBER.window!, { acceptanceDecision: 'accept' });
      const inspections = await waitFor('both inspections', async () => {
        const open = (await driver.openTasks()).filter((task) => task.taskDefinitionKey === 'InspectTask');
        return open.length === bundle.jointInspection!.groups.length ? open : undefined;
      });
      for (const task of inspections) await driver.completeTask(task, { inspectionOpinion: '同意', inspector: '踏勘员' });
      await Promise.all(ticked.map((key) => workItem(driver.child(key))));
      await driver.task('DeliverBundleTask');
      expect((await driver.variable<unknown[]>('bundleResults'))).to.have.length(ticked.length);
      await driver.complete('DeliverBundleTask', MEMBER.window!, { receivedBy: '张建国' });
      expect(await driver.waitForEnd()).to.equal('BundleClosedEndEvent');
      expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ decisionDeadline: '2026-09-30' });
    });
  }
});
