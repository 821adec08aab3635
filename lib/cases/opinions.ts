// What people said at the steps of a case (审查意见, 勘验结论, 踏勘意见, 法制审核, 征求意见的答复,
// 退回理由 …): read once, here, from the case's history, for the task page's panel in the
// 工作台 and for the 办件轨迹. A step done again after 退回 shows each time as it was written then.
import { formFieldLabel } from '../forms/fields.js';
import type { CaseHistory } from './history.js';

/** The steps whose opinions a later step reads, each with its form fields and their labels. */
export const OPINION_STEPS: Array<{ task: string; step: string; fields: Record<string, string> }> = [
  { task: 'ReviewTask', step: '审查', fields: { reviewOpinion: '审查意见', extensionReason: '延期理由', consultationQuestion: '征求意见事项' } },
  { task: 'ApproveExtensionTask', step: '批准延长期限', fields: { leaderComment: '领导意见' } },
  { task: 'SiteInspectionTask', step: '勘验', fields: { siteInspectionResult: '勘验结论', siteInspectionOpinion: '勘验意见', toleratedGaps: '容缺勘验事项' } },
  { task: 'FollowUpInspectionTask', step: '补充勘验', fields: { siteInspectionResult: '勘验结论', siteInspectionOpinion: '勘验意见' } },
  { task: 'InspectTask', step: '联合踏勘', fields: { inspectionOpinion: '踏勘意见', inspectionConditions: '条件', inspectionReason: '理由' } },
  { task: 'LegalReviewTask', step: '法制审核', fields: { legalReviewOpinion: '审核结论', legalReviewComment: '审核说明' } },
  { task: 'AnswerConsultationTask', step: '征求意见', fields: { consultationAnswer: '答复' } },
  { task: 'DecisionTask', step: '决定', fields: { decision: '决定', returnReason: '退回理由', decisionReason: '不予理由', decisionContent: '准予内容' } },
];

/** Fields of any other step's form that hold what the person said (理由, 意见, 结论 …). */
const OPINION_FIELD = /(Opinion|Reason|Result|Comment|Content|Answer|Note|Summary)$/;

const DECISIONS: Record<string, string> = { grant: '准予', deny: '不予', return: '退回重审' };

export interface Opinion {
  taskId: string;
  /** the step as a clerk names it (审查, 勘验 …) */
  step: string;
  /** who completed the step (login id) */
  by: string | null;
  at: string;
  fields: Array<{ label: string; value: string }>;
}

const shown = (name: string, value: unknown): string => (name === 'decision' ? DECISIONS[String(value)] ?? String(value) : Array.isArray(value) ? value.join('、') : String(value));

/** The opinions of the case's finished human steps, oldest first; steps where nobody said anything are left out. */
export async function caseOpinions(history: CaseHistory): Promise<Opinion[]> {
  const steps = new Map(OPINION_STEPS.map((step) => [step.task, step]));
  const done = (await history.activities())
    .filter((activity) => activity.activityType === 'userTask' && activity.taskId && activity.endTime)
    .sort((a, b) => a.endTime!.localeCompare(b.endTime!));
  if (!done.length) return [];
  const [written, completedBy] = await Promise.all([history.written(), history.completedBy()]);
  return done.map((activity) => {
    const at = written.filter((entry) => entry.taskId === activity.taskId || entry.activityInstanceId === activity.id);
    const last = (name: string) => at.filter((entry) => entry.name === name).at(-1)?.value;
    const listed = steps.get(activity.activityId);
    const names = listed ? Object.keys(listed.fields) : [...new Set(at.map((entry) => entry.name).filter((name) => OPINION_FIELD.test(name)))];
    const fields = names.flatMap((name) => {
      const value = last(name);
      if (value === null || value === undefined || (typeof value === 'string' && !value.trim())) return [];
      return [{ label: listed?.fields[name] ?? formFieldLabel(name) ?? name, value: shown(name, value) }];
    });
    return { taskId: activity.taskId!, step: listed?.step ?? activity.activityName ?? activity.activityId, by: completedBy.get(activity.taskId!) ?? activity.assignee, at: activity.endTime!, fields };
  }).filter((opinion) => opinion.fields.length > 0);
}
