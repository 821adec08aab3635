// 撤回: the applicant withdraws an application before the decision, online or by a written
// request at the window. The case ends as 撤回 wherever it is (message ApplicationWithdrawn, an
// event sub-process of the item process): recorded in its timeline, no decision, no licence.
// A 一件事 is one application: withdrawing it ends every open item with it (items already decided
// keep their outcome). One item of it may be withdrawn alone only if the applicant could have left
// it unticked (an optional item); the 一件事 records it and delivers the rest.
import { WITHDRAWAL_MESSAGE } from '../bpmn/item-process.js';
import { EngineRequestError, toVariables } from '../engine/client.js';
import { Conflict, InvalidInput } from '../errors.js';
import type { ProcessDeps } from '../process-deps.js';
import type { BundleEntry } from '../catalogue/bundle.js';
import { latestBundle } from '../repositories/bundles.js';
import { addCaseNote, findCaseByBusinessKey, findCaseByReceipt, type CaseRecord } from '../repositories/cases.js';
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
  if (record.outcome) throw new Conflict('already-decided', TOO_LATE);
  const bundle = await latestBundle(db, record.itemKey);
  if (bundle) {
    const delivering = await engine.get<{ count: number }>(`/task/count?processInstanceBusinessKey=${key}&taskDefinitionKey=DeliverBundleTask`);
    if (delivering.count > 0) throw new Conflict('already-decided', '该一件事的各事项均已办理完毕, 正在统一出件, 不能撤回');
  } else {
    const decided = await engine.get<{ count: number }>(`/history/task/count?processInstanceBusinessKey=${key}&taskDefinitionKey=DecisionTask&finished=true`);
    if (decided.count > 0) throw new Conflict('already-decided', TOO_LATE);
  }
  const parent = await bundleOf(db, record);
  if (parent) {
    const member = parent.bundle.items.find((item) => item.itemKey === record.itemKey);
    if (!member?.optional) throw new Conflict('bundle-item', `「${record.itemName}」是「${parent.bundle.name}」的必办事项, 不能单独撤回; 请撤回整个一件事 (受理编号 ${parent.record.receiptNumber})`);
  }
  const message = { messageName: WITHDRAWAL_MESSAGE, businessKey: record.businessKey, processVariables: toVariables({ withdrawalReason: reason, withdrawalChannel: input.channel }) };
  for (let attempt = 1; ; attempt += 1) {
    try {
      await engine.post('/message', message);
      break;
    } catch (error) {
      if (error instanceof EngineRequestError && error.status === 400) throw new Conflict('already-decided', TOO_LATE);
      // a worker finished a task of the case at that moment (a 一件事 has many): nothing was written, try again
      if (attempt < 5 && error instanceof EngineRequestError && error.type === 'OptimisticLockingException') {
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
        continue;
      }
      throw error;
    }
  }
  // the 一件事 records that one of its items was withdrawn (its results show it as 撤回)
  if (parent) {
    await addCaseNote(db, { businessKey: parent.record.businessKey, kind: '事项撤回', activityId: 'withdrawal', eventKey: `withdrawal:${record.businessKey}`, note: `申请人撤回「${record.itemName}」(受理编号 ${record.receiptNumber}, ${input.channel}): ${reason}` });
  }
  return { receiptNumber: record.receiptNumber, status: '已撤回' };
}

/** The 一件事 a case is an item of (business key `<bundle>:<item>`), if any. */
async function bundleOf(db: ProcessDeps['db'], record: CaseRecord): Promise<{ record: CaseRecord; bundle: BundleEntry } | undefined> {
  const cut = record.businessKey.lastIndexOf(':');
  if (cut <= 0) return undefined;
  const parent = await findCaseByBusinessKey(db, record.businessKey.slice(0, cut));
  const bundle = parent ? await latestBundle(db, parent.itemKey) : undefined;
  return parent && bundle ? { record: parent, bundle: bundle.entry } : undefined;
}
