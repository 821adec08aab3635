// deadline.compute: N working days after a date (the day of the act not counted), from the
// input parameters deadlineName, deadlineFrom and deadlineWorkingDays. A date outside the
// calendar's known range fails the task with what to do (an incident), never a guess.
import { computeDeadline } from '../../lib/calendar/deadlines.js';
import { setDecisionDeadline } from '../../lib/repositories/cases.js';
import { TOPICS } from '../topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { requireInteger, requireString, VariableError } from '../runtime/variables.js';
import { deadlineVariables } from './deadline-variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.computeDeadline,
  options: { lockDuration: 30_000, variables: ['deadlineName', 'deadlineFrom', 'deadlineWorkingDays'] },
  template: { name: '计算期限 (工作日)', description: '自某日起 N 个工作日 (当日不计), 得出 <名称>Deadline、<名称>DueAt、<名称>WarningAt', inputs: [{ name: 'deadlineName', label: '期限名称 (小驼峰英文)', value: 'decision' }, { name: 'deadlineFrom', label: '起算日期', value: '${acceptedOn}' }, { name: 'deadlineWorkingDays', label: '工作日数', value: '${decisionWorkingDays}' }] },
  async handler({ task, services }) {
    const name = requireString(task, 'deadlineName');
    if (!/^[a-z][a-zA-Z]*$/.test(name)) throw new VariableError('deadlineName', `应为小驼峰英文名, 实际为 ${name}`);
    const workingDays = requireInteger(task, 'deadlineWorkingDays');
    if (workingDays < 0) throw new VariableError('deadlineWorkingDays', `不能为负数: ${workingDays}`);
    const deadline = computeDeadline(await services.calendar(), requireString(task, 'deadlineFrom'), workingDays, services.deadlines);
    // a bundle's deadline is its case's decision deadline
    if ((name === 'decision' || name === 'bundle') && task.businessKey) await setDecisionDeadline(services.db, task.businessKey, deadline.deadline);
    return deadlineVariables(name, deadline);
  },
};
