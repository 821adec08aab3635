// Reminders before a promise runs out: 3 working days before the 容缺 supplement deadline or the
// 告知承诺 period (counted back on the office's working-day calendar), the applicant is told what
// is still due and by when. The process's timer on the waiting task fires it (so a material that
// arrived cancels it); it goes out once per case and promise (runOnce), whatever the engine repeats.
import type { Knex } from 'knex';
import { schedule, type DeadlineSettings } from '../calendar/deadlines.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { chineseDate } from '../documents/pdf.js';
import { officeOf } from '../documents/issue.js';
import { renderTemplate } from '../documents/template-engine.js';
import { findCaseByBusinessKey } from '../repositories/cases.js';
import { sendApplicantNotice } from './applicant.js';

export const REMINDER_WORKING_DAYS = 3;
export const REMINDER_KIND = 'promise-reminder';
export const REMINDER_NAME = '承诺期限提醒';

/**
 * When to remind: the start of the day REMINDER_WORKING_DAYS working days before the deadline
 * (the act's day not counted, like every period); when that day is not after the day the promise
 * was made, the end of the deadline (the reminder is then skipped: the period was too short).
 */
export function reminderAt(calendar: WorkCalendar, deadline: string, promisedOn: string, settings: DeadlineSettings): string {
  // schedule's warning day is N − 1 working days back (the last day counts): N = 4 is 3 days before
  return schedule(calendar, deadline, promisedOn, { ...settings, warningWorkingDays: REMINDER_WORKING_DAYS + 1 }).warningAt;
}

const TEXTS: Record<'容缺' | '告知承诺', string> = {
  容缺: '【{{office}}】{{applicantName}}：您申请的{{itemName}}（{{receiptNumber}}）为容缺受理，容缺材料须于{{deadline}}前补交：{{materials}}。逾期未补正的，终止办理并记入信用记录。',
  告知承诺: '【{{office}}】{{applicantName}}：您就{{itemName}}（{{receiptNumber}}）作出的告知承诺将于{{deadline}}期满，请在期满前提交{{materials}}。期满未履行的，将撤销许可并推送信用平台。',
};

export interface PromiseReminder {
  businessKey: string;
  /** the BPMN activity that reminds: with the business key, the reminder's key */
  activityId: string;
  promiseKind: string;
  /** ISO date of the deadline */
  deadline: string;
  materials: string[];
  today: string;
  /** promiseReminderAt and promiseDueAt: the same moment when the period was too short to remind */
  reminderAt: string;
  dueAt: string;
}

/** Queues the reminder once; false when not sent (too short a period, or sent before). */
export async function remindPromise(db: Knex, reminder: PromiseReminder): Promise<boolean> {
  if (reminder.reminderAt === reminder.dueAt) return false;
  const record = await findCaseByBusinessKey(db, reminder.businessKey);
  if (!record) throw new Error(`办件 ${reminder.businessKey} 未登记`);
  const source = TEXTS[reminder.promiseKind === '容缺' ? '容缺' : '告知承诺'];
  const office = await officeOf(db, record);
  const text = renderTemplate({ title: REMINDER_NAME, numberPrefix: '', body: source }, {
    office, applicantName: record.applicantName, itemName: record.itemName, receiptNumber: record.receiptNumber,
    deadline: chineseDate(reminder.deadline), materials: reminder.materials.join('、') || '承诺的证明材料',
  }).paragraphs.join('');
  return sendApplicantNotice(db, { businessKey: reminder.businessKey, actId: reminder.activityId, kind: REMINDER_KIND, kindName: REMINDER_NAME, text, on: reminder.today });
}
