// The 文书模板 editor: load the templates in force, preview an edit as PDF, save it as a new version.
const $ = (id) => document.getElementById(id);
const API = '/api/document-templates';
let templates = [];

const fields = () => ({ itemKey: $('itemKey').value.trim(), title: $('title').value, numberPrefix: $('numberPrefix').value, body: $('body').value, sms: $('sms').value });

function show(summary) {
  $('itemKey').value = summary.itemKey;
  $('title').value = summary.template.title;
  $('numberPrefix').value = summary.template.numberPrefix;
  $('body').value = summary.template.body;
  $('sms').value = summary.template.sms ?? '';
  $('status').textContent = summary.version ? `第 ${summary.version} 版 (${summary.createdBy ?? ''})` : '默认模板 (尚未出具)';
  $('problems').textContent = '';
}

async function problemsOf(response) {
  const answer = await response.json().catch(() => ({ message: `HTTP ${response.status}` }));
  $('problems').textContent = [answer.message, ...(answer.problems ?? []).map((p) => `${p.field}: ${p.message}`)].join('\n');
}

async function load() {
  templates = await (await fetch(API)).json();
  $('kind').replaceChildren(...templates.map((summary, index) => new Option(`${summary.name}${summary.itemKey ? ` (${summary.itemKey})` : ''}`, String(index))));
  show(templates[0]);
}

$('kind').addEventListener('change', () => show(templates[Number($('kind').value)]));
$('preview').addEventListener('click', async () => {
  const kind = templates[Number($('kind').value)].kind;
  const response = await fetch(`${API}/${kind}/preview`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields()) });
  if (!response.ok) return problemsOf(response);
  $('problems').textContent = '';
  $('pdf').src = URL.createObjectURL(await response.blob());
});
$('save').addEventListener('click', async () => {
  const kind = templates[Number($('kind').value)].kind;
  const response = await fetch(`${API}/${kind}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields()) });
  if (!response.ok) return problemsOf(response);
  const saved = await response.json();
  $('status').textContent = saved.changed ? `已保存为第 ${saved.version} 版` : `与第 ${saved.version} 版相同, 未保存`;
  await load();
});
load();
