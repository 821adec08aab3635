// supervision.push: 审管衔接 — every decision (准予 or 不予) goes to the item's supervising
// department through the outbox, once per case.
import { getVersion } from '../../lib/repositories/catalogue.js';
import { licenceForCase } from '../../lib/repositories/licences.js';
import { queueDecisionForSupervision } from '../../lib/repositories/supervision-push.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { jsonVariable, optionalString, requireBusinessKey, requireInteger, requireString } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.pushToSupervision,
  options: { lockDuration: 30_000, variables: ['itemKey', 'itemVersion', 'receiptNumber', 'decision', 'decisionReason', 'decisionContent', 'decidedOn', 'application'] },
  template: { name: '审管衔接推送', description: '每个决定 (准予或不予) 推送事项的监管部门, 经 outbox, 每个办件一次', outputs: [] },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const found = await getVersion(services.db, requireString(task, 'itemKey'), requireInteger(task, 'itemVersion'));
    if (!found) throw new Error(`事项 ${String(task.variables.get('itemKey'))} 的清单版本不存在`);
    const licence = await licenceForCase(services.db, businessKey);
    const applicant = jsonVariable<{ applicant?: { name?: string; creditCode?: string } }>(task, 'application')?.applicant;
    await queueDecisionForSupervision(services.db, `${businessKey}:decision`, {
      receiptNumber: requireString(task, 'receiptNumber'),
      supervisingDepartment: found.entry.supervisingDepartment ?? found.entry.department,
      item: { key: found.entry.key, code: found.entry.code, name: found.entry.name },
      decision: requireString(task, 'decision') === 'grant' ? '准予' : '不予',
      decidedOn: optionalString(task, 'decidedOn') ?? null,
      reason: optionalString(task, 'decisionReason') ?? null,
      content: optionalString(task, 'decisionContent') ?? null,
      holder: { name: applicant?.name ?? null, creditCode: applicant?.creditCode ?? null },
      licence: licence ? { number: licence.licenceNumber, validFrom: licence.validFrom, validUntil: licence.validUntil, status: licence.status } : null,
    });
    return {};
  },
};
