// inspection.merge-opinions: the departments' opinions become one (出具统一审批意见): one
// 不同意 stops the bundle with its reasons; the conditions of all 有条件同意 go into the permits.
import { groupName } from '../../lib/engine/directory.js';
import { jointVerdict, type JointRule } from '../../lib/catalogue/bundle.js';
import { opinionsOf } from '../../lib/repositories/bundles.js';
import { jointInspectionOpinion } from '../../lib/documents/index.js';
import { recordStatus } from '../../lib/repositories/cases.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { actContext, actOf } from '../runtime/act-context.js';
import { optionalString, requireBusinessKey } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.mergeInspectionOpinions,
  options: { lockDuration: 30_000, variables: ['jointInspectionRule', 'jointInspectionSize'] },
  template: { name: '联合踏勘意见汇总', description: '各部门踏勘意见合并为统一意见: 一个不同意即终止, 有条件同意的条件写入许可', outputs: ['jointOpinion', 'jointConditions', 'jointRefusalReasons'] },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const opinions = await opinionsOf(services.db, businessKey);
    // 会签: 全部同意 (one 不同意 stops the bundle), 多数同意, 任一同意, as the bundle's entry says
    const rule = (optionalString(task, 'jointInspectionRule') ?? '全部同意') as JointRule;
    const total = task.variables.get('jointInspectionSize');
    const { agreed } = jointVerdict(rule, typeof total === 'number' ? total : opinions.length, opinions);
    const refusals = agreed ? [] : opinions.filter((o) => o.opinion === '不同意');
    const conditions = agreed ? opinions.filter((o) => o.opinion === '有条件同意' && o.conditions).map((o) => `${groupName(o.groupId)}: ${o.conditions}`) : [];
    const merged = !agreed ? '不同意' : conditions.length ? '有条件同意' : '同意';
    const reasons = refusals.map((o) => `${groupName(o.groupId)}: ${o.reason ?? '(未说明理由)'}`).join('; ');
    await recordStatus(services.db, {
      businessKey, status: `联合踏勘${merged}`, activityId: task.activityId, activityInstanceId: task.activityInstanceId,
      note: refusals.length ? reasons : conditions.join('; ') || '各部门均同意', detail: opinions,
    });
    await jointInspectionOpinion(await actContext(services), { ...actOf(task, services), merged, opinions });
    return { jointOpinion: merged, jointConditions: conditions.join('; ') || null, jointRefusalReasons: reasons || null };
  },
};
