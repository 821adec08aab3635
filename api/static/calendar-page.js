// The 工作日历 page's script (served as a file: the pages allow no inline script). Talks to
// /api/calendar/years/:year (schedule, preview, save/publish) with the page's own login.
const $ = (id) => document.getElementById(id);
const api = (path, init = {}) => fetch(`/api/calendar${path}`, { credentials: 'same-origin', ...init, headers: { 'content-type': 'application/json', ...(init.headers || {}) } });
const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

function cell(value, type, field, label) {
  const input = document.createElement('input');
  input.type = type;
  input.value = value || '';
  input.dataset.field = field;
  input.setAttribute('aria-label', label);
  if (type === 'text') input.size = 10;
  const td = document.createElement('td');
  td.appendChild(input);
  return td;
}

function removeButton(row) {
  const td = document.createElement('td');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = '删除';
  button.addEventListener('click', () => row.remove());
  td.appendChild(button);
  return td;
}

function addHoliday(range = {}) {
  const row = document.createElement('tr');
  row.append(cell(range.name, 'text', 'name', '节日'), cell(range.from, 'date', 'from', '开始日期'), cell(range.to, 'date', 'to', '结束日期'), removeButton(row));
  $('holidays').appendChild(row);
}

function addWorkday(day = {}) {
  const row = document.createElement('tr');
  row.append(cell(day.name, 'text', 'name', '节日'), cell(day.date, 'date', 'date', '日期'), removeButton(row));
  $('workdays').appendChild(row);
}

const rows = (id) => [...$(id).querySelectorAll('tr')].map((row) => Object.fromEntries([...row.querySelectorAll('input')].map((input) => [input.dataset.field, input.value.trim()])));
const schedule = () => ({ holidays: rows('holidays'), workdays: rows('workdays') });
const year = () => $('year').value;

function showProblems(body) {
  document.querySelectorAll('.invalid').forEach((input) => input.classList.remove('invalid'));
  $('problems').replaceChildren(...(body.problems || []).map((problem) => {
    const li = document.createElement('li');
    li.textContent = problem.message;
    const [list, index, field] = String(problem.field).split('/');
    const row = $(list) && $(list).querySelectorAll('tr')[Number(index)];
    const inputs = row ? (field ? row.querySelectorAll(`input[data-field="${field}"]`) : row.querySelectorAll('input')) : [];
    inputs.forEach((input) => input.classList.add('invalid'));
    return li;
  }));
  if (!body.problems && body.message) $('status').textContent = body.message;
}

async function load() {
  $('status').textContent = '';
  $('problems').replaceChildren();
  $('months').replaceChildren();
  $('summary').textContent = '';
  const response = await api(`/years/${year()}/schedule`);
  const body = await response.json();
  if (!response.ok) return showProblems(body);
  $('holidays').replaceChildren();
  $('workdays').replaceChildren();
  body.schedule.holidays.forEach(addHoliday);
  body.schedule.workdays.forEach(addWorkday);
  $('source').textContent = body.published ? `${body.year} 年已发布 (可修改后重新发布)`
    : body.source && body.source.startsWith('chinese-days') ? `${body.year} 年未发布; 已载入 ${body.source} 的数据作为起点, 请与国务院办公厅通知核对`
      : body.source ? `${body.year} 年已保存, 未发布` : `${body.year} 年未发布, 暂无数据: 请按通知录入`;
}

function renderPreview(preview) {
  $('summary').textContent = `${preview.year} 年共 ${preview.workingDays} 个工作日`;
  $('months').replaceChildren(...preview.months.map((month) => {
    const box = document.createElement('div');
    box.className = 'month';
    const table = document.createElement('table');
    const caption = table.createCaption();
    caption.textContent = `${month.month} 月 (${month.workingDays} 个工作日)`;
    const head = table.insertRow();
    WEEK.forEach((day) => { const th = document.createElement('th'); th.textContent = day; head.appendChild(th); });
    let row = table.insertRow();
    const first = (new Date(`${month.days[0].date}T00:00:00Z`).getUTCDay() + 6) % 7;
    for (let i = 0; i < first; i += 1) row.insertCell();
    month.days.forEach((day) => {
      if (row.cells.length === 7) row = table.insertRow();
      const td = row.insertCell();
      td.textContent = String(Number(day.date.slice(8)));
      td.title = `${day.date} ${day.name}`;
      const weekend = row.cells.length >= 6;
      if (!day.working) td.className = day.name === '周末' ? 'off' : 'holiday';
      else if (weekend) td.className = 'makeup';
    });
    box.appendChild(table);
    return box;
  }));
}

async function preview() {
  const response = await api(`/years/${year()}/preview`, { method: 'POST', body: JSON.stringify(schedule()) });
  const body = await response.json();
  showProblems(response.ok ? {} : body);
  if (response.ok) renderPreview(body);
  $('status').textContent = response.ok ? '预览如下: 红色为放假, 绿色为调休上班' : '有错误, 请按提示修改';
}

async function save(publish) {
  if (publish && !window.confirm(`发布 ${year()} 年工作日历? 发布后期限即按此计算, 等待该年份的办件将自动继续。`)) return;
  const response = await api(`/years/${year()}`, { method: 'PUT', body: JSON.stringify({ ...schedule(), publish }) });
  const body = await response.json();
  showProblems(response.ok ? {} : body);
  if (!response.ok) {
    $('status').textContent = body.problems ? '有错误, 请按提示修改; 未保存' : body.message;
    return;
  }
  await preview();
  $('status').textContent = publish ? `已发布 ${body.year} 年 (${body.days} 个例外日); ${body.resumedWaits === null ? '暂时无法通知引擎, 等待中的办件将在 6 小时内自动复查并继续' : `${body.resumedWaits} 个等待中的办件环节已继续`}` : `已保存 ${body.year} 年 (${body.days} 个例外日), 尚未发布`;
  if (publish) $('source').textContent = `${body.year} 年已发布`;
}

$('year-form').addEventListener('submit', (event) => { event.preventDefault(); load(); });
$('add-holiday').addEventListener('click', () => addHoliday());
$('add-workday').addEventListener('click', () => addWorkday());
$('preview').addEventListener('click', preview);
$('save').addEventListener('click', () => save(false));
$('publish').addEventListener('click', () => save(true));
load();
