// inspection.record-opinion: one department's opinion in a 联合踏勘, kept once per department;
// `jointDecided` once the 会签 rule's outcome can no longer change (the others' inspections end).
import { jointVerdict, type JointRule } from '../../lib/catalogue/bundle.js';
import { opinionsOf, recordOpinion } from '../../lib/repositories/bundles.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { optionalString, requireBusinessKey, requireString, VariableError } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.recordInspectionOpinion,
  options: { lockDuration: 30_000, variables: ['inspectionGroup', 'inspectionOpinion', 'inspectionConditions', 'inspectionReason', 'inspector', 'jointInspectionRule', 'jointInspectionSize'] },
  template: { name: '记录部门踏勘意见', description: '联合踏勘中一个部门的意见 (同意、有条件同意、不同意), 每个部门记录一次; 按会签规则判断结果是否已定', outputs: ['jointDecided'] },
  async handler({ task, services }) {
    const opinion = requireString(task, 'inspectionOpinion');
    if (opinion !== '同意' && opinion !== '有条件同意' && opinion !== '不同意') throw new VariableError('inspectionOpinion', `应为 同意、有条件同意 或 不同意, 实际为 ${opinion}`);
    const businessKey = requireBusinessKey(task);
    await recordOpinion(services.db, businessKey, {
      groupId: requireString(task, 'inspectionGroup'), opinion,
      conditions: optionalString(task, 'inspectionConditions') ?? null, reason: optionalString(task, 'inspectionReason') ?? null, inspector: optionalString(task, 'inspector') ?? null,
    });
    const rule = (optionalString(task, 'jointInspectionRule') ?? '全部同意') as JointRule;
    const total = task.variables.get('jointInspectionSize');
    return { jointDecided: typeof total === 'number' && jointVerdict(rule, total, await opinionsOf(services.db, businessKey)).decided };
  },
};
