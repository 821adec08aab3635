// inspection.schedule-gaps: 容缺勘验 accepts an inspection with gaps; each gap (a line of the
// form's toleratedGaps) gets its own deadline, toleratedGapWorkingDays working days from the
// inspection (the calendar's, the day itself not counted), recorded on the case. The item process
// then waits for each deadline and gives the section a check task when it falls due.
import { computeDeadline } from '../../lib/calendar/deadlines.js';
import { recordStatus } from '../../lib/repositories/cases.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { requireBusinessKey, requireInteger, requireString, StringList, VariableError } from '../runtime/variables.js';

/** One gap per non-empty line. */
export function gapsOf(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

export const worker: WorkerDefinition = {
  topic: TOPICS.scheduleToleratedGaps,
  options: { lockDuration: 30_000, variables: ['toleratedGaps', 'toleratedGapWorkingDays', 'clockDate'] },
  template: { name: '容缺勘验缺项登记', description: '容缺勘验的每个缺项按整改期限 (工作日) 计算期限并记入办件, 期满生成核查任务', outputs: ['toleratedGapKeys', 'toleratedGapSchedule'] },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const gaps = gapsOf(requireString(task, 'toleratedGaps'));
    if (gaps.length === 0) throw new VariableError('toleratedGaps', '容缺勘验至少应列出一个缺项');
    const workingDays = requireInteger(task, 'toleratedGapWorkingDays');
    const inspectedOn = services.today(task);
    const deadline = computeDeadline(await services.calendar(), inspectedOn, workingDays, services.deadlines);
    const schedule = Object.fromEntries(gaps.map((gap, index) => [String(index + 1), { gap, deadline: deadline.deadline, dueAt: deadline.dueAt, warningAt: deadline.warningAt }]));
    await recordStatus(services.db, {
      businessKey, status: '容缺勘验缺项已登记', activityId: task.activityId, activityInstanceId: task.activityInstanceId,
      note: gaps.map((gap, index) => `${index + 1}. ${gap} (整改期限 ${deadline.deadline})`).join('\n'), detail: { inspectedOn, workingDays, gaps: Object.values(schedule) },
    });
    return { toleratedGapKeys: new StringList(Object.keys(schedule)), toleratedGapSchedule: schedule };
  },
};
