// 电子证照: one result document per granted case, its number drawn once from the counter of
// its prefix and year.
import type { Knex } from 'knex';
import { completeCreditCode } from '../validation/identifiers.js';
import { runOnce } from './side-effects.js';

/**
 * 赋码: a registration's licence counter is unique per prefix and year, so the code made of
 * the prefix (登记管理部门码, 机构类别, 登记管理机关行政区划码), the year and the counter as
 * organisation body is unique too, with both GB 32100 / GB 11714 check characters.
 */
export function mintCreditCode(prefix: string, year: number, serial: number): string {
  const head = prefix.replace(/[^0-9A-HJ-NP-RT-UW-Y]/g, '').padEnd(8, '0').slice(0, 8);
  return completeCreditCode(`${head}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`);
}

export interface NewLicence {
  businessKey: string;
  receiptNumber: string;
  itemKey: string;
  itemVersion: number;
  prefix: string;
  resultName: string;
  holderName: string;
  holderCategory: string;
  holderCode: string | null;
  content: string;
  decidedOn: string;
  validFrom: string;
  validUntil: string | null;
  /** 设立登记: the new holder has no code yet; one is minted with the licence (赋码) */
  assignCreditCode?: boolean;
}

export interface LicenceRecord {
  licenceNumber: string;
  businessKey: string;
  receiptNumber: string;
  itemKey: string;
  itemVersion: number;
  resultName: string;
  holderName: string;
  holderCategory: string;
  content: string;
  decidedOn: string;
  validFrom: string;
  validUntil: string | null;
  status: string;
}

function selectLicence(db: Knex) {
  return db('licence').select({ licenceNumber: 'licence_number' }, { businessKey: 'business_key' }, { receiptNumber: 'receipt_number' }, { itemKey: 'item_key' }, { itemVersion: 'item_version' },
    { resultName: 'result_name' }, { holderName: 'holder_name' }, { holderCategory: 'holder_category' }, 'content', 'status',
    db.raw(`to_char(decided_on, 'YYYY-MM-DD') as "decidedOn"`), db.raw(`to_char(valid_from, 'YYYY-MM-DD') as "validFrom"`), db.raw(`to_char(valid_until, 'YYYY-MM-DD') as "validUntil"`));
}

export async function issueLicence(db: Knex, input: NewLicence): Promise<{ licence: LicenceRecord; replayed: boolean }> {
  const current = async (trx: Knex.Transaction) => (await selectLicence(trx).where({ business_key: input.businessKey }).first()) as LicenceRecord;
  const { result, replayed } = await runOnce(db, { businessKey: input.businessKey, activityId: 'licence.issue', kind: 'licence-number' }, async (trx) => {
    // a licence issued before the ledger guarded it
    const existing = await current(trx);
    if (existing) return existing;
    const year = Number(input.decidedOn.slice(0, 4));
    const [{ last }] = await trx('licence_counter').insert({ prefix: input.prefix, year, last: 1 })
      .onConflict(['prefix', 'year']).merge({ last: trx.raw('licence_counter.last + 1') }).returning('last');
    const licenceNumber = `${input.prefix}${year}${String(last).padStart(6, '0')}`;
    const holderCode = input.holderCode ?? (input.assignCreditCode ? mintCreditCode(input.prefix, year, last) : null);
    await trx('licence').insert({
      licence_number: licenceNumber, business_key: input.businessKey, receipt_number: input.receiptNumber, item_key: input.itemKey,
      item_version: input.itemVersion, result_name: input.resultName, holder_name: input.holderName, holder_category: input.holderCategory,
      holder_code: holderCode, content: input.content, decided_on: input.decidedOn, valid_from: input.validFrom, valid_until: input.validUntil, status: '有效',
    });
    return current(trx);
  }, current);
  return { licence: result, replayed };
}

/** Revokes the case's licence once (a breached promise); false when the case has none. */
export async function revokeLicence(db: Knex, businessKey: string, on: string, reason: string): Promise<LicenceRecord | undefined> {
  await db('licence').where({ business_key: businessKey }).whereNot({ status: '撤销' }).update({ status: '撤销', revoked_on: on, revoked_reason: reason });
  return licenceForCase(db, businessKey);
}

export async function findLicence(db: Knex, licenceNumber: string): Promise<LicenceRecord | undefined> {
  return (await selectLicence(db).where({ licence_number: licenceNumber }).first()) as LicenceRecord | undefined;
}

export async function licenceForCase(db: Knex, businessKey: string): Promise<LicenceRecord | undefined> {
  return (await selectLicence(db).where({ business_key: businessKey }).first()) as LicenceRecord | undefined;
}

/** A licence with the code of its holder (not for broad answers: a natural person's code is an ID number). */
export interface HeldLicence extends LicenceRecord { holderCode: string | null }

function selectHeld(db: Knex) {
  return selectLicence(db).select({ holderCode: 'holder_code' });
}

export async function findHeldLicence(db: Knex, licenceNumber: string): Promise<HeldLicence | undefined> {
  return (await selectHeld(db).where({ licence_number: licenceNumber }).first()) as HeldLicence | undefined;
}

export async function heldLicenceForCase(db: Knex, businessKey: string): Promise<HeldLicence | undefined> {
  return (await selectHeld(db).where({ business_key: businessKey }).first()) as HeldLicence | undefined;
}

/** The holder's licences of that name valid on `today` (有效, not expired), newest first. */
export async function validLicencesOf(db: Knex, holderCode: string, resultName: string, today: string): Promise<HeldLicence[]> {
  return (await selectHeld(db).where({ holder_code: holderCode, result_name: resultName, status: '有效' })
    .where('valid_from', '<=', today).andWhere((q) => q.whereNull('valid_until').orWhere('valid_until', '>=', today))
    .orderBy('id', 'desc')) as HeldLicence[];
}
