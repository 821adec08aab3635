// The Tasklist filters created on start: each clerk's department work, deadlines first, with the
// receipt number, applicant and item as columns (task-local copies a clerk may read).
import { expect } from 'chai';
import { sampleApplication } from '../../support/applications.js';
import { CaseDriver, DEMO_PASSWORD, MEMBER } from '../../support/cases.js';
import { useSystem } from '../../support/system.js';
import { readEntry } from '../../processes/items/scenarios.js';

interface HalTask { id: string; followUp: string | null; _embedded?: { variable?: Array<{ name: string; value: unknown }> } }

describe('Tasklist filters', function () {
  this.timeout(60_000);

  it('should create the filters, show case columns, and list an overdue review under 已超期 for its section only', async () => {
    const system = await useSystem();
    const filters = await system.admin.get<Array<{ id: string; name: string; query: Record<string, unknown>; properties: { variables?: Array<{ name: string; label: string }> } }>>('/filter?resourceType=Task');
    const byName = new Map(filters.map((filter) => [filter.name, filter]));
    for (const name of ['我的待办', '本科室待办', '即将超期', '已超期', '容缺待补正', '承诺待核查']) expect(byName.has(name), name).to.equal(true);
    for (const retired of ['我的任务', '部门待办']) expect(byName.has(retired), retired).to.equal(false);
    expect(byName.get('已超期')!.properties.variables!.map((v) => v.label)).to.deep.equal(['受理编号', '申请人', '事项']);

    // a case received 2026-09-30 is long overdue today
    const entry = readEntry('enterprise-establishment-registration');
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    const review = await driver.task('ReviewTask');
    const overdue = byName.get('已超期')!.id;
    const as = (user: string) => system.admin.as({ username: user, password: DEMO_PASSWORD });
    const list = async (user: string, filterId = overdue) => as(user).post<Array<{ id: string }>>(`/filter/${filterId}/list`, {});
    expect((await list(MEMBER.marketReview!)).map((task) => task.id)).to.include(review.id);
    expect((await list(MEMBER.municipalReview!)).map((task) => task.id)).not.to.include(review.id);

    // the columns come with the list, for the clerk of the section (as the Tasklist asks: HAL)
    const response = await fetch(`${system.config.engine.restUrl}/filter/${overdue}/list?firstResult=0&maxResults=200`, {
      method: 'POST', body: '{}',
      headers: { accept: 'application/hal+json', 'content-type': 'application/json', authorization: 'Basic ' + Buffer.from(`${MEMBER.marketReview}:${DEMO_PASSWORD}`).toString('base64') },
    });
    const hal = (await response.json()) as { _embedded: { task: HalTask[] } };
    const listed = hal._embedded.task.find((task) => task.id === review.id)!;
    const columns = Object.fromEntries((listed._embedded?.variable ?? []).map((v) => [v.name, v.value]));
    expect(columns).to.deep.equal({ listReceiptNumber: await driver.variable('receiptNumber'), listApplicant: sampleApplication(entry).applicant && (sampleApplication(entry).applicant as { name: string }).name, listItem: entry.name });

    // 即将超期 reads the follow-up date, which is the yellow warning: 1 working day before the deadline
    expect(new Date(listed.followUp!).getTime()).to.equal(new Date(await driver.variable<string>('decisionWarningAt')).getTime());
    const soon = byName.get('即将超期')!.id;
    expect((await list(MEMBER.marketReview!, soon)).map((task) => task.id)).not.to.include(review.id); // already overdue
    const hour = 3600_000;
    await system.admin.put(`/task/${review.id}`, { name: '审查', due: new Date(Date.now() + 5 * hour).toISOString().replace('Z', '+0000'), followUp: new Date(Date.now() - hour).toISOString().replace('Z', '+0000') });
    expect((await list(MEMBER.marketReview!, soon)).map((task) => task.id)).to.include(review.id);
    expect((await list(MEMBER.marketReview!)).map((task) => task.id)).not.to.include(review.id);
    expect((await list(MEMBER.constructionReview!, soon)).map((task) => task.id)).not.to.include(review.id);
    await driver.cancel();
  });
});
