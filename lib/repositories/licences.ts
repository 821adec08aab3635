// 电子证照: one result document per granted case, its number drawn once from the counter of
// its prefix and year.
import type { Knex } from 'knex';
import { runOnce } from './side-effects.js';

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
    await trx('licence').insert({
      licence_number: licenceNumber, business_key: input.businessKey, receipt_number: input.receiptNumber, item_key: input.itemKey,
      item_version: input.itemVersion, result_name: input.resultName, holder_name: input.holderName, holder_category: input.holderCategory,
      holder_code: input.holderCode, content: input.content, decided_on: input.decidedOn, valid_from: input.validFrom, valid_until: input.validUntil, status: '有效',
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
