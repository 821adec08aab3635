// 征求意见, dated today: a reviewer asks another section for an opinion with a deadline in
// working days; that section gets a task; the answer shows on the reviewer's next 审查 task, and
// the case cannot reach 决定 while the opinion is pending.
import { expect } from 'chai';
import { todayIn } from '../../lib/calendar/deadlines.js';
import type { CatalogueEntry } from '../../lib/catalogue/entry.js';
import { caseEvents, findCaseByBusinessKey } from '../../lib/repositories/cases.js';
import type { System } from '../../bin/system.js';
import { sampleApplication, uniqueCreditCode } from '../support/applications.js';
import { publishTest2027, withdrawTest2027 } from '../support/calendar.js';
import { CaseDriver, MEMBER } from '../support/cases.js';
import { useSystem } from '../support/system.js';
import { readEntry } from './items/scenarios.js';

describe('征求意见 (a reviewer consults another section, dated today)', function () {
  this.timeout(180_000);
  let system: System;
  const entry: CatalogueEntry = readEntry('food-business-licence');

  before(async () => {
    system = await useSystem();
    await publishTest2027(system);
  });
  after(async () => withdrawTest2027(system));

  it('should give the consulted section a task with its deadline, hold the decision, and show the answer on 审查', async () => {
    const today = todayIn(system.config.deadlines.utcOffset);
    const driver = await new CaseDriver(system.admin, entry.key).start({ application: sampleApplication(entry, { creditCode: uniqueCreditCode() }), receivedOn: today });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    const reviewer = MEMBER[entry.reviewGroup]!;

    // should NOT consult without saying what about
    const refused = await driver.complete('ReviewTask', reviewer, { reviewOpinion: '待征求意见', reviewAction: 'consult', consultationGroup: 'healthReview', consultationWorkingDays: 3 }).then(() => undefined, (error: unknown) => error);
    expect(String(refused)).to.contain('consultationQuestion');

    await driver.complete('ReviewTask', reviewer, { reviewOpinion: '待征求意见', reviewAction: 'consult', consultationGroup: 'healthReview', consultationWorkingDays: 3, consultationQuestion: '经营场所是否符合卫生要求?' });
    const answer = await driver.task('AnswerConsultationTask');
    const [open] = (await driver.openTasks()).filter((task) => task.taskDefinitionKey === 'AnswerConsultationTask');
    expect(open!.group).to.equal('healthReview');
    const deadline = await driver.variable<string>('consultationDeadline');
    expect(deadline > today).to.equal(true);
    expect(answer.due).to.not.equal(null);
    // the decision waits: no 决定 while the opinion is pending, and the reviewer's section cannot answer for the other
    expect((await driver.openTasks()).map((task) => task.taskDefinitionKey)).to.not.include('DecisionTask');
    const wrongSection = await driver.complete('AnswerConsultationTask', reviewer, { consultationAnswer: '符合' }).then(() => undefined, (error: unknown) => error);
    expect(wrongSection).to.not.equal(undefined);

    await driver.complete('AnswerConsultationTask', MEMBER.healthReview!, { consultationAnswer: '经现场核查, 符合卫生要求' });
    await driver.task('ReviewTask');
    expect(await driver.variable('consultationAnswer')).to.equal('经现场核查, 符合卫生要求');
    expect(await driver.variable('consultationGroupName')).to.equal('社会事务审批科 (卫生健康)');
    const record = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    const notes = (await caseEvents(system.db, record.id)).filter((event) => event.status.startsWith('征求意见')).map((event) => event.note);
    expect(notes).to.have.length(2);
    expect(notes[1]).to.contain('符合卫生要求');
    await driver.cancel();
  });
});
