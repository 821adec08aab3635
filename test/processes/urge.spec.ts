// 催办, dated today: a leader or the 督查室 urges the open task of a case; the task's section is
// notified (notification table), the urge shows on the task in the 工作台 and in the case
// record, the status unchanged.
import { expect } from 'chai';
import { todayIn } from '../../lib/calendar/deadlines.js';
import type { CatalogueEntry } from '../../lib/catalogue/entry.js';
import { caseEvents, findCaseByBusinessKey } from '../../lib/repositories/cases.js';
import { notificationsFor } from '../../lib/repositories/supervision.js';
import type { System } from '../../bin/system.js';
import { sampleApplication, uniqueCreditCode } from '../support/applications.js';
import { publishTest2027, staffPost, withdrawTest2027 } from '../support/calendar.js';
import { CaseDriver, MEMBER } from '../support/cases.js';
import { useSystem } from '../support/system.js';
import { basic, webBase, webSession } from '../support/web.js';
import { readEntry } from './items/scenarios.js';

describe('催办 (leaders and the 督查室 urge a task, dated today)', function () {
  this.timeout(180_000);
  let system: System;
  const entry: CatalogueEntry = readEntry('food-business-licence');

  before(async () => {
    system = await useSystem();
    await publishTest2027(system);
  });
  after(async () => withdrawTest2027(system));

  it('should notify the section of the open task and show the urge in the case record; should NOT let others urge', async () => {
    const driver = await new CaseDriver(system.admin, entry.key).start({ application: sampleApplication(entry, { creditCode: uniqueCreditCode() }), receivedOn: todayIn(system.config.deadlines.utcOffset) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.task('ReviewTask');
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const path = `/api/cases/${record.receiptNumber}/urges`;

    for (const user of ['window1', MEMBER[entry.reviewGroup]!]) expect((await staffPost(system, user, path, { message: '请加快办理' })).status, user).to.equal(403);
    expect((await staffPost(system, 'leader1', path, {})).status).to.equal(400);

    const answer = await staffPost(system, 'supervisor1', path, { message: '申请人反映进度慢, 请于本周内办结' });
    expect(answer.status, await answer.clone().text()).to.equal(201);
    const urged = (await answer.json()) as { urged: Array<{ taskName: string; groups: string[] }> };
    expect(urged.urged).to.deep.equal([{ ...urged.urged[0], taskName: '审查', groups: [entry.reviewGroup] }]);

    const notices = (await notificationsFor(system.db, 'group', entry.reviewGroup)).filter((notice) => notice.businessKey === driver.businessKey);
    expect(notices.map((notice) => notice.title)).to.deep.equal(['催办']);
    expect(notices[0]!.body).to.contain('supervisor1').and.contain('审查').and.contain('本周内办结');

    const after = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    expect(after.status).to.equal(record.status);
    expect((await caseEvents(system.db, record.id)).filter((event) => event.status === '催办').map((event) => event.note)).to.have.length(1);
    const page = await fetch(`${webBase(system)}/api/cases/${record.receiptNumber}`, { headers: { authorization: basic('leader1') } });
    expect(JSON.stringify(await page.json())).to.contain('本周内办结');

    expect((await staffPost(system, 'leader1', path, { message: '请尽快办理' })).status).to.equal(201);
    // the urges show on the task itself, for its section in the 工作台
    const review = await driver.task('ReviewTask');
    const detail = await (await fetch(`${webBase(system)}/api/workbench/tasks/${review.id}`, await webSession(system, MEMBER[entry.reviewGroup]!))).json() as { urges: Array<{ urgedBy: string; urgedByName: string; message: string }> };
    expect(detail.urges.map((urge) => [urge.urgedBy, urge.message])).to.deep.equal([['supervisor1', '申请人反映进度慢, 请于本周内办结'], ['leader1', '请尽快办理']]);
    expect(detail.urges[1]!.urgedByName).to.not.equal('leader1');
    await driver.cancel();
  });
});
