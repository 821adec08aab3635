// 待发布工作日历, dated today (no clockDate: the real date in the office's time zone): a case whose
// deadline runs into a year whose schedule is not published waits, visibly, and goes on by itself
// when an analyst publishes the year. The 2027 published here is TEST DATA, not the State
// Council's schedule: 元旦 2027-01-01, an invented 测试假日 2027-01-04/05 and a 测试调休 Saturday
// 2027-01-09, so that the deadlines below show each kind of day counted.
import { expect } from 'chai';
import { todayIn } from '../../lib/calendar/deadlines.js';
import { addCalendarDays, parseIsoDate } from '../../lib/calendar/work-calendar.js';
import { withdrawCalendarYear } from '../../lib/repositories/calendar.js';
import { AWAITING_CALENDAR_STATUS, CALENDAR_RESUMED_STATUS, findCaseByBusinessKey } from '../../lib/repositories/cases.js';
import type { System } from '../../bin/system.js';
import { sampleApplication, uniqueCreditCode } from '../support/applications.js';
import { CaseDriver, DECIDER, instant, MEMBER } from '../support/cases.js';
import { call, createPlatformClient } from '../support/platform.js';
import { waitFor } from '../support/process.js';
import { useSystem } from '../support/system.js';
import { basic, webBase } from '../support/web.js';
import { readEntry } from './items/scenarios.js';

const TEST_2027 = {
  holidays: [{ from: '2027-01-01', to: '2027-01-01', name: '元旦 (测试数据)' }, { from: '2027-01-04', to: '2027-01-05', name: '测试假日' }],
  workdays: [{ date: '2027-01-09', name: '测试调休' }],
};
const OFF_2027 = new Set(['2027-01-01', '2027-01-04', '2027-01-05']);
const WORKED_2027 = new Set(['2027-01-09']);

/** Counted by hand: no holiday falls between now and the end of 2026, so weekends and TEST_2027 are all there is. */
function workingDaysAfter(from: string, n: number): string {
  let date = from;
  for (let left = n; left > 0;) {
    date = addCalendarDays(date, 1);
    const weekday = new Date(parseIsoDate(date)).getUTCDay();
    if (WORKED_2027.has(date) || (weekday !== 0 && weekday !== 6 && !OFF_2027.has(date))) left -= 1;
  }
  return date;
}

const endOf = (day: string): string => instant(`${day}T23:59:59+08:00`);

describe('待发布工作日历 (a case waits for next year\'s schedule, dated today)', function () {
  this.timeout(180_000);
  let system: System;
  let today: string;

  const publish2027 = async (): Promise<{ year: number; resumedWaits: number }> => {
    const response = await fetch(`${webBase(system)}/api/calendar/years/2027`, {
      method: 'PUT', headers: { authorization: basic('analyst1'), 'content-type': 'application/json' }, body: JSON.stringify({ ...TEST_2027, publish: true }),
    });
    expect(response.status, await response.clone().text()).to.equal(200);
    return (await response.json()) as { year: number; resumedWaits: number };
  };

  before(async () => {
    system = await useSystem();
    today = todayIn(system.config.deadlines.utcOffset);
    // these walks are about today, while 2027 is not published yet (chinese-days 1.5.7 stops at 2026)
    expect(today < '2026-12-03', 'the walks below assume a date before 2026-12-03').to.equal(true);
  });
  beforeEach(async () => withdrawCalendarYear(system.db, 2027));
  after(async () => withdrawCalendarYear(system.db, 2027));

  it('should hold a 一次性告知 whose 30-day period runs into 2027 in 待发布工作日历, and compute the period when 2027 is published', async () => {
    const entry = readEntry('food-business-licence');
    const missing = entry.materials.filter((material) => material.required && !material.deferrable).slice(-2).map((material) => material.code);
    const creditCode = uniqueCreditCode();
    const driver = await new CaseDriver(system.admin, entry.key).start({ application: sampleApplication(entry, { omitMaterials: missing, creditCode }), receivedOn: today });
    await driver.complete('NotifyDeficienciesTask', MEMBER.window!, { acceptanceDecision: 'notify', noticeChannel: 'on-site' });

    // the engine waits for WorkCalendarPublished, the clerk sees the wait on the case record
    const subscriptions = await waitFor('the case to wait for the calendar', async () => {
      const found = await system.admin.get<Array<{ activityId: string }>>(`/event-subscription?processInstanceId=${driver.processInstanceId}&eventName=WorkCalendarPublished`);
      return found.length ? found : undefined;
    });
    expect(subscriptions.map((s) => s.activityId)).to.deep.equal(['ComputeSupplementDeadlineCalendarPublishedEvent']);
    const waiting = (await findCaseByBusinessKey(system.db, driver.businessKey))!;
    expect(waiting.status).to.equal(AWAITING_CALENDAR_STATUS);
    for (const id of await driver.instances()) expect(await system.admin.get<unknown[]>(`/incident?processInstanceId=${id}`), 'no incident').to.deep.equal([]);
    expect(await driver.variable('supplementDeadline')).to.equal(undefined);

    // the applicant sees it too, with what to bring and no invented deadline
    const client = await createPlatformClient(system);
    const progress = await call(system, `/api/v1/cases/${waiting.receiptNumber}/progress`, { key: client.apiKey, json: { applicantCode: creditCode } });
    expect(progress.status, progress.text).to.equal(200);
    expect(progress.body.status).to.equal(AWAITING_CALENDAR_STATUS);
    const correction = progress.body.applicantActions.find((action: { kind: string }) => action.kind === 'correction');
    expect(correction.deadline).to.equal(null);
    expect(correction.problems).to.have.length(2);

    const published = await publish2027();
    expect(published.resumedWaits).to.be.at.least(1);

    // 30 working days from the day of the notice, over 元旦 and the test holidays
    const expected = workingDaysAfter(today, 30);
    expect(expected.startsWith('2027-')).to.equal(true);
    expect(instant(await driver.awaitTimer('SupplementPeriodExpiredEvent'))).to.equal(endOf(expected));
    expect(await driver.variable('supplementDeadline')).to.equal(expected);
    const record = await findCaseByBusinessKey(system.db, driver.businessKey);
    expect(record!.status).to.equal('已告知补正');
    const timeline = (await call(system, `/api/v1/cases/${waiting.receiptNumber}/progress`, { key: client.apiKey, json: { applicantCode: creditCode } })).body.timeline.map((event: { status: string }) => event.status);
    expect(timeline).to.deep.equal(['已收件', '已告知补正', AWAITING_CALENDAR_STATUS, CALENDAR_RESUMED_STATUS]);
    await driver.cancel();
  });

  it('should hold a 告知承诺 breach date that needs 2027, and compute it when 2027 is published', async () => {
    const permit = readEntry('construction-permit');
    const driver = await new CaseDriver(system.admin, permit.key).start({
      receivedOn: today,
      application: sampleApplication(permit, { omitMaterials: ['drawing-review-certificate'], creditCode: uniqueCreditCode(), commitment: { signed: true, signatory: '张建国' } }),
    });
    await driver.complete('OfferPromiseTask', MEMBER.window!, { acceptanceDecision: 'accept-promise' });
    // 20 working days from today still lie in 2026
    const promiseDeadline = workingDaysAfter(today, 20);
    expect(await driver.variable('promiseDeadline')).to.equal(promiseDeadline);
    await driver.complete('ReviewTask', MEMBER.constructionReview!, { reviewOpinion: '符合条件 (告知承诺)', reviewAction: 'submit' });
    await driver.complete('DecisionTask', DECIDER.constructionReview!, { decision: 'grant', decisionContent: '准予施工' });
    await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
    await driver.fireTimer('CommitmentExpiredTimer');

    // the 7th working day after the period is in 2027: the case waits, the applicant is not told a guessed date
    await waitFor('the breach date to wait for the calendar', async () => {
      for (const id of await driver.instances()) {
        const found = await system.admin.get<Array<{ activityId: string }>>(`/event-subscription?processInstanceId=${id}&eventName=WorkCalendarPublished`);
        if (found.some((subscription) => subscription.activityId === 'ComputeBreachPushDateCalendarPublishedEvent')) return true;
      }
      return undefined;
    });
    expect((await findCaseByBusinessKey(system.db, driver.businessKey))!.status).to.equal(AWAITING_CALENDAR_STATUS);

    await publish2027();
    const pushOn = workingDaysAfter(promiseDeadline, 7);
    expect(pushOn.startsWith('2027-')).to.equal(true);
    await driver.task('AwaitLateFulfilmentTask');
    expect(await driver.variable('breachPushDeadline')).to.equal(pushOn);
    expect((await findCaseByBusinessKey(system.db, driver.businessKey))!.status).to.equal('承诺期满未履行');
    await driver.cancel();
  });
});
