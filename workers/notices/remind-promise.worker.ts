// notice.promise-reminder: 3 working days before a 容缺 or 告知承诺 deadline (the timer on the
// waiting task), the applicant is reminded what is still due and by when (lib/notices).
import { remindPromise } from '../../lib/notices/index.js';
import { TOPICS } from '../topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { jsonVariable, optionalString, requireBusinessKey, requireString } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.remindPromise,
  options: { lockDuration: 30_000, variables: ['promiseKind', 'promiseDeadline', 'promiseReminderAt', 'promiseDueAt', 'pendingMaterials', 'clockDate'] },
  template: { name: '提醒申请人履行承诺', description: '容缺补正或告知承诺期满前 3 个工作日, 以短信和平台回调提醒申请人 (每个办件一次)' },
  async handler({ task, services }) {
    const materials = (jsonVariable<Array<{ name: string }>>(task, 'pendingMaterials') ?? []).map((material) => material.name);
    await remindPromise(services.db, {
      businessKey: requireBusinessKey(task), activityId: task.activityId, promiseKind: optionalString(task, 'promiseKind') ?? '',
      deadline: requireString(task, 'promiseDeadline'), materials, today: services.today(task),
      reminderAt: requireString(task, 'promiseReminderAt'), dueAt: requireString(task, 'promiseDueAt'),
    });
    return {};
  },
};
