// complaint.escalate: 挂牌督办 — the body missed the rectification deadline of the 督办 notice:
// a red card for the leaders (电子监察), recorded once, and one more period is given.
import { recordComplaintStep } from '../../lib/repositories/complaints.js';
import { raiseAlert } from '../../lib/repositories/supervision.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { requireBusinessKey, requireString } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.escalateComplaint,
  options: { lockDuration: 30_000, variables: ['complaintNumber', 'respondentName', 'rectificationDeadline'] },
  template: { name: '挂牌督办', description: '整改期限届满未整改: 向局领导发出红牌 (电子监察), 只记录一次, 再给一个整改期限', outputs: ['escalated'] },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const number = requireString(task, 'complaintNumber');
    const deadline = requireString(task, 'rectificationDeadline');
    const message = `红牌警告: 政务失信投诉 ${number} 的被投诉单位「${requireString(task, 'respondentName')}」未在督办期限 ${deadline} 前整改, 已挂牌督办`;
    await raiseAlert(services.db, {
      businessKey, receiptNumber: number, level: 'red', activityId: 'TrackRectificationTask', activityName: '整改跟踪', responsibleGroup: 'leaders',
      deadline, message, timerActivityInstanceId: task.activityInstanceId,
    });
    await recordComplaintStep(services.db, { businessKey, status: '挂牌督办', activityInstanceId: task.activityInstanceId, note: message, fields: { escalated: true } });
    return { escalated: true };
  },
};
