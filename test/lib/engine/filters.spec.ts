// The Tasklist filters created on start: each clerk's department work, overdue first, with the
// receipt number, applicant and item as columns.
import { expect } from 'chai';
import { sampleApplication } from '../../support/applications.js';
import { CaseDriver, DEMO_PASSWORD, MEMBER } from '../../support/cases.js';
import { useSystem } from '../../support/system.js';
import { readEntry } from '../../processes/items/scenarios.js';

describe('Tasklist filters', function () {
  this.timeout(60_000);

  it('should create the filters, show case columns, and list an overdue review under 已超期 for its section only', async () => {
    const system = await useSystem();
    const filters = await system.admin.get<Array<{ id: string; name: string; properties: { variables?: Array<{ name: string }> } }>>('/filter?resourceType=Task');
    const byName = new Map(filters.map((filter) => [filter.name, filter]));
    for (const name of ['我的任务', '部门待办', '即将超期', '已超期', '容缺待补正', '承诺待核查']) expect(byName.has(name), name).to.equal(true);
    expect(byName.get('已超期')!.properties.variables!.map((v) => v.name)).to.deep.equal(['receiptNumber', 'applicantName', 'itemName']);

    // a case received 2026-09-30 is long overdue today
    const entry = readEntry('enterprise-establishment-registration');
    const driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(entry) });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    const review = await driver.task('ReviewTask');
    const overdue = byName.get('已超期')!.id;
    const list = async (user: string) => system.admin.as({ username: user, password: DEMO_PASSWORD }).post<Array<{ id: string }>>(`/filter/${overdue}/list`, {});
    expect((await list(MEMBER.marketReview!)).map((task) => task.id)).to.include(review.id);
    expect((await list(MEMBER.municipalReview!)).map((task) => task.id)).not.to.include(review.id);
    await driver.cancel();
  });
});
