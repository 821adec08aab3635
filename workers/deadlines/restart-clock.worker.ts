// deadline.restart-clock: the special procedure has ended; the working days it took are added
// to the decision deadline (the day the clock stopped still counted, the restart day does not).
import { schedule } from '../../lib/calendar/deadlines.js';
import { clockRestartNotice } from '../../lib/documents/index.js';
import { findPause, recordStatus, restartClock, setDecisionDeadline } from '../../lib/repositories/cases.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { actContext, actOf } from '../runtime/act-context.js';
import { requireBusinessKey, requireInteger, VariableError } from '../runtime/variables.js';
import { deadlineVariables } from './deadline-variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.restartClock,
  options: { lockDuration: 30_000, variables: ['clockPauseId', 'clockDate'] },
  template: { name: '恢复计时', description: '特别程序结束, 所用工作日顺延到办结期限', outputs: ['decisionDeadline', 'decisionDueAt', 'decisionWarningAt', 'clockPausedWorkingDays'] },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const id = requireInteger(task, 'clockPauseId');
    const pause = await findPause(services.db, id);
    if (!pause) throw new VariableError('clockPauseId', `指向不存在的暂停记录 ${id}`);
    const calendar = await services.calendar();
    const restartedOn = pause.restartedOn ?? services.today(task);
    const after = pause.deadlineAfter ?? calendar.resumeAfterPause(pause.deadlineBefore, { from: pause.stoppedOn, to: restartedOn });
    const closed = await restartClock(services.db, id, { restartedOn, pausedWorkingDays: calendar.workingDaysBetween(pause.stoppedOn, restartedOn), deadlineAfter: after });
    await setDecisionDeadline(services.db, businessKey, closed.deadlineAfter!);
    await recordStatus(services.db, {
      businessKey, status: '恢复计时', activityId: task.activityId, activityInstanceId: task.activityInstanceId,
      note: `${pause.procedure}结束, 暂停 ${closed.pausedWorkingDays} 个工作日, 办结期限顺延至 ${closed.deadlineAfter}`,
      detail: { before: pause.deadlineBefore, after: closed.deadlineAfter, pausedWorkingDays: closed.pausedWorkingDays },
    });
    await clockRestartNotice(await actContext(services), {
      ...actOf(task, services), procedure: pause.procedure, restartedOn: closed.restartedOn!, pausedWorkingDays: closed.pausedWorkingDays!, before: pause.deadlineBefore, after: closed.deadlineAfter!,
    });
    return { ...deadlineVariables('decision', schedule(calendar, closed.deadlineAfter!, closed.restartedOn!, services.deadlines)), clockPausedWorkingDays: closed.pausedWorkingDays };
  },
};
