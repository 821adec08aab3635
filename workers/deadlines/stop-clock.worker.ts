// deadline.stop-clock: Art. 45 — a hearing, testing, expert review… (特别程序) does not count
// against the time limit. The clock stops today, the pause is recorded, and the applicant gets
// the written notice.
import { specialProcedureNotice } from '../../lib/documents/index.js';
import { recordStatus, stopClock } from '../../lib/repositories/cases.js';
import { notifyApplicant } from '../../lib/repositories/supervision.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { actContext, actOf } from '../runtime/act-context.js';
import { optionalString, requireBusinessKey, requireString } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.stopClock,
  options: { lockDuration: 30_000, variables: ['decisionDeadline', 'specialProcedure', 'specialProcedureReason', 'receiptNumber', 'itemName', 'clockDate'] },
  template: { name: '暂停计时 (特别程序)', description: '《行政许可法》第四十五条: 听证、检验检测、专家评审等不计入期限, 书面告知申请人', outputs: ['clockPauseId', 'clockStoppedOn', 'specialProcedureNotice'] },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const procedure = requireString(task, 'specialProcedure');
    const reason = requireString(task, 'specialProcedureReason');
    const stoppedOn = services.today(task);
    const notice = `您申请的「${optionalString(task, 'itemName') ?? ''}」(受理编号 ${optionalString(task, 'receiptNumber') ?? ''}) 需要进行${procedure}, `
      + `依《行政许可法》第四十五条, 所需时间不计算在审批期限内。审批期限自 ${stoppedOn} 起暂停计算, ${procedure}结束后恢复计算。理由: ${reason}`;
    const pause = await stopClock(services.db, businessKey, { procedure, reason, notice, stoppedOn, deadlineBefore: requireString(task, 'decisionDeadline') }, task.activityInstanceId);
    await recordStatus(services.db, { businessKey, status: '特别程序 (暂停计时)', activityId: task.activityId, activityInstanceId: task.activityInstanceId, note: `${procedure}: ${reason}` });
    await notifyApplicant(services.db, businessKey, '特别程序告知书', notice, `pause:${task.activityInstanceId}`);
    await specialProcedureNotice(await actContext(services), { ...actOf(task, services), procedure, reason, deadlineBefore: pause.deadlineBefore });
    return { clockPauseId: pause.id, clockStoppedOn: pause.stoppedOn, specialProcedureNotice: notice };
  },
};
