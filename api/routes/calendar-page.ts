// The page at /calendar: analysts enter a year of the working-day calendar as the State
// Council's notice lists it (放假 ranges, 调休上班 days), preview the working days it gives,
// save and publish it. The chinese-days data is the starting point when the package knows the
// year. Plain server-rendered HTML; its script is a static file (no inline script: CSP).
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import type { Knex } from 'knex';
import type { CalendarHorizon } from '../../lib/calendar/horizon.js';
import { publishedYears } from '../../lib/repositories/calendar.js';
import { escapeHtml as escape } from '../html.js';
import { requireGroup } from '../roles.js';

const SCRIPT = fileURLToPath(new URL('../static/calendar-page.js', import.meta.url));

export function calendarPage(db: Knex, horizon: () => Promise<CalendarHorizon>): Router {
  const router = Router();
  router.use(requireGroup('analysts'));

  router.get('/calendar-page.js', (_req, res) => {
    res.type('text/javascript').sendFile(SCRIPT);
  });

  router.get('/', async (_req, res) => {
    const [years, reach] = await Promise.all([publishedYears(db), horizon()]);
    res.type('html').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>工作日历 · shenpi</title>
<link rel="stylesheet" href="/assets/pages.css"></head>
<body class="calendar"><h1>工作日历</h1>
<p class="note">已发布年份: ${years.map((year) => escape(String(year))).join('、') || '无'}${reach.publishedUntil ? `; 期限可计算到 ${escape(reach.publishedUntil)}` : ''}。
期限落入未发布年份的办件处于"待发布工作日历"状态, 发布该年份后自动继续并计算期限。</p>
<form id="year-form"><label>年份 <input id="year" name="year" type="number" min="2000" max="2100" value="${reach.nextYear}" required></label>
<button type="submit">载入</button> <span id="source" class="note"></span></form>
<h2>放假安排</h2><p class="note">按国务院办公厅通知逐项录入: 每个节日一行, 开始与结束日期含在内 (含其中的周末)。</p>
<table><thead><tr><th>节日</th><th>开始日期</th><th>结束日期</th><th></th></tr></thead><tbody id="holidays"></tbody></table>
<button type="button" id="add-holiday">添加放假安排</button>
<h2>调休上班</h2><p class="note">通知中"上班"的周六、周日。</p>
<table><thead><tr><th>节日</th><th>日期</th><th></th></tr></thead><tbody id="workdays"></tbody></table>
<button type="button" id="add-workday">添加调休上班日</button>
<h2>操作</h2>
<button type="button" id="preview">预览工作日</button>
<button type="button" id="save">保存 (不发布)</button>
<button type="button" id="publish">发布</button>
<p id="status" role="status"></p><ul id="problems" class="problems"></ul>
<div id="summary"></div><div id="months" class="months"></div>
<script src="/calendar/calendar-page.js"></script>
</body></html>`);
  });
  return router;
}
