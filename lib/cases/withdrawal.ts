// 撤回: the applicant withdraws an application before the decision, online or by a written
// request at the window. The case ends as 撤回 wherever it is (message ApplicationWithdrawn, an
// event sub-process of the item process): recorded in its timeline, no decision, no licence.
import { WITHDRAWAL_MESSAGE } from '../bpmn/item-process.js';
import { EngineRequestError, toVariables } from '../engine/client.js';
import { Conflict, InvalidInput } from '../errors.js';
import type { ProcessDeps } from '../process-deps.js';
import { findCaseByReceipt } from '../repositories/cases.js';
import { unknownCase } from './identity.js';

export interface WithdrawalInput {
  receiptNumber: string;
  /** the applicant's reason (a written request at the window must give one) */
  reason: string;
  /** 窗口 (clerk) or 网上 (platform) */
  channel: string;
}

const TOO_LATE = '该办件已作出决定或已办结, 不能撤回';

export async function withdrawApplication({ db, engine }: ProcessDeps, input: WithdrawalInput): Promise<{ receiptNumber: string; status: '已撤回' }> {
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason.length < 2 || reason.length > 500) throw new InvalidInput('撤回申请无效', [{ field: 'reason', rule: 'length', message: '撤回理由 reason 为必填项, 2 到 500 个字' }]);
  const record = await findCaseByReceipt(db, input.receiptNumber);
  if (!record) throw unknownCase(input.receiptNumber);
  const key = encodeURIComponent(record.businessKey);
  const decided = await engine.get<{ count: number }>(`/history/task/count?processInstanceBusinessKey=${key}&taskDefinitionKey=DecisionTask&finished=true`);
  if (record.outcome || decided.count > 0) throw new Conflict('already-decided', TOO_LATE);
  try {
    await engine.post('/message', { messageName: WITHDRAWAL_MESSAGE, businessKey: record.businessKey, processVariables: toVariables({ withdrawalReason: reason, withdrawalChannel: input.channel }) });
  } catch (error) {
    if (error instanceof EngineRequestError && error.status === 400) throw new Conflict('already-decided', TOO_LATE);
    throw error;
  }
  return { receiptNumber: record.receiptNumber, status: '已撤回' };
}
