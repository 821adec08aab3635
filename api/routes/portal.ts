import type { Config } from '../../lib/config.js';
import type { AuthenticatedUser } from '../auth.js';
import { escapeHtml as escape } from '../html.js';


export function portalPage(config: Config, user: AuthenticatedUser): string {
  const links = [
    ['任务列表 Tasklist', `${config.engine.webappUrl}/app/tasklist/`, '窗口人员、审批人员办理任务'],
    ['流程监控 Cockpit', `${config.engine.webappUrl}/app/cockpit/`, '运维与流程分析员查看流程实例和事件'],
    ['用户管理 Admin', `${config.engine.webappUrl}/app/admin/`, '管理员维护用户、科室和权限'],
    ['工作日历', '/calendar', '流程分析员录入并发布下一年度节假日安排'],
    ['引擎 REST API', config.engine.restUrl, '需要 HTTP Basic 登录'],
  ];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>审批 shenpi</title>
<link rel="stylesheet" href="/assets/pages.css">
</head><body class="portal">
<h1>审批 shenpi</h1>
<p>当前用户: <b>${escape(user.id)}</b> (${user.groups.map(escape).join('、') || '无科室'})</p>
<ul>${links.map(([name, href, note]) => `<li><a href="${escape(href!)}">${escape(name!)}</a> <small>${escape(note!)}</small></li>`).join('')}</ul>
</body></html>`;
}
