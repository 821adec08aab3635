// supervision.alert: 电子监察 — a yellow warning when the last working day(s) begin, a red card
// when the deadline has passed; each is recorded and notified to the responsible group once.
import { raiseAlert } from '../../lib/repositories/supervision.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { optionalString, requireBusinessKey, requireString, VariableError } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.raiseAlert,
  options: { lockDuration: 30_000, variables: ['alertLevel', 'alertActivityId', 'alertActivityName', 'alertGroup', 'decisionDeadline', 'decisionDueAt', 'decisionWarningAt', 'receiptNumber', 'itemName'] },
  template: { name: '电子监察预警', description: '黄牌预警或红牌警告, 记录并通知责任科室一次', inputs: [{ name: 'alertLevel', label: '级别', value: 'yellow', choices: ['yellow', 'red'] }, { name: 'alertActivityId', label: '被监察的任务 id', value: '' }, { name: 'alertActivityName', label: '被监察的任务名称', value: '' }, { name: 'alertGroup', label: '责任科室', value: '${reviewGroup}' }] },
  async handler({ task, services }) {
    const level = requireString(task, 'alertLevel');
    if (level !== 'yellow' && level !== 'red') throw new VariableError('alertLevel', `应为 yellow 或 red, 实际为 ${level}`);
    // a deadline that starts inside the warning window gets its warning with the red card: skip it
    if (level === 'yellow' && optionalString(task, 'decisionWarningAt') === optionalString(task, 'decisionDueAt')) return {};
    const deadline = requireString(task, 'decisionDeadline');
    const activityName = requireString(task, 'alertActivityName');
    const receipt = optionalString(task, 'receiptNumber') ?? null;
    const message = level === 'yellow'
      ? `黄牌预警: 办件 ${receipt ?? ''}「${optionalString(task, 'itemName') ?? ''}」的「${activityName}」环节将于 ${deadline} 到期, 请尽快办理`
      : `红牌警告: 办件 ${receipt ?? ''}「${optionalString(task, 'itemName') ?? ''}」的「${activityName}」环节已超过办结期限 ${deadline}`;
    // no process variable is set: a yellow and a red timer may complete at the same moment
    await raiseAlert(services.db, {
      businessKey: requireBusinessKey(task), receiptNumber: receipt, level, activityId: requireString(task, 'alertActivityId'),
      activityName, responsibleGroup: requireString(task, 'alertGroup'), deadline, message, timerActivityInstanceId: task.activityInstanceId,
    });
    return {};
  },
};
