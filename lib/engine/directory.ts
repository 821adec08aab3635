import { TASK_LIST_COLUMNS } from '../bpmn/builder.js';

// Who works in shenpi: department groups (科室), their Camunda authorizations, and the demo
// users that dev mode creates. Candidate groups in the BPMN use these group ids.
export const GROUPS = {
  window: { id: 'window', name: '综合受理窗口' },
  marketReview: { id: 'marketReview', name: '市场准入审批科' },
  constructionReview: { id: 'constructionReview', name: '建设工程审批科' },
  municipalReview: { id: 'municipalReview', name: '市政公用审批科' },
  healthReview: { id: 'healthReview', name: '社会事务审批科 (卫生健康)' },
  publicSecurityReview: { id: 'publicSecurityReview', name: '公安审批科' },
  legalReview: { id: 'legalReview', name: '法制审核科' },
  leaders: { id: 'leaders', name: '局领导' },
  utilityCompanies: { id: 'utilityCompanies', name: '市政公用服务单位 (水电气热讯)' },
  analysts: { id: 'analysts', name: '流程分析员' },
  operators: { id: 'operators', name: '运维' },
  ratingOffice: { id: 'ratingOffice', name: '好差评管理' },
  complaintWindow: { id: 'complaintWindow', name: '诚信建设投诉窗口' },
  supervisors: { id: 'supervisors', name: '督查室' },
  /** 科长: besides their section's group; 电子监察 of their own section (roles.ts) */
  sectionHeads: { id: 'sectionHeads', name: '科长' },
  services: { id: 'shenpiServices', name: 'shenpi 技术账号' },
} as const;

export type GroupId = (typeof GROUPS)[keyof typeof GROUPS]['id'];

/** A section's Chinese name for texts people read (permits, notices, summaries); the id when unknown. */
export const groupName = (id: string): string => (GROUPS as Record<string, { name: string }>)[id]?.name ?? id;

/** Groups whose members work on human tasks in the Tasklist. */
export const DEPARTMENT_GROUPS: GroupId[] = ['window', 'marketReview', 'constructionReview', 'municipalReview', 'healthReview', 'publicSecurityReview', 'legalReview', 'leaders', 'utilityCompanies', 'ratingOffice', 'complaintWindow', 'supervisors'];

/** The review sections an item's catalogue entry may name (reviewGroup). */
export const REVIEW_GROUPS: GroupId[] = ['marketReview', 'healthReview', 'constructionReview', 'municipalReview', 'publicSecurityReview'];

export interface DemoUser {
  id: string;
  firstName: string;
  lastName: string;
  groups: GroupId[];
  role: string;
}

export const DEMO_USERS: DemoUser[] = [
  { id: 'window1', lastName: '张', firstName: '敏', groups: ['window'], role: '窗口人员' },
  { id: 'window2', lastName: '黄', firstName: '丽', groups: ['window'], role: '窗口人员 (转办、委派的同事)' },
  { id: 'market1', lastName: '李', firstName: '强', groups: ['marketReview'], role: '审批人员 (市场准入)' },
  { id: 'market2', lastName: '马', firstName: '超', groups: ['marketReview'], role: '审批人员 (市场准入, 同科室同事)' },
  { id: 'construction1', lastName: '王', firstName: '磊', groups: ['constructionReview'], role: '审批人员 (建设工程)' },
  { id: 'municipal1', lastName: '赵', firstName: '静', groups: ['municipalReview'], role: '审批人员 (市政公用)' },
  { id: 'health1', lastName: '周', firstName: '芳', groups: ['healthReview'], role: '审批人员 (卫生健康)' },
  { id: 'police1', lastName: '吴', firstName: '刚', groups: ['publicSecurityReview'], role: '审批人员 (公安)' },
  // 审查与决定分离: a second clerk in each review section decides what the first reviewed
  { id: 'construction2', lastName: '钱', firstName: '勇', groups: ['constructionReview'], role: '审批人员 (建设工程, 决定)' },
  { id: 'municipal2', lastName: '冯', firstName: '雪', groups: ['municipalReview'], role: '审批人员 (市政公用, 决定)' },
  { id: 'health2', lastName: '许', firstName: '宁', groups: ['healthReview'], role: '审批人员 (卫生健康, 决定)' },
  { id: 'police2', lastName: '曹', firstName: '斌', groups: ['publicSecurityReview'], role: '审批人员 (公安, 决定)' },
  { id: 'legal1', lastName: '陈', firstName: '洁', groups: ['legalReview'], role: '法制审核人员' },
  { id: 'leader1', lastName: '郑', firstName: '国华', groups: ['leaders'], role: '局领导 (批准延期)' },
  { id: 'utility1', lastName: '何', firstName: '鹏', groups: ['utilityCompanies'], role: '公用事业单位 (联合踏勘)' },
  { id: 'analyst1', lastName: '刘', firstName: '洋', groups: ['analysts'], role: '流程分析员' },
  { id: 'operator1', lastName: '孙', firstName: '伟', groups: ['operators'], role: '运维' },
  { id: 'rating1', lastName: '马', firstName: '丽', groups: ['ratingOffice'], role: '好差评管理 (回访、申诉审核)' },
  { id: 'complaint1', lastName: '高', firstName: '峰', groups: ['complaintWindow'], role: '诚信建设投诉窗口专员' },
  { id: 'supervisor1', lastName: '罗', firstName: '军', groups: ['supervisors'], role: '督查室 (督办、跟踪问效)' },
  { id: 'markethead1', lastName: '杨', firstName: '帆', groups: ['marketReview', 'sectionHeads'], role: '科长 (市场准入审批科, 电子监察: 本科室)' },
];

/** Camunda 7 resource types (org.camunda.bpm.engine.authorization.Resources). */
export const RESOURCE = {
  application: 0,
  filter: 5,
  processDefinition: 6,
  task: 7,
  processInstance: 8,
  deployment: 9,
  decisionDefinition: 10,
  batch: 13,
  group: 2,
  user: 1,
} as const;

// What each group may do: roles.ts (the role table).

/** Tasklist filters every department member sees (their content is limited by authorization). */
const mine = { candidateGroupsExpression: '${currentUserGroups()}' };
// the engine sorts (and pages): deadline first, then the older task first (the 工作台 lists pages of it)
const byDueDate = { sorting: [{ sortBy: 'dueDate', sortOrder: 'asc' }, { sortBy: 'created', sortOrder: 'asc' }] };
/** the columns a clerk needs to know a case at a glance (task-local copies, see the builder) */
const CASE_COLUMNS = TASK_LIST_COLUMNS.map((column) => ({ name: column.local, label: column.label }));

export const FILTERS = [
  { name: '我的待办', query: { assigneeExpression: '${currentUser()}', ...byDueDate }, priority: -10, description: '分配给我或我已认领的任务, 期限近的在前' },
  { name: '本科室待办', query: { ...mine, ...byDueDate }, priority: 0, description: '本科室待认领的任务, 期限近的在前' },
  // the follow-up date of a task is its yellow warning: 1 working day before the deadline
  { name: '即将超期', query: { ...mine, includeAssignedTasks: true, followUpBeforeExpression: '${now()}', dueAfterExpression: '${now()}', ...byDueDate }, priority: 5, description: '1 个工作日内到期 (电子监察黄牌预警)' },
  { name: '已超期', query: { ...mine, includeAssignedTasks: true, dueBeforeExpression: '${now()}', ...byDueDate }, priority: 6, description: '已超过办结期限 (电子监察红牌)' },
  { name: '容缺待补正', query: { ...mine, includeAssignedTasks: true, taskDefinitionKeyIn: ['AwaitSupplementTask'], ...byDueDate }, priority: 7, description: '容缺受理后等待申请人补正的材料' },
  { name: '承诺待核查', query: { ...mine, includeAssignedTasks: true, taskDefinitionKeyIn: ['AwaitFulfilmentTask', 'VerifyFulfilmentTask', 'AwaitLateFulfilmentTask', 'VerifyLateFulfilmentTask'], ...byDueDate }, priority: 8, description: '告知承诺的履约材料: 接收与核查' },
].map((filter) => ({ ...filter, variables: CASE_COLUMNS }));

/** Filters of earlier versions, removed on start. */
export const RETIRED_FILTERS = ['我的任务', '部门待办'];
