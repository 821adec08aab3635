// credit.record: writes a credit record (承诺, 履约, 违约, 不良记录) once per case and event,
// naming the rule (input parameters creditKind, creditRule), and queues it for the platform.
import { recordCredit, type CreditKind } from '../../lib/repositories/credit.js';
import { TOPICS } from '../topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { optionalString, requireBusinessKey, requireString, VariableError } from '../runtime/variables.js';
import { applicantOf } from './applicant.js';

const KINDS: CreditKind[] = ['承诺', '履约', '违约', '不良记录'];

export const worker: WorkerDefinition = {
  topic: TOPICS.recordCredit,
  options: { lockDuration: 30_000, variables: ['creditKind', 'creditRule', 'application', 'receiptNumber', 'itemName', 'promiseKind', 'promiseDeadline', 'pendingMaterials'] },
  async handler({ task, services }) {
    const kind = requireString(task, 'creditKind') as CreditKind;
    if (!KINDS.includes(kind)) throw new VariableError('creditKind', `应为 ${KINDS.join('、')} 之一, 实际为 ${kind}`);
    const rule = requireString(task, 'creditRule');
    const businessKey = requireBusinessKey(task);
    const applicant = applicantOf(task);
    await recordCredit(services.db, {
      subjectCode: applicant.code, subjectName: applicant.name, kind, rule, businessKey,
      receiptNumber: optionalString(task, 'receiptNumber'),
      eventKey: `${businessKey}:${kind}:${rule}`,
      detail: { item: optionalString(task, 'itemName'), promise: optionalString(task, 'promiseKind'), promiseDeadline: optionalString(task, 'promiseDeadline'), materials: task.variables.get('pendingMaterials') ?? null },
      createdBy: `workflow:${task.activityId}`,
    });
    return {};
  },
};
