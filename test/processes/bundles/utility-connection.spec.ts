// 市政公用联合报装一件事: the applicant ticks the utilities, one joint inspection (一同踏勘) with
// the utility companies, all connected together; 0.5 working day (the same day).
import { expect } from 'chai';
import { todayIn } from '../../../lib/calendar/deadlines.js';
import { computeHoursDeadline, HALF_DAY_OFFICE_HOURS, officeHoursOf } from '../../../lib/calendar/office-hours.js';
import { loadCalendar } from '../../../lib/repositories/calendar.js';
import { findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import { CaseDriver, instant, MEMBER } from '../../support/cases.js';
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

  it('should make 0.5 working day the next 4 office hours: received Friday 16:00, due Monday 11:30, never on the weekend', async () => {
    const system = await useSystem();
    const driver = await new CaseDriver(system.admin, bundle.key).start({
      receivedOn: '2026-11-27', clockDate: '2026-11-27', receivedAt: '2026-11-27T16:00:00+08:00',
      application: bundleApplication(bundle, ['water-supply-connection'], uniqueCreditCode()),
    });
    // 16:00–17:30 on Friday (1.5 h), then Monday 09:00–11:30 (2.5 h); the yellow warning an office hour before
    const accept = await driver.task('AcceptBundleTask');
    expect(instant(accept.due!)).to.equal(instant('2026-11-30T11:30:00+08:00'));
    expect(await driver.variable('bundleWarningAt')).to.equal('2026-11-30T10:30:00+08:00');
    expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ decisionDeadline: '2026-11-30' });
    await driver.cancel();
  });

  it('should make 0.5 working day the next 4 office hours from the moment of receipt today (real clock), due on a working day', async () => {
    const system = await useSystem();
    const { utcOffset } = system.config.deadlines;
    const driver = await new CaseDriver(system.admin, bundle.key).start({
      receivedOn: todayIn(utcOffset), application: bundleApplication(bundle, ['water-supply-connection'], uniqueCreditCode()),
    });
    const accept = await driver.task('AcceptBundleTask');
    // the moment the bundle was received (validation.bundle), the office hours of the configuration
    const receivedAt = await driver.variable<string>('receivedAt');
    const calendar = await loadCalendar(system.db);
    const due = computeHoursDeadline(calendar, receivedAt, HALF_DAY_OFFICE_HOURS, officeHoursOf(system.config.deadlines), utcOffset);
    expect(instant(accept.due!)).to.equal(instant(due.dueAt));
    expect(new Date(accept.due!).getTime()).to.be.above(new Date(receivedAt).getTime());
    // never on a day off (today is 2026-11-29, a Sunday: due on Monday)
    expect(calendar.isWorkingDay(todayIn(utcOffset, new Date(accept.due!)))).to.equal(true);
    expect(await findCaseByBusinessKey(system.db, driver.businessKey)).to.include({ decisionDeadline: due.deadline });
    await driver.cancel();
  });
});
