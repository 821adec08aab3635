// 文书模板 for analysts: the templates in force and their versions, an edit saved as the next
// version (every problem at once, nothing half-written), a PDF preview on sample data, and the
// editing page (its script is a static file: no inline script).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import type { Knex } from 'knex';
import { documentTemplateVersions, listDocumentTemplates, previewDocument, previewText, saveDocumentTemplate } from '../../lib/documents/index.js';
import { escapeHtml } from '../html.js';
import { requireGroup } from '../roles.js';

const PAGES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'pages');
const body = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? value as Record<string, unknown> : {});

export function documentTemplateRoutes(db: Knex): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await listDocumentTemplates(db));
  });
  router.get('/:kind/versions', async (req, res) => {
    res.json(await documentTemplateVersions(db, String(req.params.kind), typeof req.query.item === 'string' ? req.query.item : ''));
  });
  router.put('/:kind', requireGroup('analysts'), async (req, res) => {
    const saved = await saveDocumentTemplate(db, String(req.params.kind), body(req.body), req.user!.id);
    res.status(saved.changed ? 201 : 200).json(saved);
  });
  router.post('/:kind/preview', requireGroup('analysts'), async (req, res) => {
    const pdf = await previewDocument(String(req.params.kind), body(req.body));
    res.set({ 'Content-Type': 'application/pdf', 'Cache-Control': 'no-store' }).send(pdf);
  });
  // the same preview as text (title, 文号, paragraphs, SMS): the 工作台 shows it beside the editor
  router.post('/:kind/preview/text', requireGroup('analysts'), (req, res) => {
    res.json(previewText(String(req.params.kind), body(req.body)));
  });
  return router;
}

export function documentTemplatePage(): Router {
  const router = Router();
  router.get('/editor.js', (_req, res) => {
    res.sendFile(path.join(PAGES, 'document-templates.js'), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
  });
  router.get('/', requireGroup('analysts'), (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml('文书模板')}</title>
<link rel="stylesheet" href="/assets/pages.css">
<script src="/document-templates/editor.js" defer></script></head>
<body class="templates"><section><h1>文书模板</h1>
<p>模板用 Handlebars 语法填充字段 (如 <code>{{applicantName}}</code>); 每行一段。保存即成为新版本, 此后出具的文书使用新版本, 已出具的不变。</p>
<label for="kind">文书</label><select id="kind"></select>
<label for="itemKey">仅用于事项 (事项编码, 留空为全部事项)</label><input id="itemKey">
<label for="title">标题</label><input id="title">
<label for="numberPrefix">文号字 (如 审批准字)</label><input id="numberPrefix">
<label for="body">正文</label><textarea id="body" rows="18"></textarea>
<label for="sms">短信 (留空为不发短信)</label><textarea id="sms" rows="3"></textarea>
<p><button id="preview" type="button">预览 PDF</button> <button id="save" type="button">保存为新版本</button> <span id="status"></span></p>
<div id="problems"></div></section>
<section><iframe id="pdf" title="预览"></iframe></section></body></html>`);
  });
  return router;
}

