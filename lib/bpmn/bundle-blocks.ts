// 联合踏勘: the departments of a bundle inspect in parallel, each records its opinion, and the
// opinions are merged into one. Two processes: the joint inspection, and one department's part.
import { TOPICS } from '../process/topics.js';
import type { ProcessModel } from './builder.js';

export const inspectionOpinionBlock: ProcessModel = {
  id: 'joint-inspection-opinion',
  name: '联合踏勘 (部门意见)',
  documentation: '一个部门在联合踏勘中的意见: 同意、有条件同意 (写明条件) 或不同意 (写明理由); 现场照片作为任务附件上传.',
  nodes: [
    { kind: 'start', id: 'OpinionStartEvent', name: '开始踏勘' },
    { kind: 'user', id: 'InspectTask', name: '联合踏勘', groups: '${inspectionGroup}', form: 'joint-inspection-inspect', due: '${bundleDueAt}', rules: [
      { choiceVariable: 'inspectionOpinion', choice: '不同意', requiredVariable: 'inspectionReason', message: '不同意必须说明理由' },
      { choiceVariable: 'inspectionOpinion', choice: '有条件同意', requiredVariable: 'inspectionConditions', message: '有条件同意必须写明条件' },
    ] },
    { kind: 'service', id: 'RecordOpinionTask', name: '记录部门意见', topic: TOPICS.recordInspectionOpinion },
    { kind: 'end', id: 'OpinionRecordedEndEvent', name: '已提出意见' },
  ],
  flows: [
    { id: 'ToInspectFlow', from: 'OpinionStartEvent', to: 'InspectTask' },
    { id: 'ToRecordOpinionFlow', from: 'InspectTask', to: 'RecordOpinionTask' },
    { id: 'OpinionRecordedFlow', from: 'RecordOpinionTask', to: 'OpinionRecordedEndEvent' },
  ],
};

export const jointInspectionBlock: ProcessModel = {
  id: 'joint-inspection',
  name: '联合踏勘',
  documentation: '各部门并联踏勘 (一同踏勘), 按一件事的会签规则合并为统一意见: 全部同意 (默认, 任一部门不同意即不予办理并说明理由), 多数同意或任一同意 (结果已定即结束其余部门的踏勘); 有条件同意的条件写入许可.',
  nodes: [
    { kind: 'start', id: 'JointInspectionStartEvent', name: '开始联合踏勘' },
    { kind: 'call', id: 'DepartmentInspectionCallActivity', name: '部门踏勘', calledElement: 'joint-inspection-opinion', multiInstance: { collection: '${jointInspectionGroups}', elementVariable: 'inspectionGroup', completionCondition: "${execution.getVariable('jointDecided') == true}" }, outputs: ['jointDecided'] },
    { kind: 'service', id: 'MergeOpinionsTask', name: '合并意见', topic: TOPICS.mergeInspectionOpinions },
    { kind: 'end', id: 'JointInspectionDoneEndEvent', name: '出具统一意见' },
  ],
  flows: [
    { id: 'ToDepartmentInspectionFlow', from: 'JointInspectionStartEvent', to: 'DepartmentInspectionCallActivity' },
    { id: 'ToMergeOpinionsFlow', from: 'DepartmentInspectionCallActivity', to: 'MergeOpinionsTask' },
    { id: 'OpinionsMergedFlow', from: 'MergeOpinionsTask', to: 'JointInspectionDoneEndEvent' },
  ],
};
