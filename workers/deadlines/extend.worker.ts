// deadline.extend: Art. 42 — with the head's approval the decision deadline may be extended
// once, by 10 working days, and the applicant is told why.
import { schedule } from '../../lib/calendar/deadlines.js';
import { extensionDecision } from '../../lib/documents/index.js';
import { recordStatus } from '../../lib/repositories/cases.js';
import { notifyApplicant } from '../../lib/repositories/supervision.js';
import { BPMN_ERRORS, BpmnError } from '../../lib/process/bpmn-errors.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { actContext, actOf } from '../runtime/act-context.js';
import { optionalBoolean, optionalString, requireBusinessKey, requireString } from '../runtime/variables.js';
import { deadlineVariables } from './deadline-variables.js';

export const EXTENSION_WORKING_DAYS = 10;

export const worker: WorkerDefinition = {
  topic: TOPICS.extendDeadline,
  options: { lockDuration: 30_000, variables: ['decisionDeadline', 'extensionUsed', 'extensionReason', 'receiptNumber', 'itemName', 'clockDate'] },
  template: { name: '延长办理期限', description: '《行政许可法》第四十二条: 经负责人批准延长一次, 10 个工作日, 并告知申请人理由', outputs: ['decisionDeadline', 'decisionDueAt', 'decisionWarningAt', 'extensionUsed'] },
  async handler({ task, services }) {
    if (optionalBoolean(task, 'extensionUsed')) {
      throw new BpmnError(BPMN_ERRORS.extensionNotAllowed, '办结期限已延长过一次', {
        extensionRefusal: '办结期限已延长过一次, 依《行政许可法》第四十二条不得再次延长',
      });
    }
    const businessKey = requireBusinessKey(task);
    const reason = requireString(task, 'extensionReason');
    const calendar = await services.calendar();
    const before = requireString(task, 'decisionDeadline');
    const deadline = schedule(calendar, calendar.addWorkingDays(before, EXTENSION_WORKING_DAYS, '原办结期限'), services.today(task), services.deadlines);
    await recordStatus(services.db, {
      businessKey, status: '已延长期限', activityId: task.activityId, activityInstanceId: task.activityInstanceId,
      note: reason, detail: { before, after: deadline.deadline }, fields: { decision_deadline: deadline.deadline, deadline_extended: true },
    });
    await notifyApplicant(services.db, businessKey, '延长审批期限告知书',
      `您申请的「${optionalString(task, 'itemName') ?? ''}」(受理编号 ${optionalString(task, 'receiptNumber') ?? ''}) 经本机关负责人批准, 办结期限延长 ${EXTENSION_WORKING_DAYS} 个工作日至 ${deadline.deadline}。理由: ${reason}`,
      `extension:${task.activityInstanceId}`);
    await extensionDecision(await actContext(services), { ...actOf(task, services), reason, before, after: deadline.deadline, days: EXTENSION_WORKING_DAYS });
    return { ...deadlineVariables('decision', deadline), extensionUsed: true, extensionRefusal: null };
  },
};
