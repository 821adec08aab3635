// credit.check-eligibility: before 容缺 or 告知承诺 is offered, the applicant's credit records
// (shenpi's own, and the platform's where SHENPI_CREDIT_QUERY_URL is set): a 失信 record, an
// earlier breach or bad-credit record makes them ineligible, and the clerk sees why.
import { queryCreditPlatform } from '../../lib/outbox/credit-platform.js';
import { blockingRecords } from '../../lib/repositories/credit.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { applicantOf } from './applicant.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.checkCreditEligibility,
  options: { lockDuration: 30_000, variables: ['application', 'clockDate'] },
  template: { name: '信用核查', description: '容缺或告知承诺之前核查申请人信用: 失信、违约、不良记录均不得容缺或告知承诺', outputs: ['creditEligible', 'creditIneligibleReasons'] },
  async handler({ task, services, log }) {
    const applicant = applicantOf(task);
    const reasons = (await blockingRecords(services.db, applicant.code, services.today(task)))
      .map((record) => `${record.kind}: ${record.rule}${record.receiptNumber ? ` (办件 ${record.receiptNumber})` : ''}`);
    if (services.credit.queryUrl) {
      try {
        const answer = await queryCreditPlatform(services.credit.queryUrl, applicant.code, services.credit.timeoutMs);
        if (answer.dishonest) reasons.push(...(answer.reasons.length ? answer.reasons.map((reason) => `信用平台: ${reason}`) : ['信用平台: 列入失信名单']));
      } catch (error) {
        // unknown credit is not good credit: the clerk can still give the 一次性告知
        log.warn('credit platform query failed', { error: (error as Error).message });
        reasons.push('信用平台暂时无法查询, 不能确认信用状况');
      }
    }
    return {
      creditEligible: reasons.length === 0,
      creditIneligibleReasons: reasons.length ? `不适用容缺受理或告知承诺:\n${reasons.map((reason, i) => `${i + 1}. ${reason}`).join('\n')}` : null,
    };
  },
};
