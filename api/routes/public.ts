// Public, no login: the 双公示 listing (page and JSON feed, searchable) and the verification of
// an electronic licence. Only the published (masked) record is shown: never a personal ID.
import { Router } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../lib/config.js';
import { todayIn } from '../../lib/calendar/deadlines.js';
import { findDocument } from '../../lib/repositories/documents.js';
import { findLicence } from '../../lib/repositories/licences.js';
import { latestPublications } from '../../lib/repositories/publication.js';
import { maskPersonalCode } from '../../lib/validation/identifiers.js';
import { notFound } from '../errors.js';
import { field, validRequest } from '../validate.js';
import { escapeHtml as escape } from '../html.js';

export function publicRoutes(db: Knex, config: Config): Router {
  const router = Router();

  // an empty field of the page's form means "any"
  const searchQuery = validRequest({ query: { q: { type: 'string', maxLength: 100 }, item: { anyOf: [{ const: '' }, field.key] }, from: { anyOf: [{ const: '' }, field.date] }, to: { anyOf: [{ const: '' }, field.date] } } });
  const search = async (query: Record<string, unknown>) => {
    const given = (name: string): string | undefined => (typeof query[name] === 'string' && query[name] ? query[name] : undefined);
    const filter = { q: given('q'), item: given('item'), from: given('from'), to: given('to') };
    return (await latestPublications(db, filter)).map((row): Record<string, string | undefined> => ({ ...row.record, version: String(row.version), publishedAt: new Date(row.publishedAt).toISOString() }));
  };

  router.get('/licences.json', searchQuery, async (req, res) => {
    res.json({ licences: await search(req.query) });
  });

  router.get('/licences', searchQuery, async (req, res) => {
    const rows = await search(req.query);
    const value = (name: string) => escape(typeof req.query[name] === 'string' ? (req.query[name] as string) : '');
    res.type('html').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>行政许可公示</title>
<link rel="stylesheet" href="/assets/pages.css"></head>
<body><h1>行政许可信息公示 (双公示)</h1>
<form>名称/代码/许可编号 <input name="q" value="${value('q')}"> 事项 <input name="item" value="${value('item')}"> 决定日期 <input name="from" type="date" value="${value('from')}"> 至 <input name="to" type="date" value="${value('to')}"> <button>查询</button></form>
<table><tr><th>行政相对人</th><th>统一社会信用代码</th><th>许可证书</th><th>许可编号</th><th>许可内容</th><th>决定日期</th><th>有效期至</th><th>状态</th><th>许可机关</th></tr>
${rows.map((r) => `<tr><td>${escape(r.holderName ?? '')}</td><td>${escape(maskPersonalCode(r.holderCode ?? ''))}</td><td>${escape(r.licenceName ?? '')}</td><td>${escape(r.licenceNumber ?? '')}</td><td>${escape(r.licenceContent ?? '')}</td><td>${escape(r.decisionDate ?? '')}</td><td>${escape(r.validUntil ?? '长期')}</td><td>${escape(r.status ?? '')}</td><td>${escape(r.licensingAuthority ?? '')}</td></tr>`).join('\n')}
</table></body></html>`);
  });

  // 电子证照 verification: is this number a valid licence today?
  router.get('/licences/:licenceNumber/verify', validRequest({ params: { licenceNumber: field.text(60, '许可编号') } }), async (req, res) => {
    const licence = await findLicence(db, String(req.params.licenceNumber));
    if (!licence) throw notFound(`没有编号为 ${String(req.params.licenceNumber)} 的证照`);
    const today = todayIn(config.deadlines.utcOffset);
    const expired = licence.validUntil !== null && licence.validUntil < today;
    const valid = licence.status === '有效' && !expired;
    res.json({
      licenceNumber: licence.licenceNumber, valid, status: expired && licence.status === '有效' ? '已过期' : licence.status,
      resultName: licence.resultName, holderName: licence.holderName, validFrom: licence.validFrom, validUntil: licence.validUntil, checkedOn: today,
    });
  });
  // 文书 verification: the QR code of every document leads here (what was issued, when, its SHA-256)
  router.get('/documents/:code', async (req, res) => {
    const code = String(req.params.code).replaceAll('-', '').toUpperCase();
    const document = /^[A-Z0-9]{12}$/.test(code) ? await findDocument(db, { verificationCode: code }) : undefined;
    if (!document) throw notFound('没有此验证码的文书: 请核对验证码, 或向出具机关核实');
    const facts = { authentic: true, title: document.title, documentNumber: document.documentNumber, receiptNumber: document.receiptNumber, issuedOn: document.issuedOn, sha256: document.sha256 };
    res.format({
      json: () => res.json(facts),
      html: () => res.type('html').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>文书核验</title>
<link rel="stylesheet" href="/assets/pages.css"></head>
<body class="verification"><h1>文书核验: 系本机关出具</h1><p>本文书由本机关出具, 以下为登记的内容; 请与您持有的文书核对。</p>
<table><tr><th>文书</th><td>${escape(document.title)}</td></tr><tr><th>文号</th><td>${escape(document.documentNumber)}</td></tr>
<tr><th>受理编号</th><td>${escape(document.receiptNumber)}</td></tr><tr><th>出具日期</th><td>${escape(document.issuedOn)}</td></tr>
<tr><th>PDF 的 SHA-256</th><td><code>${escape(document.sha256)}</code></td></tr></table></body></html>`),
    });
  });
  return router;
}
