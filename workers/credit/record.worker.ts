// credit.record: writes a credit record (承诺, 履约, 违约, 不良记录) once per case and event,
// naming the rule (input parameters creditKind, creditRule), and queues it for the platform.
import { recordCredit, type CreditKind } from '../../lib/repositories/credit.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { optionalString, requireBusinessKey, requireString, VariableError } from '../runtime/variables.js';
import { applicantOf } from './applicant.js';

const KINDS: CreditKind[] = ['承诺', '履约', '违约', '不良记录'];

export const worker: WorkerDefinition = {
  topic: TOPICS.recordCredit,
  options: { lockDuration: 30_000, variables: ['creditKind', 'creditRule', 'application', 'receiptNumber', 'itemName', 'promiseKind', 'promiseDeadline', 'pendingMaterials'] },
  template: { name: '记录信用信息', description: '写入一条信用记录 (承诺、履约、违约、不良记录) 并排队推送信用平台, 每个办件每个事件一次', inputs: [{ name: 'creditKind', label: '信用记录类型', value: '履约', choices: ['承诺', '履约', '违约', '不良记录'] }, { name: 'creditRule', label: '依据 (规则)', value: '' }] },
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
