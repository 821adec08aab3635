// 电子监察: what the figures are computed from (lib/monitoring). Cases received in a period with
// their catalogue limits, decision day, 补正, pauses and first publication; the period's
// yellow and red cards. Days are the office's days (the configured UTC offset), never UTC.
import type { CaseHeading } from '../cases/heading.js';
import type { Knex } from 'knex';

export interface MonitoringFilter {
  /** received_on from … to, inclusive (YYYY-MM-DD) */
  from: string;
  to: string;
  /** review sections (catalogue reviewGroup); undefined: every section */
  sections?: string[];
  /** the office's offset from UTC, '+08:00' */
  utcOffset: string;
}

export interface MonitoredCase extends CaseHeading {
  itemKey: string;
  decisionDeadline: string | null;
  outcome: string | null;
  /** the day the 已决定 step was recorded */
  decidedOn: string | null;
  section: string | null;
  legalTimeLimit: number | null;
  promisedTimeLimit: number | null;
  processingType: string | null;
  /** a 一次性告知 (补正) was given */
  corrected: boolean;
  pausedWorkingDays: number;
  /** an open pause (特别程序) since this day */
  pausedSince: string | null;
  /** first 双公示 publication: its decision date and the day it went out */
  publicationDecisionDate: string | null;
  publishedOn: string | null;
}

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const localDay = (column: string) => `to_char(${column} at time zone ?::interval, 'YYYY-MM-DD')`;

/**
 * The cases received in the period (of the sections), with what the figures need; `openOnly`:
 * instead every case still running against a deadline, whenever received (临期 and 超期).
 */
export async function monitoredCases(db: Knex, filter: MonitoringFilter, openOnly = false): Promise<MonitoredCase[]> {
  const query = db('case_record as c')
    .joinRaw(`left join lateral (select entry from catalogue_item ci where ci.item_key = c.item_key order by (ci.version = c.item_version) desc, ci.version desc limit 1) item on true`)
    .select({ receiptNumber: 'c.receipt_number', itemKey: 'c.item_key', itemName: 'c.item_name', applicantName: 'c.applicant_name', status: 'c.status', outcome: 'c.outcome' })
    .select(db.raw(`${day('c.received_on')} as "receivedOn", ${day('c.accepted_on')} as "acceptedOn", ${day('c.decision_deadline')} as "decisionDeadline"`))
    .select(db.raw(`(select ${localDay('min(e.at)')} from case_event e where e.case_id = c.id and e.status = '已决定') as "decidedOn"`, [filter.utcOffset]))
    .select(db.raw(`item.entry->>'reviewGroup' as section, (item.entry->>'legalTimeLimit')::int as "legalTimeLimit", (item.entry->>'promisedTimeLimit')::int as "promisedTimeLimit", item.entry->>'processingType' as "processingType"`))
    .select(db.raw(`exists (select 1 from case_event e where e.case_id = c.id and e.status = '已告知补正') as corrected`))
    .select(db.raw(`(select coalesce(sum(p.paused_working_days), 0)::int from clock_pause p where p.case_id = c.id) as "pausedWorkingDays"`))
    .select(db.raw(`(select ${day('min(p.stopped_on)')} from clock_pause p where p.case_id = c.id and p.restarted_on is null) as "pausedSince"`))
    .select(db.raw(`(select ${day('r.decision_date')} from publication_record r where r.business_key = c.business_key order by r.version limit 1) as "publicationDecisionDate"`))
    .select(db.raw(`(select ${localDay('r.published_at')} from publication_record r where r.business_key = c.business_key order by r.version limit 1) as "publishedOn"`, [filter.utcOffset]))
    .orderBy('c.received_on').orderBy('c.receipt_number');
  if (openOnly) query.whereNull('c.outcome').whereNotNull('c.decision_deadline');
  else query.whereBetween('c.received_on', [filter.from, filter.to]);
  if (filter.sections) query.whereRaw(`item.entry->>'reviewGroup' = any(?)`, [filter.sections]);
  return query;
}

export interface MonitoredAlert {
  level: 'yellow' | 'red';
  receiptNumber: string | null;
  itemName: string | null;
  activityName: string;
  section: string;
  deadline: string;
  raisedOn: string;
}

/** Yellow and red cards raised in the period (of the sections), newest first. */
export async function monitoredAlerts(db: Knex, filter: MonitoringFilter): Promise<MonitoredAlert[]> {
  const query = db('supervision_alert as a').leftJoin('case_record as c', 'c.business_key', 'a.business_key')
    .whereRaw(`(a.created_at at time zone ?::interval)::date between ? and ?`, [filter.utcOffset, filter.from, filter.to])
    .select({ level: 'a.level', receiptNumber: 'a.receipt_number', itemName: 'c.item_name', activityName: 'a.activity_name', section: 'a.responsible_group' })
    .select(db.raw(`${day('a.deadline')} as deadline, ${localDay('a.created_at')} as "raisedOn"`, [filter.utcOffset]))
    .orderBy('a.id', 'desc');
  if (filter.sections) query.whereIn('a.responsible_group', filter.sections);
  return query;
}
