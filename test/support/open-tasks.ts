// Many open tasks through the engine, fast: a process (not shipped) whose one user task is a
// parallel multi-instance, each instance a task of the given section with its own due and
// follow-up date and the task-local case columns, set by the same create listeners the item
// processes use (lib/bpmn/builder.ts TASK_LIST_COLUMNS), from its row. One start makes the whole
// list in one engine transaction. For bench/open-tasks.ts and the 工作台 paging tests.
import { TASK_LIST_COLUMNS } from '../../lib/bpmn/builder.js';
import { toVariables, type EngineClient } from '../../lib/engine/client.js';

export const OPEN_TASKS_PROCESS = 'benchOpenTasks';

/** an instance's row, found by its loop counter (the engine's expression allowlist: prop, concat) */
const row = (key: string) => `rows.prop(''.concat(loopCounter)).prop('${key}').stringValue()`;
const listener = (column: (typeof TASK_LIST_COLUMNS)[number]) =>
  `<camunda:taskListener event="create" expression="\${task.setVariableLocal('${column.local}', ${column.source === 'itemName' ? `task.execution.getVariable('itemName')` : row(column.source)})}" />`;

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="OpenTasksDefinitions" targetNamespace="https://shenpi.invalid/bench">
  <bpmn:process id="${OPEN_TASKS_PROCESS}" name="待办基准 (test/support/open-tasks.ts)" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="ToReview" sourceRef="Start" targetRef="ReviewTask" />
    <bpmn:userTask id="ReviewTask" name="审查" camunda:candidateGroups="\${section}" camunda:dueDate="\${${row('reviewDueAt')}}" camunda:followUpDate="\${${row('reviewWarningAt')}}">
      <bpmn:extensionElements>
        ${TASK_LIST_COLUMNS.map(listener).join('\n        ')}
      </bpmn:extensionElements>
      <bpmn:multiInstanceLoopCharacteristics>
        <bpmn:loopCardinality>\${count}</bpmn:loopCardinality>
      </bpmn:multiInstanceLoopCharacteristics>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="ToEnd" sourceRef="ReviewTask" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

export async function deployOpenTasks(admin: EngineClient): Promise<void> {
  const form = new FormData();
  form.append('deployment-name', 'shenpi-open-tasks');
  form.append('enable-duplicate-filtering', 'true');
  form.append(`${OPEN_TASKS_PROCESS}.bpmn`, new Blob([BPMN], { type: 'application/xml' }), `${OPEN_TASKS_PROCESS}.bpmn`);
  await admin.post('/deployment/create', form);
}

/** Beijing time as the item processes write deadlines: 2026-10-13T23:59:59+08:00 */
export const beijingTime = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';

export interface OpenTask { receiptNumber: string; applicantName: string; due: Date }

/** One task per row, of `section`, followed up (黄牌) a day before its due date; the instance's id. */
export async function startOpenTasks(admin: EngineClient, businessKey: string, section: string, itemName: string, tasks: OpenTask[]): Promise<string> {
  const rows = Object.fromEntries(tasks.map((task, i) => [String(i), {
    receiptNumber: task.receiptNumber, applicantName: task.applicantName, reviewDueAt: beijingTime(task.due), reviewWarningAt: beijingTime(new Date(task.due.getTime() - 24 * 3600_000)),
  }]));
  const started = await admin.post<{ id: string }>(`/process-definition/key/${OPEN_TASKS_PROCESS}/start`, { businessKey, variables: toVariables({ count: tasks.length, section, itemName, rows }) });
  return started.id;
}
