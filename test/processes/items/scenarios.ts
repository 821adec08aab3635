// The scenarios every item process must pass on the real engine, with deadlines checked against
// working days counted by hand over the 2026 Mid-Autumn and National Day holidays (9-25, 10-01…
// 10-07 off; Sunday 9-20 and Saturday 10-10 worked).
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../lib/config.js';
import type { CatalogueEntry } from '../../../lib/catalogue/entry.js';
import { findCaseByBusinessKey } from '../../../lib/repositories/cases.js';
import { licenceForCase } from '../../../lib/repositories/licences.js';
import { sampleApplication, uniqueCreditCode } from '../../support/applications.js';
import { CaseDriver, instant, DECIDER, MEMBER } from '../../support/cases.js';
import { useSystem } from '../../support/system.js';

/** The working days after Wednesday 2026-09-30, counted by hand: WORKING_DAYS_AFTER_0930[n - 1] is the n-th. */
export const WORKING_DAYS_AFTER_0930 = [
  '10-08', '10-09', '10-10', '10-12', '10-13', '10-14', '10-15', '10-16', '10-19', '10-20',
  '10-21', '10-22', '10-23', '10-26', '10-27', '10-28', '10-29', '10-30', '11-02', '11-03',
  '11-04', '11-05', '11-06', '11-09', '11-10', '11-11', '11-12', '11-13', '11-16', '11-17',
  '11-18', '11-19', '11-20', '11-23', '11-24', '11-25', '11-26', '11-27', '11-30', '12-01',
].map((day) => `2026-${day}`);

/** n working days after 2026-09-30 (n = 0: the same day). */
export const after0930 = (n: number): string => (n === 0 ? '2026-09-30' : WORKING_DAYS_AFTER_0930[n - 1]!);
/** n working days after a day in the list above. */
export const afterDay = (day: string, n: number): string => after0930(WORKING_DAYS_AFTER_0930.indexOf(day) + 1 + n);
const endOf = (day: string): string => instant(`${day}T23:59:59+08:00`);

export function readEntry(key: string): CatalogueEntry {
  return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'catalogue', 'items', `${key}.json`), 'utf8')) as CatalogueEntry;
}

const RECEIVED = { receivedOn: '2026-09-30', clockDate: '2026-09-30' };

async function accept(driver: CaseDriver): Promise<void> {
  await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
}

/** Runs review, inspection, legal review and decision as the item's flags say. */
async function decide(driver: CaseDriver, entry: CatalogueEntry, decision: Record<string, unknown>): Promise<void> {
  const instant = entry.processingType === '即办件';
  if (!instant) {
    await driver.complete('ReviewTask', MEMBER[entry.reviewGroup]!, { reviewOpinion: '材料真实, 符合法定条件', reviewAction: 'submit' });
    if (entry.siteInspection) await driver.complete('SiteInspectionTask', MEMBER[entry.reviewGroup]!, { siteInspectionResult: '合格', siteInspectionOpinion: '现场与申请材料一致' });
  }
  if (entry.majorDecision) await driver.complete('LegalReviewTask', MEMBER.legalReview!, { legalReviewOpinion: '同意', legalReviewComment: '程序合法, 依据充分' });
  await driver.complete('DecisionTask', instant ? MEMBER.window! : DECIDER[entry.reviewGroup]!, decision);
}

export function describeItem(key: string): void {
  const entry = readEntry(key);
  const instantItem = entry.processingType === '即办件';
  const decisionDeadline = after0930(entry.promisedTimeLimit);

  describe(`${key} (${entry.name}, ${entry.processingType})`, function () {
    this.timeout(120_000);

    it('should walk the main path: accepted, decided within the promised days, licence issued, handed out', async () => {
      const system = await useSystem();
      const driver = await new CaseDriver(system.admin, key).start({ application: sampleApplication(entry), ...RECEIVED });
      const review = await driver.task('ReviewMaterialsTask');
      // Art. 32: 5 working days from 9-30 → 10-13 (10-08, 10-09, 10-10, 10-12, 10-13)
      expect(await driver.variable('noticeDeadline')).to.equal('2026-10-13');
      expect(instant(review.due!)).to.equal(endOf('2026-10-13'));
      await accept(driver);
      const first = await driver.task(instantItem ? 'DecisionTask' : 'ReviewTask');
      expect(await driver.variable('decisionDeadline')).to.equal(decisionDeadline);
      expect(instant(first.due!)).to.equal(endOf(decisionDeadline));
      await decide(driver, entry, { decision: 'grant', decisionContent: `准予${entry.name}` });
      await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
      expect(await driver.waitForEnd()).to.equal('CaseClosedEndEvent');

      const path = await driver.path();
      const expected = ['AcceptanceCallActivity', 'CheckApplicationTask', 'RegisterCaseTask', 'ComputeNoticeDeadlineTask', 'ReviewMaterialsTask', 'RecordAcceptedTask', 'ComputeDecisionDeadlineTask',
        ...(instantItem ? [] : ['ReviewCallActivity', 'ReviewTask']), ...(entry.siteInspection && !instantItem ? ['SiteInspectionTask'] : []),
        ...(entry.majorDecision ? ['LegalReviewTask'] : []), 'DecisionTask', 'RecordDecisionTask', 'ResultIssueCallActivity', 'IssueLicenceTask', 'HandOverTask', 'RecordDeliveredTask', 'CaseClosedEndEvent'];
      expect(path.filter((id) => expected.includes(id))).to.deep.equal(expected);
      if (!entry.siteInspection || instantItem) expect(path).not.to.include('SiteInspectionTask');
      if (!entry.majorDecision) expect(path).not.to.include('LegalReviewTask');

      const record = await findCaseByBusinessKey(system.db, driver.businessKey);
      expect(record).to.include({ itemKey: key, itemVersion: 1, status: '已办结', outcome: '准予', receivedOn: '2026-09-30', acceptedOn: '2026-09-30', decisionDeadline });
      expect(record!.receiptNumber).to.match(/^SP20260930\d{6}$/);
      const licence = await licenceForCase(system.db, driver.businessKey);
      expect(licence!.licenceNumber).to.match(new RegExp(`^${entry.result.numberPrefix ?? '[0-9A-Z]+'}2026\\d{6}$`));
      expect(licence).to.include({ status: '有效', validFrom: '2026-09-30', resultName: entry.result.name });
      if (entry.result.validityYears) expect(licence!.validUntil).to.equal(`${2026 + entry.result.validityYears}-09-29`);
    });

    it('should tell every missing material at once (一次性告知) and accept the resubmission with a new 5-day period', async () => {
      const system = await useSystem();
      // materials that may not be deferred (容缺), so that the answer is a 一次性告知
      const required = entry.materials.filter((material) => material.required && !material.deferrable);
      const missing = required.slice(-2).map((material) => material.code);
      // an applicant holding no licence in shenpi: a 营业执照 held would stand for its copy (免提交)
      const creditCode = uniqueCreditCode();
      const driver = await new CaseDriver(system.admin, key).start({ application: sampleApplication(entry, { omitMaterials: missing, creditCode }), ...RECEIVED });
      await driver.task('NotifyDeficienciesTask');
      const problems = await driver.variable<Array<{ rule: string; material: string; message: string }>>('applicationProblems');
      expect(problems.filter((problem) => problem.rule === 'material:missing').map((problem) => problem.material)).to.deep.equal(missing);
      expect(await driver.variable('applicationProblemSummary')).to.contain(required.at(-1)!.name);
      await driver.complete('NotifyDeficienciesTask', MEMBER.window!, { acceptanceDecision: 'notify', noticeChannel: 'on-site' });
      // the applicant has 30 working days to bring them: from 9-30 → 11-17
      const supplementDue = await driver.awaitTimer('SupplementPeriodExpiredEvent');
      expect(instant(supplementDue)).to.equal(endOf(after0930(30)));
      expect(await driver.variable('supplementDeadline')).to.equal(after0930(30));
      expect((await findCaseByBusinessKey(system.db, driver.businessKey))!.status).to.equal('已告知补正');

      await driver.correlate('ApplicationResubmitted', { application: sampleApplication(entry, { creditCode }), receivedOn: '2026-10-09', clockDate: '2026-10-09' });
      const review = await driver.task('ReviewMaterialsTask');
      // a new Art. 32 period from 10-09: 10-10, 10-12, 10-13, 10-14, 10-15
      expect(instant(review.due!)).to.equal(endOf('2026-10-15'));
      await accept(driver);
      await driver.task(instantItem ? 'DecisionTask' : 'ReviewTask');
      expect(await driver.variable('acceptedOn')).to.equal('2026-10-09');
      expect(await driver.variable('decisionDeadline')).to.equal(afterDay('2026-10-09', entry.promisedTimeLimit));
      await driver.cancel();
    });

    it('should deem the application accepted as of the day of receipt when nobody acts within 5 working days (Art. 32)', async () => {
      const system = await useSystem();
      const driver = await new CaseDriver(system.admin, key).start({ application: sampleApplication(entry), ...RECEIVED });
      await driver.task('ReviewMaterialsTask');
      const due = await driver.fireTimer('ReviewMaterialsDeemedTimer');
      expect(instant(due)).to.equal(endOf('2026-10-13'));
      await driver.task(instantItem ? 'DecisionTask' : 'ReviewTask');
      expect(await driver.variable('acceptanceDeemed')).to.equal(true);
      expect(await driver.variable('acceptedOn')).to.equal('2026-09-30');
      expect(await driver.variable('decisionDeadline')).to.equal(decisionDeadline);
      expect(await driver.path()).to.include.members(['ReviewMaterialsDeemedTimer', 'RecordDeemedAcceptanceTask']);
      expect((await findCaseByBusinessKey(system.db, driver.businessKey))!.status).to.equal('已受理');
      await driver.cancel();
    });

    if (instantItem) return;

    it('should extend once by 10 working days (Art. 42) and stop the clock for a special procedure (Art. 45)', async () => {
      const system = await useSystem();
      const driver = await new CaseDriver(system.admin, key).start({ application: sampleApplication(entry), ...RECEIVED });
      await accept(driver);
      const reviewer = MEMBER[entry.reviewGroup]!;
      await driver.task('ReviewTask');
      expect((await driver.timerDue('ReviewOverdueTimer')).map(instant)).to.deep.equal([endOf(decisionDeadline)]);

      // extension on 10-09, approved by the head: the deadline moves 10 working days
      await driver.complete('ReviewTask', reviewer, { reviewOpinion: '需补充核查', reviewAction: 'extend', extensionReason: '需征求相关部门意见', clockDate: '2026-10-09' });
      await driver.complete('ApproveExtensionTask', MEMBER.leaders!, { extensionApproved: true, leaderComment: '同意' });
      const extended = afterDay(decisionDeadline, 10);
      const afterExtension = await driver.task('ReviewTask');
      expect(instant(afterExtension.due!)).to.equal(endOf(extended));
      expect((await findCaseByBusinessKey(system.db, driver.businessKey))).to.include({ decisionDeadline: extended, deadlineExtended: true });

      // expert review from 10-12 to 10-16: 10-13, 10-14, 10-15, 10-16 do not count
      await driver.complete('ReviewTask', reviewer, { reviewAction: 'suspend', specialProcedure: '专家评审', specialProcedureReason: '需组织专家论证', clockDate: '2026-10-12' });
      await driver.task('SpecialProcedureTask');
      expect((await findCaseByBusinessKey(system.db, driver.businessKey))!.status).to.equal('特别程序 (暂停计时)');
      await driver.complete('SpecialProcedureTask', reviewer, { specialProcedureResult: '专家论证通过', clockDate: '2026-10-16' });
      const resumed = afterDay(extended, 4);
      const afterPause = await driver.task('ReviewTask');
      expect(instant(afterPause.due!)).to.equal(endOf(resumed));
      expect(await driver.variable('clockPausedWorkingDays')).to.equal(4);

      // a second extension is refused by the engine, whatever the head decides
      await driver.complete('ReviewTask', reviewer, { reviewAction: 'extend', extensionReason: '再次延期', clockDate: '2026-10-19' });
      await driver.complete('ApproveExtensionTask', MEMBER.leaders!, { extensionApproved: true });
      await driver.task('ReviewTask');
      expect(await driver.variable('extensionRefusal')).to.contain('不得再次延长');
      expect((await findCaseByBusinessKey(system.db, driver.businessKey))!.decisionDeadline).to.equal(resumed);
      expect(await driver.path()).to.include.members(['ExtendDeadlineTask', 'StopClockTask', 'SpecialProcedureTask', 'RestartClockTask', 'ExtensionNotAllowedBoundaryEvent']);
      await driver.cancel();
    });
  });
}
