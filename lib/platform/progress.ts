// 办件查询 for applicants: a case found by its receipt number and proven theirs by the
// applicant's code or phone. Shows the status timeline, the current step, the deadline and what
// the applicant must do (补正, 容缺补正, 承诺核查), never who handled it (no staff names, no
// assignees), never an ID number, never anything of another case.
import { caseHeading } from '../cases/heading.js';
import { timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';
import { todayIn } from '../calendar/deadlines.js';
import type { EngineClient } from '../engine/client.js';
import { CaseHistory } from '../cases/history.js';
import { childCases } from '../repositories/bundles.js';
import { loadCalendar } from '../repositories/calendar.js';
import { unlessUnpublished } from '../calendar/work-calendar.js';
import { caseEvents, casePauses, findCaseByReceipt, type CaseRecord } from '../repositories/cases.js';
import { documentsOfCase } from '../repositories/documents.js';
import { licenceForCase } from '../repositories/licences.js';

export interface ApplicantProof { applicantCode?: string; phone?: string }

interface PendingMaterial { code?: string; name?: string; form?: string; copies?: number }

export interface ApplicantAction {
  kind: 'correction' | 'sign-promise' | 'deferred-materials' | 'commitment-proof' | 'late-commitment-proof';
  title: string;
  deadline: string | null;
  how: string;
  materials: Array<{ code: string; name: string; form: string; copies: number }>;
  problems: string[];
}

const same = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

const normaliseCode = (code: string): string => code.trim().toUpperCase();
const normalisePhone = (phone: string): string => phone.replace(/[\s-]/g, '').replace(/^\+?86/, '');

const WAITING_TYPES = new Set(['userTask', 'intermediateMessageCatch', 'eventBasedGateway', 'intermediateTimer', 'receiveTask', 'callActivity']);

export class CaseProgress {
  constructor(private readonly db: Knex, private readonly engine: EngineClient, private readonly utcOffset: string) {}

  /** The case, if the proof is the applicant's; undefined for an unknown number and a wrong proof alike. */
  async find(receiptNumber: string, proof: ApplicantProof): Promise<CaseRecord | undefined> {
    const record = await findCaseByReceipt(this.db, receiptNumber);
    if (!record) return undefined;
    if (proof.applicantCode !== undefined) {
      return record.applicantCode && same(normaliseCode(record.applicantCode), normaliseCode(proof.applicantCode)) ? record : undefined;
    }
    if (proof.phone !== undefined) {
      const application = await new CaseHistory(this.engine, record.businessKey).variable<{ applicant?: { phone?: unknown } }>('application', [record.processInstanceId]);
      const phone = application?.applicant?.phone;
      return typeof phone === 'string' && same(normalisePhone(phone), normalisePhone(proof.phone)) ? record : undefined;
    }
    return undefined;
  }

  async view(record: CaseRecord): Promise<Record<string, unknown>> {
    const history = new CaseHistory(this.engine, record.businessKey);
    const ids = await history.instances();
    const waiting = (await history.activities({ unfinished: true })).filter((activity) => WAITING_TYPES.has(activity.activityType));
    const pauses = await casePauses(this.db, record.id);
    const open = pauses.find((pause) => !pause.restartedOn);
    let remainingWorkingDays: number | null = null;
    if (record.decisionDeadline && !record.outcome) {
      const calendar = await loadCalendar(this.db);
      remainingWorkingDays = unlessUnpublished(() => calendar.remainingWorkingDays(todayIn(this.utcOffset), record.decisionDeadline!, open?.stoppedOn)) ?? null;
    }
    const licence = await licenceForCase(this.db, record.businessKey);
    return {
      ...caseHeading(record),
      outcome: record.outcome,
      deadline: { decisionDeadline: record.decisionDeadline, remainingWorkingDays, extended: record.deadlineExtended, clockStopped: Boolean(open) },
      currentSteps: [...new Set(waiting.filter((activity) => activity.activityType === 'userTask' && activity.activityName).map((activity) => activity.activityName!))],
      applicantActions: await this.actions(history, ids, new Set(waiting.map((activity) => activity.activityId))),
      timeline: (await caseEvents(this.db, record.id)).map((event) => ({ status: event.status, at: new Date(event.at).toISOString(), note: event.note })),
      pauses: pauses.map((pause) => ({ procedure: pause.procedure, notice: pause.notice, stoppedOn: pause.stoppedOn, restartedOn: pause.restartedOn })),
      licence: licence ? { licenceNumber: licence.licenceNumber, name: licence.resultName, validFrom: licence.validFrom, validUntil: licence.validUntil, status: licence.status } : null,
      // a 一件事: each item's own case
      items: (await childCases(this.db, record.businessKey)).map((child) => ({ itemName: child.itemName, receiptNumber: child.receiptNumber, status: child.status, outcome: child.outcome })),
      // 文书 issued to the applicant, each downloadable with the same proof (POST …/documents/{id})
      documents: (await documentsOfCase(this.db, record.businessKey)).map((document) => ({ id: document.id, kind: document.kind, title: document.title, documentNumber: document.documentNumber, issuedOn: document.issuedOn, sha256: document.sha256 })),
    };
  }

  private async actions(history: CaseHistory, ids: string[], waitingAt: Set<string>): Promise<ApplicantAction[]> {
    const actions: ApplicantAction[] = [];
    const materials = async (): Promise<ApplicantAction['materials']> => ((await history.variable<PendingMaterial[]>('pendingMaterials', ids)) ?? [])
      .map((material) => ({ code: String(material.code ?? ''), name: String(material.name ?? ''), form: String(material.form ?? ''), copies: Number(material.copies ?? 1) }));
    const text = async (name: string): Promise<string | null> => {
      const value = await history.variable<unknown>(name, ids);
      return typeof value === 'string' ? value : null;
    };
    if (waitingAt.has('ComputeSupplementDeadlineAwaitCalendarGateway')) {
      // 待发布工作日历: what to bring is known, the deadline once next year's schedule is published
      const problems = (await history.variable<Array<{ message?: unknown }>>('applicationProblems', ids)) ?? [];
      actions.push({ kind: 'correction', title: '按一次性告知书补正材料', deadline: null, how: '补正期限待下一年度工作日历发布后计算并告知; 请准备下列全部补正内容', materials: [], problems: problems.map((problem) => String(problem.message ?? '')) });
    }
    if (waitingAt.has('AwaitSupplementGateway') || waitingAt.has('ApplicationResubmittedEvent')) {
      const problems = (await history.variable<Array<{ message?: unknown }>>('applicationProblems', ids)) ?? [];
      actions.push({ kind: 'correction', title: '按一次性告知书补正材料', deadline: await text('supplementDeadline'), how: '请在期限内一次性补正下列全部内容后重新提交; 逾期未补正的, 办件终结', materials: [], problems: problems.map((problem) => String(problem.message ?? '')) });
    }
    if (waitingAt.has('OfferPromiseTask')) {
      actions.push({ kind: 'sign-promise', title: '签署承诺书', deadline: await text('noticeDeadline'), how: '窗口将与您联系, 确认容缺受理或告知承诺并签署承诺书', materials: await materials(), problems: [] });
    }
    if (waitingAt.has('AwaitSupplementTask')) {
      actions.push({ kind: 'deferred-materials', title: '补交容缺材料', deadline: await text('promiseDeadline'), how: '请在期限内补交下列材料; 逾期未补交的, 办件终止或许可撤销, 并记入信用记录', materials: await materials(), problems: [] });
    }
    if (waitingAt.has('AwaitFulfilmentTask')) {
      actions.push({ kind: 'commitment-proof', title: '履行告知承诺 (提交承诺的证明材料)', deadline: await text('promiseDeadline'), how: '请在承诺期限内提交下列证明材料, 经核查属实即履约', materials: await materials(), problems: [] });
    }
    if (waitingAt.has('AwaitLateFulfilmentTask')) {
      actions.push({ kind: 'late-commitment-proof', title: '承诺期满未履行: 尽快补交证明材料', deadline: await text('breachPushDeadline'), how: '在该日期前补交并经核查属实的, 不推送信用平台; 否则推送不履行承诺信息并撤销许可', materials: await materials(), problems: [] });
    }
    return actions;
  }
}
