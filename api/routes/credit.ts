// 信用记录 kept by shenpi, as JSON and as a page (when no credit platform is configured, this is
// where the records are seen); staff of the legal section and analysts register 失信 records.
import { Router } from 'express';
import type { Knex } from 'knex';
import { checkCreditCode, checkIdCardNumber, maskPersonalCode } from '../../lib/validation/identifiers.js';
import { listCreditRecords, recordCredit } from '../../lib/repositories/credit.js';
import { badRequest } from '../errors.js';
import { requireGroup } from '../roles.js';
import { escapeHtml as escape } from '../html.js';
import { isIsoDate } from '../../lib/validation/input-error.js';
import { field, validRequest } from '../validate.js';


/** who reads credit records: the sections that decide on 容缺 / 告知承诺 and 失信, and oversight */
const CREDIT_READERS = ['legalReview', 'analysts', 'window', 'leaders', 'complaintWindow', 'supervisors'] as const;

export function creditRoutes(db: Knex): Router {
  const router = Router();

  // a person's ID number is masked as on the page; a company's code is public
  router.get('/records', requireGroup(...CREDIT_READERS), validRequest({ query: { subject: field.text(40, '当事人代码') } }), async (req, res) => {
    const subjectCode = typeof req.query.subject === 'string' ? req.query.subject : undefined;
    res.json({ records: (await listCreditRecords(db, { subjectCode })).map((record) => ({ ...record, subjectCode: maskPersonalCode(record.subjectCode) })) });
  });

  router.post('/records', requireGroup('legalReview', 'analysts'), async (req, res) => {
    const body = (req.body ?? {}) as { subjectCode?: unknown; subjectName?: unknown; rule?: unknown; validUntil?: unknown; source?: unknown };
    const problems = [];
    if (typeof body.subjectCode !== 'string' || !(checkCreditCode(body.subjectCode).ok || checkIdCardNumber(body.subjectCode).ok)) problems.push({ field: 'subjectCode', rule: 'identifier', message: 'subjectCode 应为有效的统一社会信用代码或身份证号码' });
    if (typeof body.subjectName !== 'string' || body.subjectName.trim().length < 2) problems.push({ field: 'subjectName', rule: 'minLength', message: 'subjectName 应为当事人名称' });
    if (typeof body.rule !== 'string' || body.rule.trim().length < 4) problems.push({ field: 'rule', rule: 'minLength', message: 'rule 应写明失信认定依据, 如 列入严重失信主体名单 (信用中国)' });
    if (body.validUntil !== undefined && !isIsoDate(body.validUntil)) problems.push({ field: 'validUntil', rule: 'date', message: 'validUntil 应为存在的日期 YYYY-MM-DD' });
    if (problems.length) throw badRequest('失信记录无效', problems);
    const subjectCode = body.subjectCode as string;
    const eventKey = `manual:${subjectCode}:失信:${(body.rule as string).trim()}`;
    const { created } = await recordCredit(db, { subjectCode, subjectName: (body.subjectName as string).trim(), kind: '失信', rule: (body.rule as string).trim(), eventKey, validUntil: body.validUntil as string | undefined, createdBy: req.user!.id });
    res.status(created ? 201 : 200).json({ eventKey, created });
  });

  return router;
}

/** The page at /credit: the records kept by shenpi (where no platform is configured, this is where they are seen). */
export function creditPage(db: Knex): Router {
  const router = Router();
  router.get('/', requireGroup(...CREDIT_READERS), async (_req, res) => {
    const records = await listCreditRecords(db);
    res.type('html').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>信用记录 · shenpi</title>
<link rel="stylesheet" href="/assets/pages.css"></head>
<body><h1>信用记录</h1><p>承诺、履约、违约、不良记录与失信记录, 每条写明产生它的规则。</p>
<table><tr><th>时间</th><th>当事人</th><th>代码</th><th>类别</th><th>规则</th><th>办件</th></tr>
${records.map((r) => `<tr><td>${escape(new Date(r.createdAt).toISOString().slice(0, 16).replace('T', ' '))}</td><td>${escape(r.subjectName)}</td><td>${escape(maskPersonalCode(r.subjectCode))}</td><td>${escape(r.kind)}</td><td>${escape(r.rule)}</td><td>${escape(r.receiptNumber ?? '')}</td></tr>`).join('\n')}
</table></body></html>`);
  });
  return router;
}
