// 电子监察 on the review step: a yellow warning at the start of the last working day, a red
// card at the end of it, each recorded once and notified to the review section.
import { expect } from 'chai';
import { alertsFor, notificationsFor } from '../../../lib/repositories/supervision.js';
import { sampleApplication } from '../../support/applications.js';
import { CaseDriver, instant, MEMBER } from '../../support/cases.js';
import { useSystem } from '../../support/system.js';
import { basic, webBase } from '../../support/web.js';
import { readEntry } from '../items/scenarios.js';

describe('review (审查) 电子监察', function () {
  this.timeout(120_000);

  it('should warn yellow on the last working day and card red when it has passed, without stopping the work', async () => {
    const system = await useSystem();
    const entry = readEntry('food-business-licence'); // promised 3 working days: 9-30 → 10-10 (the make-up Saturday)
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.task('ReviewTask');
    expect(instant(await driver.fireTimer('ReviewWarningTimer'))).to.equal(instant('2026-10-10T00:00:00+08:00'));
    expect(instant(await driver.fireTimer('ReviewOverdueTimer'))).to.equal(instant('2026-10-10T23:59:59+08:00'));
    await driver.task('ReviewTask'); // still open: the timers do not interrupt
    const alerts = await (async () => {
      for (let i = 0; i < 50; i += 1) {
        const found = await alertsFor(system.db, driver.businessKey);
        if (found.length === 2) return found;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return alertsFor(system.db, driver.businessKey);
    })();
    expect(alerts.map((alert) => [alert.level, alert.activityId, alert.responsibleGroup, alert.deadline])).to.deep.equal([
      ['yellow', 'ReviewTask', 'marketReview', '2026-10-10'],
      ['red', 'ReviewTask', 'marketReview', '2026-10-10'],
    ]);
    const notes = (await notificationsFor(system.db, 'group', 'marketReview')).filter((note) => note.businessKey === driver.businessKey);
    expect(notes.map((note) => note.title)).to.deep.equal(['电子监察黄牌预警', '电子监察红牌警告']);
    // the red card reaches the 局领导 too, the yellow warning does not
    const leaders = (await notificationsFor(system.db, 'group', 'leaders')).filter((note) => note.businessKey === driver.businessKey);
    expect(leaders.map((note) => note.title)).to.deep.equal(['电子监察红牌警告']);
    // the section sees them over the web API; another section does not
    const web = `${webBase(system)}/api/supervision/alerts`;
    const as = (user: string) => ({ headers: { authorization: basic(user) } });
    const mine = (await (await fetch(web, as(MEMBER.marketReview!))).json()) as { alerts: Array<{ businessKey: string; level: string }> };
    expect(mine.alerts.filter((alert) => alert.businessKey === driver.businessKey).map((alert) => alert.level)).to.deep.equal(['red', 'yellow']);
    const theirs = (await (await fetch(web, as(MEMBER.municipalReview!))).json()) as { alerts: Array<{ businessKey: string }> };
    expect(theirs.alerts.filter((alert) => alert.businessKey === driver.businessKey)).to.deep.equal([]);
    await driver.cancel();
  });

  it('should NOT raise a yellow warning for a 即办件 decided the same day: its warning would come with the red card', async () => {
    const system = await useSystem();
    const entry = readEntry('seal-engraving-filing');
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.task('DecisionTask');
    await driver.fireTimer('DecisionWarningTimer');
    await driver.task('DecisionTask');
    for (let i = 0; i < 20 && !(await driver.path()).includes('DecisionWarningAlertedEndEvent'); i += 1) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await driver.path()).to.include('DecisionWarningAlertedEndEvent');
    expect(await alertsFor(system.db, driver.businessKey)).to.deep.equal([]);
    await driver.cancel();
  });
});
