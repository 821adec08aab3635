// 催办: a leader or the 督查室 urges the open tasks of a case. Each task's section (and, named in
// the notice, its assignee) is notified through the notification table; the urge is an entry of
// the case's timeline (办件轨迹), the status unchanged.
import { randomUUID } from 'node:crypto';
import type { EngineClient } from '../engine/client.js';
import { Conflict, InvalidInput } from '../errors.js';
import type { ProcessDeps } from '../process-deps.js';
import { addCaseNote, findCaseByReceipt } from '../repositories/cases.js';
import { notifyGroup } from '../repositories/supervision.js';
import { unknownCase } from './identity.js';

export interface UrgeInput { receiptNumber: string; message: string; urgedBy: string }

export interface UrgeResult {
  receiptNumber: string;
  urged: Array<{ taskId: string; taskName: string; assignee: string | null; groups: string[] }>;
}

interface OpenTask { id: string; name: string; assignee: string | null; taskDefinitionKey: string }

/** the task's sections (the service account reads history, not the runtime tasks of people) */
async function candidateGroups(engine: EngineClient, taskId: string): Promise<string[]> {
  const log = await engine.get<Array<{ groupId: string | null; operationType: string }>>(`/history/identity-link-log?taskId=${taskId}&type=candidate&sortBy=time&sortOrder=asc`);
  const groups = new Set<string>();
  for (const entry of log) if (entry.groupId) (entry.operationType === 'add' ? groups.add(entry.groupId) : groups.delete(entry.groupId));
  return [...groups];
}

export async function urgeCase({ db, engine }: ProcessDeps, input: UrgeInput): Promise<UrgeResult> {
  const message = typeof input.message === 'string' ? input.message.trim() : '';
  if (message.length < 2 || message.length > 200) throw new InvalidInput('催办无效', [{ field: 'message', rule: 'length', message: '催办意见 message 为必填项, 2 到 200 个字' }]);
  const record = await findCaseByReceipt(db, input.receiptNumber);
  if (!record) throw unknownCase(input.receiptNumber);
  const tasks = await engine.get<OpenTask[]>(`/history/task?processInstanceBusinessKey=${encodeURIComponent(record.businessKey)}&unfinished=true`);
  if (tasks.length === 0) throw new Conflict('no-open-task', `办件 ${record.receiptNumber} 当前没有待办的环节, 无需催办`);
  const urgeId = randomUUID();
  const urged: UrgeResult['urged'] = [];
  for (const task of tasks) {
    const groups = await candidateGroups(engine, task.id);
    const body = `${input.urgedBy} 催办「${record.itemName}」(受理编号 ${record.receiptNumber}) 的「${task.name}」${task.assignee ? ` (经办人 ${task.assignee})` : ''}: ${message}`;
    for (const group of groups) await notifyGroup(db, group, record.businessKey, '催办', body, `urge:${urgeId}:${task.id}:${group}`);
    urged.push({ taskId: task.id, taskName: task.name, assignee: task.assignee, groups });
  }
  await addCaseNote(db, {
    businessKey: record.businessKey, kind: '催办', activityId: tasks.map((task) => task.taskDefinitionKey).join(','), eventKey: `urge:${urgeId}`,
    note: `${input.urgedBy} 催办 ${urged.map((task) => `「${task.taskName}」`).join('、')}: ${message}`, detail: { urgedBy: input.urgedBy, message, tasks: urged },
  });
  return { receiptNumber: record.receiptNumber, urged };
}
