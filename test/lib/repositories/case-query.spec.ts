// 办件查询 over ten years of cases reads the register's gram index, never the whole register
// (migrations/202612010100-index-case-query.ts); the engine gets the history clean-up settings.
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { caseSearch, findCases, registerCase } from '../../../lib/repositories/cases.js';
import { useSystem } from '../../support/system.js';

describe('#findCases (办件查询)', function () {
  this.timeout(120_000);
  const suffix = randomUUID().slice(0, 6);
  const applicant = `乌兰察布市敕勒${suffix}乳业有限公司`;
  let receipt = '';

  before(async () => {
    const { db } = await useSystem();
    const record = await registerCase(db, {
      businessKey: `query-${suffix}`, processInstanceId: 'pi', itemKey: 'food-business-licence', itemVersion: 1, itemName: '食品经营许可',
      applicantName: applicant, applicantCategory: '法人及非法人组织', applicantCode: null, receivedOn: '2026-09-30',
    }, 'RegisterCaseTask', `ai-query-${suffix}`);
    receipt = record.receiptNumber;
  });

  it('should find a case by part of its applicant, its whole 受理编号 (any case) or part of it', async () => {
    const { db } = await useSystem();
    for (const words of [`敕勒${suffix}乳业`, receipt, receipt.toLowerCase(), receipt.slice(6), suffix.toUpperCase()]) {
      expect((await findCases(db, words, 50)).map((found) => found.receiptNumber), words).to.include(receipt);
    }
    expect(await findCases(db, `敕勒${suffix}肉类`, 50)).to.deep.equal([]);
  });

  it('should read the gram index of the register, not every row (EXPLAIN)', async () => {
    const { db } = await useSystem();
    await db.transaction(async (trx) => {
      // a test database is small enough for a full scan, or a walk of the newest-first index
      // filtering every row, to look cheaper (which one depends on what the other specs wrote):
      // forbid both, so the plan shows whether the search's condition can use the gram index
      await trx.raw('set local enable_seqscan = off');
      await trx.raw('set local enable_indexscan = off');
      const { sql, bindings } = caseSearch(trx, '敕勒乳业', 200).toSQL();
      const plan = (await trx.raw(`explain ${sql}`, bindings)).rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
      expect(plan).to.contain('case_record_search_grams_index');
    });
  });
});

describe('history clean-up settings', function () {
  this.timeout(120_000);

  it('should reach the engine: the nightly window in office time, removal-time based', async () => {
    const { admin, config } = await useSystem();
    const cleanup = await admin.get<{ batchWindowStartTime: string; batchWindowEndTime: string; enabled: boolean }>('/history/cleanup/configuration');
    expect(config.engine.historyCleanup).to.include({ windowStart: '01:00+0800', windowEnd: '05:00+0800', batchSize: 500, parallelism: 1 });
    // 01:00 and 05:00 in Beijing are 17:00 and 21:00 UTC
    expect(new Date(cleanup.batchWindowStartTime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).getUTCHours()).to.equal(17);
    expect(new Date(cleanup.batchWindowEndTime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).getUTCHours()).to.equal(21);
    expect(cleanup.enabled).to.equal(true);
  });
});
