// case.record-status: writes a step of the case's status timeline (input parameter caseStatus)
// and the facts that come with it, as the status rules (lib/cases/status.ts) say: the acceptance
// date, the 一次性告知 sent to the applicant, the decision and its date.
import { statusOutcome } from '../../lib/cases/status.js';
import { childCases } from '../../lib/repositories/bundles.js';
import { recordStatus } from '../../lib/repositories/cases.js';
import { notifyApplicant } from '../../lib/repositories/supervision.js';
import { sendApplicantNotice } from '../../lib/notices/index.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { actContext, actOf } from '../runtime/act-context.js';
import { optionalBoolean, optionalString, requireBusinessKey, requireString } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.recordCaseStatus,
  // only what the statuses read: not the whole application on every step of every case
  options: {
    lockDuration: 30_000,
    variables: ['caseStatus', 'acceptedAs', 'deemed', 'receivedOn', 'refusalReason', 'applicationProblemSummary', 'receiptNumber', 'itemName', 'decision', 'decisionReason', 'returnReason',
      'decisionContent', 'promiseDeadline', 'breachPushDeadline', 'promiseKind', 'revokedLicenceNumber', 'siteInspectionResult', 'siteInspectionOpinion', 'clockDate', 'deliveryMethod',
      'resubmissionChannel', 'withdrawalChannel', 'withdrawalReason', 'consultationGroup', 'consultationQuestion', 'consultationAnswer',
      'gapDescription', 'gapDeadline', 'gapRemedied', 'gapCheckNote', 'gapRectificationDeadline', 'gapRecheckResult', 'gapRecheckNote', 'caseOutcome', 'withdrawOpenItems'],
  },
  template: { name: '记录办件状态', description: '写入办件状态时间线的一步 (受理日期、一次性告知书、决定及日期等)', inputs: [{ name: 'caseStatus', label: '办件状态', value: '已受理', choices: ['已受理', '不予受理', '已告知补正', '未补正办结', '已决定', '已办结', '补充勘验完成', '容缺逾期未补正', '承诺期满未履行', '已补正', '已撤回', '征求意见', '征求意见已答复', '容缺缺项已核查', '容缺缺项限期整改', '容缺缺项已复查'] }] },
  async handler({ task, services }) {
    const status = requireString(task, 'caseStatus');
    const outcome = statusOutcome(status, {
      text: (name) => optionalString(task, name),
      required: (name) => requireString(task, name),
      flag: (name) => optionalBoolean(task, name),
      today: () => services.today(task),
      stepKey: task.activityInstanceId,
    });
    const businessKey = requireBusinessKey(task);
    if (outcome.notice) {
      await notifyApplicant(services.db, businessKey, outcome.notice.title, outcome.notice.body, outcome.notice.dedupKey);
      // a notice with no 文书 of its own goes out to the applicant too (SMS, platform callback), once per act
      if (outcome.notice.kind) await sendApplicantNotice(services.db, { businessKey, actId: task.activityInstanceId, kind: outcome.notice.kind, kindName: outcome.notice.title, text: outcome.notice.body, on: services.today(task) });
    }
    // input parameter caseOutcome: the outcome a case keeps when this step closes it (a 一件事)
    const closing = optionalString(task, 'caseOutcome');
    await recordStatus(services.db, {
      businessKey, status, activityId: task.activityId, activityInstanceId: task.activityInstanceId,
      note: outcome.note, fields: closing ? { ...outcome.fields, outcome: closing } : outcome.fields,
    });
    // input parameter withdrawOpenItems: a 一件事 withdrawn: its open items (their processes ended
    // with it) are withdrawn too; decided ones keep their outcome
    if (status === '已撤回' && optionalBoolean(task, 'withdrawOpenItems')) {
      for (const child of (await childCases(services.db, businessKey)).filter((c) => !c.outcome)) {
        // each child's own timeline entry (the step is the bundle's: one entry per case it closes)
        await recordStatus(services.db, { businessKey: child.businessKey, status, activityId: task.activityId, activityInstanceId: `${task.activityInstanceId}:${child.itemKey}`, note: `随一件事撤回: ${outcome.note ?? ''}`, fields: { outcome: '撤回' } });
      }
    }
    if (outcome.document) await outcome.document(await actContext(services), actOf(task, services));
    return outcome.variables;
  },
};
