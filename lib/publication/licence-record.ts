// The 行政许可 record of 双公示, built from the case, the catalogue version and the licence, and
// checked against catalogue/schema/licence-publication.schema.json. A natural person's ID
// number never leaves unmasked: the holder's code and the legal representative's number are
// masked before the record is checked, stored or sent.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_DIR, type CatalogueEntry } from '../catalogue/entry.js';
import { createApplicationValidator, type ValidationProblem } from '../validation/application-validator.js';
import { maskIdCardNumber, maskPersonalCode } from '../validation/identifiers.js';

export type PublicationAction = '准予' | '变更' | '延续' | '注销' | '撤销';

export interface LicenceRecordInput {
  entry: CatalogueEntry;
  applicant: { name?: string; category?: string; creditCode?: string; idCardNumber?: string; legalRepresentative?: { name?: string; idCardNumber?: string } };
  licence: { licenceNumber: string; content: string; decidedOn: string; validFrom: string; validUntil: string | null; status: string };
  action: PublicationAction;
}

export type LicenceRecord = Record<string, string>;

const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'licence-publication.schema.json'), 'utf8')) as object;
const validator = createApplicationValidator();

const STATUS: Record<PublicationAction, string> = { 准予: '有效', 变更: '变更', 延续: '延续', 注销: '注销', 撤销: '撤销' };

export function buildLicenceRecord({ entry, applicant, licence, action }: LicenceRecordInput): LicenceRecord {
  const record: Record<string, string | undefined> = {
    holderName: applicant.name,
    holderCategory: applicant.category,
    holderCode: applicant.creditCode ?? (applicant.idCardNumber ? maskPersonalCode(applicant.idCardNumber) : undefined),
    legalRepresentative: applicant.legalRepresentative?.name,
    idType: applicant.legalRepresentative?.idCardNumber || applicant.idCardNumber ? '身份证' : undefined,
    idNumber: (applicant.legalRepresentative?.idCardNumber ?? applicant.idCardNumber) ? maskIdCardNumber((applicant.legalRepresentative?.idCardNumber ?? applicant.idCardNumber)!) : undefined,
    decisionDocumentName: `${entry.name}决定书`,
    decisionDocumentNumber: `${entry.implementingAuthority.name.slice(0, 4)}许〔${licence.decidedOn.slice(0, 4)}〕${licence.licenceNumber}号`,
    licenceCategory: entry.result.licenceCategory,
    licenceName: entry.result.name,
    licenceNumber: licence.licenceNumber,
    licenceContent: licence.content,
    decisionDate: licence.decidedOn,
    validFrom: licence.validFrom,
    validUntil: licence.validUntil ?? undefined,
    licensingAuthority: entry.implementingAuthority.name,
    licensingAuthorityCode: entry.implementingAuthority.creditCode,
    status: STATUS[action],
    dataSource: entry.implementingAuthority.name,
    dataSourceCode: entry.implementingAuthority.creditCode,
    remark: action === '准予' ? undefined : `${action} (原许可决定日期 ${licence.decidedOn})`,
  };
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== '')) as LicenceRecord;
}

/** Every field the standard requires and lacks, or holds wrongly. */
export function checkLicenceRecord(record: LicenceRecord): ValidationProblem[] {
  return validator.validate(schema, record);
}
