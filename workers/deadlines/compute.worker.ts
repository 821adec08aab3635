// deadline.compute: N working days after a date (the day of the act not counted), from the
// input parameters deadlineName, deadlineFrom and deadlineWorkingDays; or, with
// deadlineWorkingHours, that many office hours after deadlineFromTime (an instant; default the
// start of deadlineFrom): 半个工作日 is 4 office hours, never on a day off. A date outside the
// calendar's known range is never guessed: the case waits for the year (calendar-wait.ts).
import { computeDeadline } from '../../lib/calendar/deadlines.js';
import { computeHoursDeadline, officeHoursOf } from '../../lib/calendar/office-hours.js';
import { setDecisionDeadline } from '../../lib/repositories/cases.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { optionalString, requireInteger, requireString, VariableError } from '../runtime/variables.js';
import { deadlineVariables } from './deadline-variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.computeDeadline,
  options: { lockDuration: 30_000, variables: ['deadlineName', 'deadlineFrom', 'deadlineWorkingDays', 'deadlineWorkingHours', 'deadlineFromTime'] },
  template: { name: '计算期限 (工作日)', description: '自某日起 N 个工作日 (当日不计), 得出 <名称>Deadline、<名称>DueAt、<名称>WarningAt', inputs: [{ name: 'deadlineName', label: '期限名称 (小驼峰英文)', value: 'decision' }, { name: 'deadlineFrom', label: '起算日期', value: '${acceptedOn}' }, { name: 'deadlineWorkingDays', label: '工作日数', value: '${decisionWorkingDays}' }, { name: 'deadlineWorkingHours', label: '工作小时数 (不足一个工作日的时限; 留空按工作日)', value: '' }] },
  async handler({ task, services }) {
    const name = requireString(task, 'deadlineName');
    if (!/^[a-z][a-zA-Z]*$/.test(name)) throw new VariableError('deadlineName', `应为小驼峰英文名, 实际为 ${name}`);
    const from = requireString(task, 'deadlineFrom');
    const hours = task.variables.get('deadlineWorkingHours') as unknown;
    let deadline;
    if (hours !== undefined && hours !== null && hours !== '') {
      if (typeof hours !== 'number' || !(hours > 0)) throw new VariableError('deadlineWorkingHours', `应为正数 (工作小时), 实际为 ${JSON.stringify(hours)}`);
      const { utcOffset } = services.deadlines;
      deadline = computeHoursDeadline(await services.calendar(), optionalString(task, 'deadlineFromTime') ?? `${from}T00:00:00${utcOffset}`, hours, officeHoursOf(services.deadlines), utcOffset);
    } else {
      const workingDays = requireInteger(task, 'deadlineWorkingDays');
      if (workingDays < 0) throw new VariableError('deadlineWorkingDays', `不能为负数: ${workingDays}`);
      deadline = computeDeadline(await services.calendar(), from, workingDays, services.deadlines);
    }
    // a bundle's deadline is its case's decision deadline
    if ((name === 'decision' || name === 'bundle') && task.businessKey) await setDecisionDeadline(services.db, task.businessKey, deadline.deadline);
    return deadlineVariables(name, deadline);
  },
};
