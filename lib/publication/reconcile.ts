// 台账比对: every licence decision recorded by the engine against the 双公示 ledger and against
// what the credit platform acknowledged. Each mismatch is reported (missing, extra, a different
// field, not acknowledged, rejected); with repair, what can be fixed is fixed by publishing again.
import type { Knex } from 'knex';
import type { CatalogueEntry } from '../catalogue/entry.js';
import { unlessUnpublished, type WorkCalendar } from '../calendar/work-calendar.js';
import type { EngineClient } from '../engine/client.js';
import { raiseAlert } from '../repositories/supervision.js';
import { getVersion } from '../repositories/catalogue.js';
import type { LicenceRecord as Licence } from '../repositories/licences.js';
import { requeue } from '../repositories/outbox.js';
import { ledgerDifferences, publicationKey, publish, PUBLICATION_CHANNEL } from '../repositories/publication.js';
import { buildLicenceRecord, checkLicenceRecord, type PublicationAction } from './licence-record.js';

export type MismatchKind = 'missing' | 'extra' | 'different' | 'unacknowledged' | 'rejected';

export interface Mismatch {
  kind: MismatchKind;
  licenceNumber: string;
  field?: string;
  expected?: string | null;
  actual?: string | null;
  detail: string;
  repaired?: boolean;
}

export interface ReconcileReport {
  decisions: number;
  published: number;
  mismatches: Mismatch[];
  repaired: number;
}

const ACTION_BY_STATUS: Record<string, PublicationAction> = { 有效: '准予', 撤销: '撤销', 注销: '注销', 变更: '变更', 延续: '延续' };
const STATUS_BY_ACTION: Record<PublicationAction, string> = { 准予: '有效', 撤销: '撤销', 注销: '注销', 变更: '变更', 延续: '延续' };
/** fields of the ledger record that must follow the licence itself */
const COMPARED: Array<[keyof Licence, string]> = [['holderName', 'holderName'], ['validUntil', 'validUntil'], ['decidedOn', 'decisionDate'], ['content', 'licenceContent']];

/** The licence numbers the engine's history holds (variable licenceNumber), with their case. */
export async function engineDecisions(engine: EngineClient): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let first = 0; ; first += 1000) {
    const page = await engine.get<Array<{ value: string | null; processInstanceId: string }>>(`/history/variable-instance?variableName=licenceNumber&deserializeValues=false&firstResult=${first}&maxResults=1000`);
    for (const variable of page) if (typeof variable.value === 'string') found.set(variable.value, variable.processInstanceId);
    if (page.length < 1000) return found;
  }
}

export const PUBLICATION_LIMIT_WORKING_DAYS = 7;

export interface ReconcileOptions {
  repair: boolean;
  /** with both, records unacknowledged past the legal limit raise a red card for operators */
  calendar?: WorkCalendar;
  today?: string;
  /** where decisions come from: the engine's history (default), or the licence ledger (bench) */
  decisions?: 'engine' | 'licences';
}

export async function reconcile(db: Knex, engine: EngineClient, options: ReconcileOptions): Promise<ReconcileReport> {
  // the engine's decisions (licence number → process instance); the ledger compared with them in the database
  const fromEngine = options.decisions === 'licences' ? undefined : await engineDecisions(engine);
  const { entries: differing, extra, published: publishedCount, decisions } = await ledgerDifferences(db, fromEngine && [...fromEngine.keys()]);
  const mismatches: Mismatch[] = [];
  const entries = new Map<string, Awaited<ReturnType<typeof getVersion>>>();
  const entryOf = async (licence: Licence) => {
    const key = `${licence.itemKey}@${licence.itemVersion}`;
    if (!entries.has(key)) entries.set(key, await getVersion(db, licence.itemKey, licence.itemVersion));
    return entries.get(key)?.entry;
  };
  let repaired = 0;

  for (const { licenceNumber: number, licence, published, message } of differing) {
    const processInstanceId = fromEngine?.get(number) ?? '';
    if (licence && !(await entryOf(licence))?.published) continue;
    if (!published) {
      const mismatch: Mismatch = { kind: 'missing', licenceNumber: number, detail: '已作出许可决定, 公示台账中没有记录' };
      if (options.repair && licence) mismatch.repaired = await republish(db, engine, licence, processInstanceId, await entryOf(licence));
      repaired += mismatch.repaired ? 1 : 0;
      mismatches.push(mismatch);
      continue;
    }
    if (licence) {
      const expectedStatus = licence.status;
      const differences: Mismatch[] = [];
      if (published.record.status !== expectedStatus) differences.push({ kind: 'different', licenceNumber: number, field: 'status', expected: expectedStatus, actual: published.record.status ?? null, detail: '当前状态与证照不一致' });
      for (const [from, to] of COMPARED) {
        const expected = (licence[from] as string | null) ?? null;
        const actual = published.record[to] ?? null;
        if (expected !== actual) differences.push({ kind: 'different', licenceNumber: number, field: to, expected, actual, detail: '字段与证照不一致' });
      }
      if (differences.length && options.repair) {
        const fixed = await republish(db, engine, licence, processInstanceId, await entryOf(licence), published.record);
        for (const difference of differences) difference.repaired = fixed;
        repaired += fixed ? 1 : 0;
      }
      mismatches.push(...differences);
    }
    if (!published.acknowledgedAt) {
      if (message?.status === 'rejected') {
        mismatches.push({ kind: 'rejected', licenceNumber: number, detail: `信用平台拒收: ${message.lastError ?? ''} (修正后重新推送)` });
      } else {
        const mismatch: Mismatch = { kind: 'unacknowledged', licenceNumber: number, detail: `第 ${published.version} 版尚未得到信用平台确认` };
        // 电子监察: the legal limit for 双公示 is 7 working days after the decision
        if (options.calendar && options.today) {
          // a limit in an unpublished year is not guessed: the red card waits for the year, the watch looks again
          const calendar = options.calendar;
          const limit = unlessUnpublished(() => calendar.addWorkingDays(published.decisionDate, PUBLICATION_LIMIT_WORKING_DAYS));
          if (limit === undefined) mismatch.detail += ', 法定公示期限待工作日历发布后计算';
          else if (limit < options.today) {
            await raiseAlert(db, {
              businessKey: published.businessKey, receiptNumber: licence?.receiptNumber ?? null, level: 'red', activityId: 'PublishLicenceTask', activityName: '双公示',
              responsibleGroup: 'operators', deadline: limit, timerActivityInstanceId: `publication:${publicationKey(number, published.version)}`,
              message: `红牌警告: 许可 ${number} 的双公示超过法定 7 个工作日 (${limit}) 仍未得到信用平台确认`,
            });
            mismatch.detail += `, 已超过法定公示期限 ${limit}`;
          }
        }
        if (options.repair) mismatch.repaired = await requeue(db, PUBLICATION_CHANNEL, publicationKey(number, published.version));
        repaired += mismatch.repaired ? 1 : 0;
        mismatches.push(mismatch);
      }
    }
  }
  for (const number of extra) mismatches.push({ kind: 'extra', licenceNumber: number, detail: '公示台账中的记录没有对应的许可决定 (需人工核查, 不自动删除)' });
  return { decisions, published: publishedCount, mismatches, repaired };
}

/** Publishes the licence as it is now; the applicant comes from the previous record or the engine's history. */
async function republish(db: Knex, engine: EngineClient, licence: Licence, processInstanceId: string, entry: CatalogueEntry | undefined, previous?: Record<string, string>): Promise<boolean> {
  if (!entry) return false;
  let applicant: Parameters<typeof buildLicenceRecord>[0]['applicant'];
  if (previous) {
    applicant = { name: licence.holderName, category: previous.holderCategory, creditCode: previous.holderCode, legalRepresentative: previous.legalRepresentative ? { name: previous.legalRepresentative } : undefined };
  } else {
    // the application of the case, wherever in its processes it is kept (a call activity gets only
    // the variables it names, so the process that holds the licence number may not hold it)
    const instances = processInstanceId ? await engine.get<Array<{ id: string }>>(`/history/process-instance?processInstanceBusinessKey=${encodeURIComponent(licence.businessKey)}`) : [];
    const found = instances.length ? await engine.get<Array<{ value: string | null }>>(`/history/variable-instance?processInstanceIdIn=${instances.map((instance) => instance.id).join(',')}&variableName=application&deserializeValues=false`) : [];
    const application = found.map((variable) => (variable.value ? JSON.parse(variable.value) as { applicant?: typeof applicant } | null : null)).find((value) => value?.applicant);
    applicant = application?.applicant ?? { name: licence.holderName, category: licence.holderCategory };
  }
  const action = ACTION_BY_STATUS[licence.status] ?? '变更';
  const record = buildLicenceRecord({ entry, applicant, licence, action });
  if (previous?.idNumber) { record.idNumber = previous.idNumber; record.idType = previous.idType ?? '身份证'; }
  if (record.status !== STATUS_BY_ACTION[action] || checkLicenceRecord(record).length) return false;
  return (await publish(db, { licenceNumber: licence.licenceNumber, businessKey: licence.businessKey, itemKey: licence.itemKey, action, record, decisionDate: licence.decidedOn })).created;
}

