// 办件: the record of a case by its receipt number (受理编号): status timeline, steps with
// who/when/what from the engine's history, clock pauses, alerts and the deadline left.
import { Router } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../lib/config.js';
import { todayIn } from '../../lib/calendar/deadlines.js';
import type { EngineClient } from '../../lib/engine/client.js';
import { CaseHistory } from '../../lib/cases/history.js';
import { caseOpinions } from '../../lib/cases/opinions.js';
import { loadCalendar } from '../../lib/repositories/calendar.js';
import { unlessUnpublished } from '../../lib/calendar/work-calendar.js';
import { caseEvents, casePauses, findCaseByReceipt } from '../../lib/repositories/cases.js';
import { DOCUMENT_KINDS, isDocumentKind } from '../../lib/documents/index.js';
import { smsStatus } from '../../lib/notices/index.js';
import { documentPdf, documentsOfCase, findDocument } from '../../lib/repositories/documents.js';
import { licenceForCase } from '../../lib/repositories/licences.js';
import { alertsFor } from '../../lib/repositories/supervision.js';
import { supervisionResultsFor } from '../../lib/repositories/supervision-push.js';
import { publicationsOfCase } from '../../lib/repositories/publication.js';
import type { AuthenticatedUser } from '../auth.js';
import { forbidden, notFound } from '../errors.js';
import { sendDocumentPdf } from '../documents.js';
import { escapeHtml } from '../html.js';
import { field, validRequest } from '../validate.js';
import { maskPersonalCode } from '../../lib/validation/identifiers.js';
import { personName } from './workbench.js';


const STEP_TYPES = new Set(['userTask', 'serviceTask', 'callActivity', 'boundaryTimer', 'intermediateMessageCatch', 'intermediateTimer', 'noneEndEvent']);
/** What the system does by itself (计算告知期限, 记录办件状态): not a step a person reads in the 轨迹 */
const TECHNICAL_TYPES = new Set(['serviceTask', 'callActivity']);

/** Who may read any case: the front desk (一窗受理 handles every case), leaders, 督查室 (催办), analysts, operators. */
const SEE_ALL_CASES = new Set(['window', 'leaders', 'supervisors', 'analysts', 'operators', 'camunda-admin']);

/**
 * A clerk of a section sees the record of a case only when the section has (had) a task in it:
 * the same line as the Tasklist draws. Anything else is "not authorized", never the data.
 */
export async function mayRead(engine: EngineClient, user: AuthenticatedUser, businessKey: string): Promise<boolean> {
  if (user.groups.some((group) => SEE_ALL_CASES.has(group))) return true;
  // the case's item process and the blocks it called share its business key
  const had = async (filter: string): Promise<boolean> =>
    (await engine.get<{ count: number }>(`/history/task/count?processInstanceBusinessKey=${encodeURIComponent(businessKey)}&${filter}`)).count > 0;
  for (const group of user.groups) if (await had(`taskHadCandidateGroup=${encodeURIComponent(group)}`)) return true;
  const me = encodeURIComponent(user.id);
  return (await had(`taskHadCandidateUser=${me}`)) || had(`taskAssignee=${me}`);
}

export function caseRoutes(db: Knex, engine: EngineClient, config: Config): Router {
  const router = Router();
  router.get('/:receiptNumber', validRequest({ params: { receiptNumber: field.receiptNumber } }), async (req, res) => {
    res.json(await caseRecord(db, engine, config, req.user!, req.params.receiptNumber));
  });
  router.get('/:receiptNumber/documents/:documentId', documentDownload(db, engine));
  return router;
}

/** A 文书 of the case as PDF (打印), for whoever may read the case. */
function documentDownload(db: Knex, engine: EngineClient) {
  return async (req: import('express').Request, res: import('express').Response) => {
    const receiptNumber = String(req.params.receiptNumber);
    const record = await findCaseByReceipt(db, receiptNumber);
    if (!record) throw notFound(`没有受理编号为 ${receiptNumber} 的办件`);
    if (!await mayRead(engine, req.user!, record.businessKey)) throw forbidden(`无权查看办件 ${receiptNumber} 的文书`);
    const id = Number(req.params.documentId);
    const document = Number.isSafeInteger(id) && id > 0 ? await findDocument(db, { id }) : undefined;
    if (!document || document.businessKey !== record.businessKey) throw notFound(`办件 ${receiptNumber} 没有编号为 ${String(req.params.documentId)} 的文书`);
    sendDocumentPdf(res, document, (await documentPdf(db, document.id))!);
  };
}

/** The case's 文书 with what became of each SMS notice. */
async function caseDocuments(db: Knex, config: Config, businessKey: string) {
  return Promise.all((await documentsOfCase(db, businessKey)).map(async (document) => ({
    id: document.id, kind: document.kind, kindName: isDocumentKind(document.kind) ? DOCUMENT_KINDS[document.kind] : document.kind, title: document.title,
    documentNumber: document.documentNumber, issuedOn: document.issuedOn, sha256: document.sha256, templateVersion: document.templateVersion,
    verificationCode: document.verificationCode, href: `/api/cases/${encodeURIComponent(document.receiptNumber)}/documents/${document.id}`,
    sms: await smsStatus(db, document.actKey, Boolean(config.sms.url)),
  })));
}

/** 办件轨迹 as a page: the link in every task form of the case leads here. */
export function casePage(db: Knex, engine: EngineClient, config: Config): Router {
  const router = Router();
  router.get('/:receiptNumber', validRequest({ params: { receiptNumber: field.receiptNumber } }), async (req, res) => {
    res.type('html').send(renderCaseRecord(await caseRecord(db, engine, config, req.user!, req.params.receiptNumber)));
  });
  router.get('/:receiptNumber/documents/:documentId', documentDownload(db, engine));
  return router;
}

type CaseRecord = Awaited<ReturnType<typeof caseRecord>>;

export async function caseRecord(db: Knex, engine: EngineClient, config: Config, user: AuthenticatedUser, receiptNumber: string) {
  const record = await findCaseByReceipt(db, receiptNumber);
  if (!record) throw notFound(`没有受理编号为 ${receiptNumber} 的办件`);
  if (!await mayRead(engine, user, record.businessKey)) throw forbidden(`无权查看办件 ${receiptNumber}: 只有经办科室、综合受理窗口、局领导、督查室、流程分析员和运维可以查看`);
  // one reading of the engine's history, its parts asked at the same time (lib/cases/history.ts)
  const history = new CaseHistory(engine, record.businessKey);
  const [activities, completedBy, said] = await Promise.all([history.activities(), history.completedBy(), caseOpinions(history)]);
  // what a person said at each step (意见, 理由, 结论): lib/cases/opinions.ts, as the task page shows it
  const opinions = new Map(said.map((opinion) => [opinion.taskId, opinion.fields.map((f) => ({ label: f.label, text: f.value }))]));
  // 张敏, not a login id: staff names are no secret among staff (read with the service account)
  const people = [...new Set([...completedBy.values(), ...activities.map((a) => a.assignee)].filter((id): id is string => Boolean(id)))];
  const names = new Map(await Promise.all(people.map(async (id) => {
    const profile = await engine.get<{ id: string; firstName?: string; lastName?: string }>(`/user/${encodeURIComponent(id)}/profile`).catch(() => undefined);
    return [id, personName(profile, id)!] as const;
  })));
  const steps = activities
    .filter((activity) => STEP_TYPES.has(activity.activityType) && activity.activityName)
    .map((activity) => {
      const by = (activity.taskId && completedBy.get(activity.taskId)) ?? activity.assignee;
      return {
        activityId: activity.activityId, name: activity.activityName, type: activity.activityType, by, byName: by ? names.get(by) ?? by : null,
        technical: TECHNICAL_TYPES.has(activity.activityType), opinions: (activity.taskId && opinions.get(activity.taskId)) || [], startedAt: activity.startTime, endedAt: activity.endTime,
      };
    });
  const pauses = await casePauses(db, record.id);
  let remainingWorkingDays: number | null = null;
  if (record.decisionDeadline && !record.outcome) {
    const calendar = await loadCalendar(db);
    const open = pauses.find((pause) => !pause.restartedOn);
    remainingWorkingDays = unlessUnpublished(() => calendar.remainingWorkingDays(todayIn(config.deadlines.utcOffset), record.decisionDeadline!, open?.stoppedOn)) ?? null;
  }
  return {
    ...record,
    // a natural person's ID number is never in an answer: masked like the public listings
    applicantCode: record.applicantCode ? maskPersonalCode(record.applicantCode) : null,
    remainingWorkingDays,
    timeline: await caseEvents(db, record.id),
    steps,
    currentSteps: steps.filter((step) => !step.endedAt && step.type === 'userTask').map((step) => step.name),
    pauses,
    alerts: await alertsFor(db, record.businessKey),
    licence: await licenceForCase(db, record.businessKey) ?? null,
    publications: await publicationsOfCase(db, record.businessKey),
    supervisionResults: await supervisionResultsFor(db, record.businessKey),
    documents: await caseDocuments(db, config, record.businessKey),
  };
}

/** Beijing time (UTC+8), whatever the server's zone */
const time = (iso: string | null | undefined): string => (iso ? escapeHtml(new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 16)) : '—');

function renderCaseRecord(record: CaseRecord): string {
  const r = record;
  const steps = r.steps.filter((step) => !step.technical).map((step) => `<tr><td>${escapeHtml(step.name ?? '')}</td><td>${escapeHtml(step.byName ?? '')}</td><td>${time(step.startedAt)}</td><td>${step.endedAt ? time(step.endedAt) : '<b>办理中</b>'}</td></tr>`).join('');
  const documents = r.documents.map((d) => `<tr><td><a href="/cases/${encodeURIComponent(r.receiptNumber)}/documents/${d.id}" target="_blank">${escapeHtml(d.title)}</a></td><td>${escapeHtml(d.documentNumber)}</td><td>${escapeHtml(d.issuedOn)}</td><td>${escapeHtml(d.sms.status)}</td><td><a href="/cases/${encodeURIComponent(r.receiptNumber)}/documents/${d.id}" target="_blank">打印</a></td></tr>`).join('');
  const timeline = r.timeline.map((event) => `<tr><td>${time(new Date(event.at).toISOString())}</td><td>${escapeHtml(event.status)}</td><td>${escapeHtml(event.note ?? '')}</td></tr>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>办件轨迹 ${escapeHtml(r.receiptNumber)}</title>
<link rel="stylesheet" href="/assets/pages.css">
</head><body class="case-record">
<h1>办件轨迹</h1>
<p>受理编号 <b>${escapeHtml(r.receiptNumber)}</b> · ${escapeHtml(r.itemName)} · 申请人 ${escapeHtml(r.applicantName)} · 收件 ${escapeHtml(String(r.receivedOn))} · 状态 <b>${escapeHtml(r.status)}</b></p>
<p>办结期限 ${escapeHtml(String(r.decisionDeadline ?? '—'))}${r.remainingWorkingDays !== null ? ` (剩余 ${r.remainingWorkingDays} 个工作日)` : ''} · 当前环节: ${escapeHtml(r.currentSteps.join('、') || (r.outcome ? `已办结 (${r.outcome})` : '—'))}</p>
<h2>环节</h2>
<table><tr><th>环节</th><th>经办</th><th>开始</th><th>完成</th></tr>${steps}</table>
<h2 id="documents">文书</h2>
<table><tr><th>文书</th><th>文号</th><th>日期</th><th>短信告知</th><th></th></tr>${documents}</table>
<h2>状态记录</h2>
<table><tr><th>时间</th><th>状态</th><th>说明</th></tr>${timeline}</table>
</body></html>`;
}
