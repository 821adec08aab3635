// What the 文书 service (lib/documents) needs from a worker: the database, the public address
// for the QR code, the working-day calendar; and the act: the case, the activity instance, the day.
import type { Task } from 'camunda-external-task-client-js';
import type { Act, ActContext } from '../../lib/documents/index.js';
import type { WorkerServices } from './services.js';
import { requireBusinessKey } from './variables.js';

export async function actContext(services: WorkerServices): Promise<ActContext> {
  return { db: services.db, settings: { publicUrl: services.webUrl }, calendar: await services.calendar() };
}

export function actOf(task: Task, services: WorkerServices): Act {
  return { businessKey: requireBusinessKey(task), actId: task.activityInstanceId, on: services.today(task) };
}
