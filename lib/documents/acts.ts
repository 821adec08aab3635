// The acts of a case that are put in writing, one function each: what the worker knows goes in,
// the fields of the kind's template are worked out here (deadlines counted in working days on the
// office's calendar, the catalogue version the case started with), and the document is issued once.
import type { Knex } from 'knex';
import { SUPPLEMENT_WORKING_DAYS } from '../bpmn/item-process.js';
import { CalendarRangeError, type WorkCalendar } from '../calendar/work-calendar.js';
import { findCaseByBusinessKey } from '../repositories/cases.js';
import { getVersion } from '../repositories/catalogue.js';
import { GROUPS } from '../engine/directory.js';
import type { Opinion } from '../repositories/bundles.js';
import { documentsOfCase } from '../repositories/documents.js';
import { licenceForCase } from '../repositories/licences.js';
import { issueDocument, type DocumentSettings, type IssuedDocument } from './issue.js';
import { DOCUMENT_KINDS, type DocumentKind } from './kinds.js';
import { chineseDate } from './pdf.js';

export interface ActContext { db: Knex; settings: DocumentSettings; calendar: WorkCalendar }
export interface Act { businessKey: string; actId: string; on: string }

const date = (iso: string | null | undefined): string => (iso ? chineseDate(iso) : '');

async function entryOf(db: Knex, businessKey: string) {
  const record = await findCaseByBusinessKey(db, businessKey);
  return record ? (await getVersion(db, record.itemKey, record.itemVersion))?.entry : undefined;
}

/** N working days after a date, or undefined beyond the published calendar (the text then names the days only). */
function workingDaysAfter(calendar: WorkCalendar, from: string, days: number): string | undefined {
  try {
    return calendar.addWorkingDays(from, days);
  } catch (error) {
    if (error instanceof CalendarRangeError) return undefined;
    throw error;
  }
}

const issue = (context: ActContext, act: Act, kind: DocumentKind, fields: Record<string, unknown>): Promise<IssuedDocument> =>
  issueDocument(context.db, context.settings, { businessKey: act.businessKey, actId: act.actId, kind, issuedOn: act.on, fields });

const MODES: Record<string, string> = { deferral: '容缺受理', commitment: '告知承诺受理' };

/** 受理通知书 (Art. 32): acceptance, or deemed acceptance as of the day of receipt. */
export async function acceptanceNotice(context: ActContext, act: Act & { acceptedOn: string; deemed: boolean; mode: string }): Promise<IssuedDocument> {
  const timeLimit = (await entryOf(context.db, act.businessKey))?.promisedTimeLimit ?? 20;
  return issue(context, act, 'acceptance', {
    acceptedOn: date(act.acceptedOn), deemed: act.deemed, mode: MODES[act.mode] ?? '', timeLimit,
    decisionDeadline: date(workingDaysAfter(context.calendar, act.acceptedOn, timeLimit)),
  });
}

export const refusalNotice = (context: ActContext, act: Act & { reason: string }) => issue(context, act, 'refusal', { reason: act.reason });

/** 一次性告知书: every problem at once, and the working days to correct them. */
export function correctionNotice(context: ActContext, act: Act & { problems: string }): Promise<IssuedDocument> {
  return issue(context, act, 'correction', {
    problems: act.problems.split('\n').map((line) => line.trim()).filter(Boolean),
    correctionWorkingDays: SUPPLEMENT_WORKING_DAYS,
    correctionDeadline: date(workingDaysAfter(context.calendar, act.on, SUPPLEMENT_WORKING_DAYS)) || `${SUPPLEMENT_WORKING_DAYS}个工作日内`,
  });
}

/** 准予 / 不予行政许可决定书, with the rights of 行政复议 (60 days) and 行政诉讼 (6 months). */
export async function decisionDocument(context: ActContext, act: Act & { granted: boolean; reason?: string; content?: string }): Promise<IssuedDocument> {
  const entry = await entryOf(context.db, act.businessKey);
  return issue(context, act, act.granted ? 'grant' : 'denial', {
    decidedOn: date(act.on), reason: act.reason ?? '', content: act.content || entry?.name || '',
    legalBasis: entry?.legalBasis.join('、') || '有关法律、法规', resultName: entry?.result.name ?? '',
  });
}

/** The licence itself (证照): its number, holder, scope and validity. */
export async function licenceDocument(context: ActContext, act: Act): Promise<IssuedDocument> {
  const licence = await licenceForCase(context.db, act.businessKey);
  if (!licence) throw new Error(`办件 ${act.businessKey} 没有证照`);
  return issue(context, act, 'licence', {
    resultName: licence.resultName, licenceNumber: licence.licenceNumber, content: licence.content,
    validFrom: date(licence.validFrom), validUntil: date(licence.validUntil),
  });
}

/** 撤销行政许可决定书: a new document; the decision and the licence issued before are kept. */
export async function revocationDocument(context: ActContext, act: Act & { reason: string }): Promise<IssuedDocument | undefined> {
  const licence = await licenceForCase(context.db, act.businessKey);
  if (!licence) return undefined;
  return issue(context, act, 'revocation', {
    reason: act.reason, revokedOn: date(act.on), decidedOn: date(licence.decidedOn), resultName: licence.resultName, licenceNumber: licence.licenceNumber,
  });
}

/** 限期整改通知书 (容缺勘验): the gap found unremedied, the last period and what follows if it passes. */
export async function gapRectificationNotice(context: ActContext, act: Act & { gap: string; gapDeadline: string; checkNote: string; deadline: string; workingDays: number }): Promise<IssuedDocument> {
  const licence = await licenceForCase(context.db, act.businessKey);
  return issue(context, act, 'gap-rectification', {
    gap: act.gap, gapDeadline: date(act.gapDeadline), checkedOn: date(act.on), checkNote: act.checkNote, decidedOn: date(licence?.decidedOn),
    rectificationDeadline: date(act.deadline), rectificationWorkingDays: act.workingDays,
  });
}

/** 撤回申请确认书: the applicant's withdrawal acknowledged; the case ends without a decision. */
export const withdrawalAcknowledgement = (context: ActContext, act: Act & { reason: string; channel: string }) =>
  issue(context, act, 'withdrawal', { withdrawnOn: date(act.on), reason: act.reason, channel: act.channel });

/** 延长审批期限决定书 (Art. 42). */
export const extensionDecision = (context: ActContext, act: Act & { reason: string; before: string; after: string; days: number }) =>
  issue(context, act, 'extension', { reason: act.reason, before: date(act.before), after: date(act.after), extensionDays: act.days });

/** 特别程序告知书 (Art. 45). */
export const specialProcedureNotice = (context: ActContext, act: Act & { procedure: string; reason: string; deadlineBefore: string }) =>
  issue(context, act, 'special-procedure', { procedure: act.procedure, reason: act.reason, stoppedOn: date(act.on), deadlineBefore: date(act.deadlineBefore) });

/** 恢复计算审批期限告知书 (Art. 45): the special procedure is over, the deadline moves by the days it took. */
export const clockRestartNotice = (context: ActContext, act: Act & { procedure: string; restartedOn: string; pausedWorkingDays: number; before: string; after: string }) =>
  issue(context, act, 'clock-restart', { procedure: act.procedure, restartedOn: date(act.restartedOn), pausedWorkingDays: act.pausedWorkingDays, before: date(act.before), after: date(act.after) });

/** 容缺受理承诺书 / 告知承诺书: what the applicant signs, with every material, deadline and consequence. */
export async function promiseDocument(context: ActContext, act: Act & { path: 'deferral' | 'commitment'; materials: string[]; deadline: string | undefined; workingDays: number; inspectionMode?: string }): Promise<IssuedDocument> {
  const entry = await entryOf(context.db, act.businessKey);
  return issue(context, act, act.path === 'deferral' ? 'deferral-promise' : 'commitment-promise', {
    materials: act.materials, promiseDeadline: date(act.deadline), promiseWorkingDays: act.workingDays, inspectionMode: act.inspectionMode ?? '',
    content: entry?.commitment?.content ?? '', liability: entry?.commitment?.liability ?? '', noticeWorkingDays: entry?.commitment?.noticeWorkingDays ?? '',
  });
}

const departmentName = (groupId: string): string => Object.values(GROUPS).find((group) => group.id === groupId)?.name ?? groupId;

/** 联合踏勘意见书: each department's opinion (named as the applicant knows it) and the merged one. */
export function jointInspectionOpinion(context: ActContext, act: Act & { opinions: Opinion[]; merged: string }): Promise<IssuedDocument> {
  const named = act.opinions.map((o) => ({ ...o, department: departmentName(o.groupId) }));
  return issue(context, act, 'joint-inspection', {
    merged: act.merged,
    opinions: named.map((o) => `${o.department}：${o.opinion}${o.conditions ? `，条件：${o.conditions}` : ''}${o.reason ? `，理由：${o.reason}` : ''}`),
    conditions: named.filter((o) => o.opinion === '有条件同意' && o.conditions).map((o) => `${o.department}：${o.conditions}`).join('；'),
  });
}

/** 送达回证: the documents handed out with the result. */
export async function deliveryReceipt(context: ActContext, act: Act & { method: string }): Promise<IssuedDocument> {
  const delivered = (await documentsOfCase(context.db, act.businessKey))
    .filter((document) => document.kind === 'grant' || document.kind === 'denial' || document.kind === 'licence')
    .map((document) => `${document.kind === 'licence' ? document.title : DOCUMENT_KINDS[document.kind as DocumentKind]}（${document.documentNumber}）`);
  return issue(context, act, 'delivery-receipt', { delivered, method: act.method });
}
