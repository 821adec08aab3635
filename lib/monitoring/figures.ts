// 电子监察 figures for leaders, the 督查室 and a 科长 (their section): on-time rate by item, section
// and month; cases near due and overdue; yellow and red cards; working days used against the
// legal and the promised limit (how far the office cut the legal time); 即办件 share; 一次办好
// (decided without 补正); 好差评 satisfaction; 双公示 the same day. Computed here, read from
// the repositories; the route only checks who asks.
import type { Knex } from 'knex';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { unlessUnpublished } from '../calendar/work-calendar.js';
import { groupName } from '../engine/directory.js';
import { InvalidInput } from '../errors.js';
import { loadCalendar } from '../repositories/calendar.js';
import { monitoredAlerts, monitoredCases, type MonitoredAlert, type MonitoredCase } from '../repositories/monitoring.js';
import { monthlyRatingFigures } from '../ratings/index.js';

export interface MonitoringQuery {
  from: string;
  to: string;
  /** undefined: every section */
  sections?: string[];
  /** today in the office (YYYY-MM-DD) */
  today: string;
  utcOffset: string;
}

/** A share: part of whole, 4 decimals; null when there is nothing to count. */
export type Rate = number | null;

export interface OnTime { cases: number; decided: number; onTime: number; overdue: number; onTimeRate: Rate }

export interface WorkingDays {
  /** decided cases whose working days are known */
  measured: number;
  average: number | null;
  p90: number | null;
  legalAverage: number | null;
  promisedAverage: number | null;
  /** 1 − average / legal average: how far the office cut the legal time */
  cutOfLegal: Rate;
}

export interface WatchedCase {
  receiptNumber: string;
  itemName: string;
  applicantName: string;
  section: string | null;
  sectionName: string;
  status: string;
  decisionDeadline: string;
  workingDaysLeft: number | null;
  signal: 'yellow' | 'red';
}

export interface MonitoringFigures {
  from: string;
  to: string;
  today: string;
  sections: Array<{ group: string; name: string }> | null;
  totals: OnTime & WorkingDays & {
    instantShare: Rate;
    firstTimeRate: Rate;
    satisfactionRate: Rate;
    ratings: number;
    sameDayPublicationRate: Rate;
    publications: number;
    yellowCards: number;
    redCards: number;
  };
  byItem: Array<OnTime & WorkingDays & { itemKey: string; itemName: string; section: string | null; sectionName: string; legalTimeLimit: number | null; promisedTimeLimit: number | null }>;
  bySection: Array<OnTime & { section: string; sectionName: string; yellowCards: number; redCards: number }>;
  byMonth: Array<OnTime & { month: string }>;
  cards: Array<MonitoredAlert & { sectionName: string }>;
  watch: WatchedCase[];
}

/** A period of at most this many days: a year and a day. */
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

function checkPeriod(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (days < 0) throw new InvalidInput('统计期间无效', [{ field: 'to', rule: 'notBeforeFrom', message: `截止日期 to (${to}) 不能早于起始日期 from (${from})` }]);
  if (days > MAX_DAYS) throw new InvalidInput('统计期间无效', [{ field: 'to', rule: 'maxPeriod', message: `统计期间 from 至 to 不能超过 ${MAX_DAYS} 天` }]);
}

const rate = (part: number, whole: number): Rate => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);
const round1 = (value: number): number => Math.round(value * 10) / 10;
const average = (values: number[]): number | null => (values.length ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null);
/** nearest-rank 90th percentile */
const p90 = (values: number[]): number | null => (values.length ? [...values].sort((a, b) => a - b)[Math.ceil(0.9 * values.length) - 1]! : null);

/** Decided by its deadline (a case without one, 即办件, is on time); open and past it is overdue. */
function timeliness(cases: MonitoredCase[], today: string): OnTime {
  const decided = cases.filter((c) => c.decidedOn);
  const onTime = decided.filter((c) => !c.decisionDeadline || c.decidedOn! <= c.decisionDeadline).length;
  const overdue = cases.filter((c) => !c.decidedOn && !c.outcome && c.decisionDeadline && c.decisionDeadline < today).length;
  return { cases: cases.length, decided: decided.length, onTime, overdue, onTimeRate: rate(onTime, decided.length + overdue) };
}

/** Working days from acceptance to decision, less the paused ones (特别程序). */
function workingDays(cases: MonitoredCase[], calendar: WorkCalendar): WorkingDays {
  const measured = cases.flatMap((c) => {
    if (!c.decidedOn || !c.acceptedOn) return [];
    const used = unlessUnpublished(() => calendar.workingDaysBetween(c.acceptedOn!, c.decidedOn!));
    return used === undefined ? [] : [{ used: Math.max(0, used - c.pausedWorkingDays), legal: c.legalTimeLimit, promised: c.promisedTimeLimit }];
  });
  const used = measured.map((m) => m.used);
  const legal = measured.flatMap((m) => (m.legal === null ? [] : [m.legal]));
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  const legalAverage = average(legal);
  return {
    measured: measured.length,
    average: average(used),
    p90: p90(used),
    legalAverage,
    promisedAverage: average(measured.flatMap((m) => (m.promised === null ? [] : [m.promised]))),
    cutOfLegal: used.length && legal.length && mean(legal) ? Math.round((1 - mean(used) / mean(legal)) * 10_000) / 10_000 : null,
  };
}

function groupBy<T>(values: T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) groups.set(key(value), [...(groups.get(key(value)) ?? []), value]);
  return groups;
}

/** The months YYYY-MM from `from` to `to`. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))]; `${year}-${String(month).padStart(2, '0')}` <= to.slice(0, 7); month === 12 ? ((year += 1), (month = 1)) : (month += 1)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return months;
}

/** 好差评 of the period's months, of the sections that handled the rated cases. */
async function satisfaction(db: Knex, query: MonitoringQuery): Promise<{ ratings: number; satisfied: number }> {
  let ratings = 0;
  let satisfied = 0;
  for (const month of monthsOf(query.from, query.to)) {
    for (const department of (await monthlyRatingFigures(db, { month })).departments) {
      if (query.sections && !query.sections.includes(department.group)) continue;
      ratings += department.total;
      satisfied += department.levels[3] + department.levels[4] + department.levels[5];
    }
  }
  return { ratings, satisfied };
}

function watchList(open: MonitoredCase[], calendar: WorkCalendar, today: string, warningDays: number): WatchedCase[] {
  return open.flatMap((c) => {
    const left = unlessUnpublished(() => calendar.remainingWorkingDays(today, c.decisionDeadline!, c.pausedSince ?? undefined)) ?? null;
    const overdue = c.decisionDeadline! < today;
    if (!overdue && (left === null || left > warningDays)) return [];
    return [{
      receiptNumber: c.receiptNumber, itemName: c.itemName, applicantName: c.applicantName, section: c.section, sectionName: c.section ? groupName(c.section) : '—',
      status: c.status, decisionDeadline: c.decisionDeadline!, workingDaysLeft: left, signal: overdue ? 'red' as const : 'yellow' as const,
    }];
  }).sort((a, b) => a.decisionDeadline.localeCompare(b.decisionDeadline) || a.receiptNumber.localeCompare(b.receiptNumber));
}

/** The 电子监察 figures of a period; `warningDays`: working days left that count as 临期 (yellow). */
export async function monitoringFigures(db: Knex, query: MonitoringQuery, warningDays = 1): Promise<MonitoringFigures> {
  checkPeriod(query.from, query.to);
  const filter = { from: query.from, to: query.to, sections: query.sections, utcOffset: query.utcOffset };
  const [cases, open, alerts, calendar, rated] = await Promise.all([
    monitoredCases(db, filter), monitoredCases(db, filter, true), monitoredAlerts(db, filter), loadCalendar(db), satisfaction(db, query),
  ]);
  const decided = cases.filter((c) => c.decidedOn);
  const published = cases.filter((c) => c.publishedOn && c.publicationDecisionDate);
  const cards = alerts.map((alert) => ({ ...alert, sectionName: groupName(alert.section) }));
  const sectionOf = (c: MonitoredCase): string => c.section ?? '';
  return {
    from: query.from,
    to: query.to,
    today: query.today,
    sections: query.sections?.map((group) => ({ group, name: groupName(group) })) ?? null,
    totals: {
      ...timeliness(cases, query.today),
      ...workingDays(cases, calendar),
      instantShare: rate(cases.filter((c) => c.processingType === '即办件').length, cases.length),
      firstTimeRate: rate(decided.filter((c) => !c.corrected).length, decided.length),
      satisfactionRate: rate(rated.satisfied, rated.ratings),
      ratings: rated.ratings,
      sameDayPublicationRate: rate(published.filter((c) => c.publishedOn === c.publicationDecisionDate).length, published.length),
      publications: published.length,
      yellowCards: alerts.filter((a) => a.level === 'yellow').length,
      redCards: alerts.filter((a) => a.level === 'red').length,
    },
    byItem: [...groupBy(cases, (c) => c.itemKey)].map(([itemKey, of]) => ({
      itemKey, itemName: of[0]!.itemName, section: of[0]!.section, sectionName: of[0]!.section ? groupName(of[0]!.section) : '—',
      legalTimeLimit: of[0]!.legalTimeLimit, promisedTimeLimit: of[0]!.promisedTimeLimit, ...timeliness(of, query.today), ...workingDays(of, calendar),
    })).sort((a, b) => b.cases - a.cases || a.itemName.localeCompare(b.itemName, 'zh-CN')),
    bySection: [...new Set([...cases.map(sectionOf), ...alerts.map((a) => a.section)])].filter(Boolean).sort().map((section) => ({
      section, sectionName: groupName(section), ...timeliness(cases.filter((c) => sectionOf(c) === section), query.today),
      yellowCards: alerts.filter((a) => a.section === section && a.level === 'yellow').length,
      redCards: alerts.filter((a) => a.section === section && a.level === 'red').length,
    })),
    // a decided case counts in the month of its decision, an overdue one in the month of its deadline
    byMonth: monthsOf(query.from, query.to).map((month) => ({
      month, ...timeliness(cases.filter((c) => (c.decidedOn ?? c.decisionDeadline ?? c.receivedOn).startsWith(month)), query.today),
    })),
    cards,
    watch: watchList(open, calendar, query.today, warningDays),
  };
}
