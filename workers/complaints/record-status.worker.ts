// complaint.record-status: a step of a 政务失信 complaint's timeline (input parameter
// complaintStatus) and the facts that come with it; the complainant is told of each outcome.
import { recordComplaintStep, type ComplaintStep } from '../../lib/repositories/complaints.js';
import { notifyApplicant } from '../../lib/repositories/supervision.js';
import { checkCreditCode } from '../../lib/validation/identifiers.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerContext, WorkerDefinition } from '../runtime/worker.js';
import { optionalBoolean, optionalString, requireBusinessKey, requireString, VariableError } from '../runtime/variables.js';

type Outcome = { fields?: ComplaintStep['fields']; note?: string; notify?: string; variables: Record<string, unknown> };

const STATUSES: Record<string, (context: WorkerContext) => Outcome> = {
  已受理: ({ task, services }) => {
    const code = requireString(task, 'respondentCreditCode');
    if (!checkCreditCode(code).ok) throw new VariableError('respondentCreditCode', `不是有效的统一社会信用代码: ${code} (请在 Cockpit 中更正变量后重试)`);
    return { fields: { respondent_code: code, field: requireString(task, 'complaintField') }, note: optionalString(task, 'preliminaryOpinion'), variables: { acceptedOn: services.today(task) } };
  },
  不予受理: ({ task }) => {
    const reason = requireString(task, 'rejectionReason');
    return { fields: { outcome: '不予受理' }, note: reason, notify: `经初审, 您的投诉不予受理: ${reason}`, variables: {} };
  },
  已研判: ({ task, services }) => {
    const confirmed = optionalBoolean(task, 'breachConfirmed');
    const opinion = requireString(task, 'assessmentOpinion');
    return { fields: { breach_confirmed: confirmed }, note: `${optionalString(task, 'assessingDepartment') ?? ''} 研判${confirmed ? '属实' : '不属实'}: ${opinion}`, variables: { assessedOn: services.today(task) } };
  },
  不属实: ({ task }) => {
    const opinion = requireString(task, 'assessmentOpinion');
    return { fields: { outcome: '不属实' }, note: opinion, notify: `经部门研判, 您投诉的失信行为不属实: ${opinion}`, variables: {} };
  },
  已督办: ({ task, services }) => ({ note: requireString(task, 'superviseNotice'), variables: { supervisedOn: services.today(task) } }),
  整改期限: ({ task }) => ({ fields: { rectification_deadline: requireString(task, 'rectificationDeadline') }, note: `整改期限 ${requireString(task, 'rectificationDeadline')}`, variables: {} }),
  整改未见成效: ({ task }) => ({ note: requireString(task, 'followUpNote'), variables: {} }),
  已整改: ({ task }) => {
    const note = requireString(task, 'followUpNote');
    return { fields: { outcome: '已整改' }, note, notify: `被投诉单位已整改, 经跟踪问效: ${note}`, variables: {} };
  },
};

export const worker: WorkerDefinition = {
  topic: TOPICS.recordComplaintStatus,
  options: {
    lockDuration: 30_000,
    variables: ['complaintStatus', 'complaintNumber', 'respondentName', 'respondentCreditCode', 'complaintField', 'preliminaryOpinion', 'rejectionReason', 'breachConfirmed',
      'assessmentOpinion', 'assessingDepartment', 'superviseNotice', 'rectificationDeadline', 'followUpNote', 'clockDate'],
  },
  template: { name: '记录投诉状态', description: '政务失信投诉的一个环节 (输入参数 complaintStatus) 记入投诉轨迹, 并告知投诉人处理结果' },
  async handler(context) {
    const { task, services } = context;
    const status = requireString(task, 'complaintStatus');
    const rule = STATUSES[status];
    if (!rule) throw new VariableError('complaintStatus', `未知的投诉状态 ${status}; 可用: ${Object.keys(STATUSES).join(', ')}`);
    const outcome = rule(context);
    const businessKey = requireBusinessKey(task);
    await recordComplaintStep(services.db, { businessKey, status, activityInstanceId: task.activityInstanceId, note: outcome.note, fields: outcome.fields });
    if (outcome.notify) {
      await notifyApplicant(services.db, businessKey, `政务失信投诉 ${optionalString(task, 'complaintNumber') ?? ''} 办理结果`,
        `您对「${optionalString(task, 'respondentName') ?? ''}」的投诉 (编号 ${optionalString(task, 'complaintNumber') ?? ''}): ${outcome.notify}`, `complaint:${task.activityInstanceId}`);
    }
    return outcome.variables;
  },
};
