// rating.record-step: a step of a bad rating's handling (input parameter ratingStep) written to
// the rating once: the appeal decided, the return visit, the rectification or explanation
// (with whether it came within the 5 working days).
import { recordRatingStep, type RatingStep } from '../../lib/repositories/ratings.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerContext, WorkerDefinition } from '../runtime/worker.js';
import { optionalString, requireBusinessKey, requireString, VariableError } from '../runtime/variables.js';

type Outcome = { fields: RatingStep['fields']; note: string };

const VERIFICATION: Record<string, string> = { confirmed: '属实', unfounded: '不属实', appeal: '误评 (已申诉)' };

const STEPS: Record<string, (context: WorkerContext) => Outcome> = {
  'appeal-upheld': ({ task }) => {
    const decision = optionalString(task, 'appealDecisionNote') ?? '';
    return { fields: { status: '申诉成立 (误评, 不计入统计)', counted: false, appeal_reason: requireString(task, 'appealReason'), appeal_decision: `成立: ${decision}` }, note: decision };
  },
  'appeal-rejected': ({ task }) => {
    const decision = optionalString(task, 'appealDecisionNote') ?? '';
    return { fields: { status: '申诉不成立, 整改中', appeal_reason: requireString(task, 'appealReason'), appeal_decision: `不成立: ${decision}` }, note: decision };
  },
  'return-visit': ({ task }) => {
    const note = requireString(task, 'returnVisitNote');
    return { fields: { status: '已回访', return_visit: note }, note };
  },
  rectified: ({ task, services }) => {
    const kind = requireString(task, 'rectificationKind');
    if (kind !== '整改' && kind !== '说明') throw new VariableError('rectificationKind', `应为 整改 或 说明, 实际为 ${kind}`);
    const text = requireString(task, kind === '整改' ? 'rectificationMeasures' : 'explanation');
    const today = services.today(task);
    const verification = optionalString(task, 'verificationResult');
    return {
      fields: {
        status: kind === '整改' ? '已整改' : '已说明', rectification_kind: kind, rectification: text, rectified_on: today,
        rectified_in_time: today <= requireString(task, 'rectificationDeadline'),
        verification_result: `${VERIFICATION[verification ?? ''] ?? '属实'}: ${optionalString(task, 'verificationFinding') ?? ''}`,
      },
      note: text,
    };
  },
};

export const worker: WorkerDefinition = {
  topic: TOPICS.recordRatingStep,
  options: {
    lockDuration: 30_000,
    variables: ['ratingStep', 'appealReason', 'appealDecisionNote', 'returnVisitNote', 'rectificationKind', 'rectificationMeasures', 'explanation', 'rectificationDeadline', 'verificationResult', 'verificationFinding', 'clockDate'],
  },
  template: { name: '记录差评处理环节', description: '差评处理的一个环节 (输入参数 ratingStep) 记入评价一次: 申诉结果、回访、整改或说明 (是否在 5 个工作日内)' },
  async handler(context) {
    const { task, services } = context;
    const step = requireString(task, 'ratingStep');
    const rule = STEPS[step];
    if (!rule) throw new VariableError('ratingStep', `未知的差评处理步骤 ${step}; 可用: ${Object.keys(STEPS).join(', ')}`);
    const outcome = rule(context);
    await recordRatingStep(services.db, { businessKey: requireBusinessKey(task), step, activityInstanceId: task.activityInstanceId, note: outcome.note, fields: outcome.fields });
    return {};
  },
};
