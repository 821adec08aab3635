// bundle.collect-results: what each item of a 一件事 came to, for the one delivery: the results
// to hand out, and a clear statement of what failed and why.
import { caseEvents } from '../../lib/repositories/cases.js';
import { childCases } from '../../lib/repositories/bundles.js';
import { licenceForCase } from '../../lib/repositories/licences.js';
import { findCaseByBusinessKey } from '../../lib/repositories/cases.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { jsonVariable, optionalString, requireBusinessKey } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.collectBundleResults,
  options: { lockDuration: 30_000, variables: ['jointRefusalReasons', 'bundleSkippedItems'] },
  template: { name: '一件事结果汇总', description: '汇总一件事各事项的办理结果, 统一出件, 并说明未办成事项的原因', outputs: ['bundleResults', 'bundleResultSummary', 'bundleGrantedCount', 'bundleFailedCount', 'bundleOutcome'] },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const results = [];
    for (const child of await childCases(services.db, businessKey)) {
      const licence = await licenceForCase(services.db, child.businessKey);
      const record = await findCaseByBusinessKey(services.db, child.businessKey);
      const events = record ? await caseEvents(services.db, record.id) : [];
      const reason = [...events].reverse().find((event) => event.note && ['不予受理', '已决定', '已告知补正'].includes(event.status))?.note ?? null;
      results.push({ itemKey: child.itemKey, itemName: child.itemName, receiptNumber: child.receiptNumber, outcome: child.outcome ?? child.status, licenceNumber: licence?.licenceNumber ?? null, reason: child.outcome === '准予' ? null : reason });
    }
    // later items that could not be done because an earlier one issued nothing (bundle.adopt-results)
    for (const skipped of jsonVariable<Array<{ itemKey: string; itemName: string; reason: string }>>(task, 'bundleSkippedItems') ?? []) {
      results.push({ itemKey: skipped.itemKey, itemName: skipped.itemName, receiptNumber: null, outcome: '未办理', licenceNumber: null, reason: skipped.reason });
    }
    const granted = results.filter((r) => r.outcome === '准予');
    const failed = results.filter((r) => r.outcome !== '准予');
    const refusal = optionalString(task, 'jointRefusalReasons');
    const summary = [
      ...(refusal ? [`联合踏勘不同意, 不予办理: ${refusal}`] : []),
      granted.length ? `办结并发证: ${granted.map((r) => `${r.itemName} (${r.licenceNumber ?? r.receiptNumber})`).join('、')}` : '没有事项获准',
      ...failed.map((r) => `未获准: ${r.itemName} — ${r.outcome}${r.reason ? `: ${r.reason}` : ''}`),
    ].join('\n');
    // what the closed 一件事 keeps as its outcome
    const bundleOutcome = failed.length === 0 && granted.length > 0 ? '办结' : granted.length > 0 ? '部分办结' : '不予许可';
    return { bundleResults: results, bundleResultSummary: summary, bundleGrantedCount: granted.length, bundleFailedCount: failed.length, bundleOutcome };
  },
};
