// Who may do what in the engine, by least privilege: one row per role, read by the start-up
// that writes the engine's authorizations (identity.ts) and by the spec that tries every row
// and its forbidden neighbours (test/lib/engine/roles.spec.ts). What no role short of the
// engine administrators may do (move a case, change its timers, delete cases, deployments or
// history) and what no person may do (write variables outside a form, hand a task outside its
// section, deploy) the engine refuses itself (engine/…/CaseGuardPlugin.java).
import { DEPARTMENT_GROUPS, RESOURCE, type GroupId } from './directory.js';

export interface Grant {
  groupId: GroupId;
  resourceType: number;
  resourceId: string;
  permissions: string[];
}

export interface Role {
  groups: GroupId[];
  /** 角色 (Chinese, as in the README) */
  name: string;
  may: string;
  mayNot: string;
  grants: Array<Omit<Grant, 'groupId'>>;
  /** 电子监察 in the 工作台 (web server, not the engine): every section, or the member's own review section(s) */
  monitoring?: 'all' | 'ownSection';
}

/** A department works in the Tasklist: its tasks come from candidate groups, granted per task by the engine. */
const TASKLIST: Role['grants'] = [
  { resourceType: RESOURCE.application, resourceId: 'tasklist', permissions: ['ACCESS'] },
  { resourceType: RESOURCE.processDefinition, resourceId: '*', permissions: ['READ'] },
  { resourceType: RESOURCE.deployment, resourceId: '*', permissions: ['READ'] },
];

const REVIEW_SECTIONS: GroupId[] = ['marketReview', 'constructionReview', 'municipalReview', 'healthReview', 'publicSecurityReview'];

export const ROLES: Role[] = [
  {
    groups: ['window'],
    name: '综合受理窗口',
    may: '以开始表单启动事项和一件事 (一窗受理), 受理审核, 一次性告知, 出件',
    mayNot: '启动构件流程, 从中间环节启动, 审查, 决定, 写表单以外的变量',
    // CREATE_INSTANCE per item and bundle key: identity.ts grantDeskStart
    grants: [...TASKLIST, { resourceType: RESOURCE.processInstance, resourceId: '*', permissions: ['CREATE'] }],
  },
  {
    groups: REVIEW_SECTIONS,
    name: '审批科室',
    may: '审查和决定本科室的办件 (审查人不决定同一办件, 事项目录另有规定的除外), 转办、委派给本科室人员',
    mayNot: '办理其他科室的任务, 转办到科室以外, 启动办件',
    grants: TASKLIST,
  },
  { groups: ['legalReview'], name: '法制审核科', may: '重大行政许可决定的法制审核', mayNot: '审查, 决定', grants: TASKLIST },
  { groups: ['leaders'], name: '局领导', may: '批准延期; 电子监察 (全部科室)', mayNot: '审查, 决定', grants: TASKLIST, monitoring: 'all' },
  {
    groups: ['utilityCompanies', 'ratingOffice', 'complaintWindow'],
    name: '公用事业单位, 好差评管理, 投诉窗口',
    may: '本组的任务 (联合踏勘, 回访, 投诉受理)',
    mayNot: '办件的审查、决定, 电子监察',
    grants: TASKLIST,
  },
  // reads the cases it supervises through the web server (办件轨迹, which checks the role), not the engine's history
  { groups: ['supervisors'], name: '督查室', may: '督办, 催办; 电子监察 (全部科室); 查看办件轨迹', mayNot: '办件的审查、决定, 在引擎中读取办件变量', grants: TASKLIST, monitoring: 'all' },
  {
    groups: ['sectionHeads'],
    name: '科长',
    may: '电子监察 (仅本科室: 所在审批科室的办件、预警和时效)',
    mayNot: '其他科室的电子监察; 科长身份不另加引擎权限 (任务仍按所在科室)',
    grants: [],
    monitoring: 'ownSection',
  },
  {
    groups: ['operators'],
    name: '运维',
    may: '在 Cockpit 查看一切, 重试故障 (设置作业与外部任务重试次数)',
    mayNot: '办理任务, 修改变量, 移动、删除办件, 修改期限, 部署',
    grants: [
      { resourceType: RESOURCE.application, resourceId: 'cockpit', permissions: ['ACCESS'] },
      { resourceType: RESOURCE.processDefinition, resourceId: '*', permissions: ['READ', 'READ_INSTANCE', 'READ_HISTORY', 'RETRY_JOB', 'UPDATE_INSTANCE'] },
      { resourceType: RESOURCE.processInstance, resourceId: '*', permissions: ['READ', 'RETRY_JOB'] },
      { resourceType: RESOURCE.deployment, resourceId: '*', permissions: ['READ'] },
      { resourceType: RESOURCE.task, resourceId: '*', permissions: ['READ'] },
      { resourceType: RESOURCE.batch, resourceId: '*', permissions: ['READ'] },
    ],
  },
  {
    groups: ['analysts'],
    name: '流程分析员',
    may: '在 Cockpit 查看流程和历史; 经建模服务 (/api/modeler: 先检查, 再以服务账号部署并记录分析员) 部署',
    mayNot: '直接向引擎部署或删除部署, 办理任务, 读取办件变量',
    grants: [
      { resourceType: RESOURCE.application, resourceId: 'cockpit', permissions: ['ACCESS'] },
      { resourceType: RESOURCE.deployment, resourceId: '*', permissions: ['READ'] },
      { resourceType: RESOURCE.processDefinition, resourceId: '*', permissions: ['READ', 'READ_HISTORY'] },
      { resourceType: RESOURCE.decisionDefinition, resourceId: '*', permissions: ['READ'] },
    ],
  },
  {
    groups: ['shenpiServices'],
    name: 'shenpi 技术账号 (工作程序, 网站服务)',
    may: '取并完成外部任务, 以申请启动办件, 关联消息, 以建模服务部署',
    mayNot: '移动办件, 修改期限, 删除部署或历史 (只可撤销自己刚启动、未能登记的办件)',
    grants: [
      { resourceType: RESOURCE.processDefinition, resourceId: '*', permissions: ['READ', 'CREATE_INSTANCE', 'READ_INSTANCE', 'UPDATE_INSTANCE', 'READ_HISTORY', 'DELETE_INSTANCE'] },
      { resourceType: RESOURCE.processInstance, resourceId: '*', permissions: ['CREATE', 'READ', 'UPDATE', 'DELETE'] },
      { resourceType: RESOURCE.deployment, resourceId: '*', permissions: ['CREATE', 'READ'] },
      { resourceType: RESOURCE.user, resourceId: '*', permissions: ['READ'] },
      { resourceType: RESOURCE.group, resourceId: '*', permissions: ['READ'] },
    ],
  },
];

/** What of 电子监察 a user's groups open: every section, their own review section(s), or nothing (undefined). */
export function monitoringScope(groups: readonly string[]): { all: true } | { all: false; sections: GroupId[] } | undefined {
  if (groups.includes('camunda-admin')) return { all: true };
  const rows = ROLES.filter((role) => role.monitoring && role.groups.some((group) => groups.includes(group)));
  if (rows.some((role) => role.monitoring === 'all')) return { all: true };
  if (!rows.length) return undefined;
  const sections = REVIEW_SECTIONS.filter((group) => groups.includes(group));
  return sections.length ? { all: false, sections } : undefined;
}

/** Every grant of the table, as the engine's authorizations. */
export const GRANTS: Grant[] = ROLES.flatMap((role) => role.groups.flatMap((groupId) => role.grants.map((grant) => ({ groupId, ...grant }))));

// every department has its row: a new group without one fails at start-up, not silently
for (const groupId of DEPARTMENT_GROUPS) {
  if (!ROLES.some((role) => role.groups.includes(groupId))) throw new Error(`roles.ts: 科室 ${groupId} 没有角色`);
}
