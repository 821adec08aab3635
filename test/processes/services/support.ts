// Cases that have ended, for rating them: registered and closed through the case repository
// (the item processes themselves are tested in test/processes/items/); the rating's own
// process then runs on the real engine.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { registerCase, recordStatus } from '../../../lib/repositories/cases.js';
import { completeCreditCode } from '../../../lib/validation/identifiers.js';
import { VALID_CREDIT_CODE } from '../../support/applications.js';
import { readEntry } from '../items/scenarios.js';

export async function endedCase(db: Knex, options: { itemKey?: string; receivedOn?: string; outcome?: string | null; applicantCode?: string } = {}): Promise<{ receiptNumber: string; businessKey: string }> {
  const entry = readEntry(options.itemKey ?? 'food-business-licence');
  const businessKey = `test-${randomUUID()}`;
  const record = await registerCase(db, {
    businessKey, processInstanceId: 'direct', itemKey: entry.key, itemVersion: 1, itemName: entry.name, applicantName: '呼和浩特市青城餐饮管理有限公司',
    applicantCategory: '法人及非法人组织', applicantCode: options.applicantCode ?? VALID_CREDIT_CODE, receivedOn: options.receivedOn ?? '2026-09-01',
  }, 'RegisterCaseTask', `register-${businessKey}`);
  if (options.outcome !== null) {
    await recordStatus(db, { businessKey, status: '已办结', activityId: 'RecordDeliveredTask', activityInstanceId: `delivered-${businessKey}`, fields: { outcome: options.outcome ?? '准予' } });
  }
  return { receiptNumber: record.receiptNumber, businessKey };
}

/** A valid 统一社会信用代码 of a government body (机关: 11…) no other test uses. */
export function governmentCreditCode(): string {
  return completeCreditCode(`11150100${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
}
