// complaint.record-breach: a body that refuses to fix a confirmed breach of promise is recorded
// as 违约失信: a 失信 credit record once per complaint (unique event key), queued for the credit
// platform in the same transaction, the complaint closed, the complainant told.
import { BREACH_RULE } from '../../lib/complaints/rules.js';
import { recordCredit } from '../../lib/repositories/credit.js';
import { findComplaintByBusinessKey, recordComplaintStep } from '../../lib/repositories/complaints.js';
import { notifyApplicant } from '../../lib/repositories/supervision.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { optionalBoolean, optionalString, requireBusinessKey, VariableError } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.recordGovernmentBreach,
  options: { lockDuration: 30_000, variables: ['refusalFacts', 'escalated'] },
  template: { name: '记录违约失信', description: '被投诉主体拒不整改已确认的失信行为: 记入失信信用记录一次并推送信用平台, 办结投诉并告知投诉人' },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const complaint = await findComplaintByBusinessKey(services.db, businessKey);
    if (!complaint) throw new Error(`投诉 ${businessKey} 不存在`);
    if (!complaint.respondentCode) throw new VariableError('respondentCreditCode', '缺失: 被投诉单位的统一社会信用代码须在初审时填写');
    // refused outright, or let the escalated deadline pass as well
    const facts = optionalString(task, 'refusalFacts') ?? (optionalBoolean(task, 'escalated') ? '挂牌督办后逾期仍未整改' : '拒不整改');
    const eventKey = `${businessKey}:违约失信`;
    await recordCredit(services.db, {
      subjectCode: complaint.respondentCode, subjectName: complaint.respondentName, kind: '失信', rule: BREACH_RULE, businessKey, receiptNumber: complaint.complaintNumber, eventKey,
      detail: { complaintNumber: complaint.complaintNumber, field: complaint.field, promise: complaint.promise, facts: complaint.facts, refusal: facts },
      createdBy: `workflow:${task.activityId}`,
    });
    await recordComplaintStep(services.db, { businessKey, status: '违约失信', activityInstanceId: task.activityInstanceId, note: facts, fields: { outcome: '违约失信', credit_event_key: eventKey } });
    await notifyApplicant(services.db, businessKey, `政务失信投诉 ${complaint.complaintNumber} 办理结果`,
      `您对「${complaint.respondentName}」的投诉经核实属实, 该单位${facts}, 已确认为违约失信并记入信用记录。`, `complaint-breach:${businessKey}`);
    return {};
  },
};
