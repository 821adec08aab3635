// 免提交: "不得要求申请人重复提交". A material the catalogue lets an electronic licence stand for
// (`electronicLicence`, e.g. 营业执照) is not demanded of an applicant who already holds such a
// licence, valid, in shenpi: the case refers to that licence instead. A licence number the
// applicant names is checked here (exists, is of that kind, held by the applicant, valid today);
// checkApplication refuses any number this module has not verified, so no path can skip it.
import type { Knex } from 'knex';
import { findHeldLicence, validLicencesOf, type HeldLicence } from '../repositories/licences.js';
import type { CatalogueMaterial } from './entry.js';

/** Licence numbers an application refers to: null when verified, else why it cannot stand for the material. */
export type LicenceVerdicts = ReadonlyMap<string, string | null>;

interface Material { code?: unknown; form?: unknown; copies?: unknown; licenceNumber?: unknown }
interface Application { applicant?: { creditCode?: unknown; idCardNumber?: unknown }; materials?: unknown }

export function holderCodeOf(application: unknown): string | null {
  const applicant = (application as Application | null)?.applicant;
  const code = applicant?.creditCode ?? applicant?.idCardNumber;
  return typeof code === 'string' && code !== '' ? code : null;
}

function verdictOn(licence: HeldLicence | undefined, number: string, wanted: string, holder: string | null, today: string): string | null {
  if (!licence) return `电子证照「${number}」在本系统中不存在`;
  if (licence.resultName !== wanted) return `电子证照「${number}」是「${licence.resultName}」, 不能代替「${wanted}」`;
  if (!holder || licence.holderCode !== holder) return `电子证照「${number}」的持证人不是本申请人`;
  if (licence.status !== '有效') return `电子证照「${number}」状态为「${licence.status}」`;
  if (licence.validFrom > today || (licence.validUntil !== null && licence.validUntil < today)) return `电子证照「${number}」不在有效期内`;
  return null;
}

/**
 * The application with every licence-backed material the applicant left out filled in from the
 * licences they hold (免提交), and the verdict on every licence number it refers to. `materials`:
 * the item's, or those of a bundle's ticked items.
 */
export async function resolveLicensedMaterials(db: Knex, materials: CatalogueMaterial[], application: unknown, today: string): Promise<{ application: unknown; licences: LicenceVerdicts }> {
  const licences = new Map<string, string | null>();
  if (application === null || typeof application !== 'object' || Array.isArray(application)) return { application, licences };
  const submitted = Array.isArray((application as Application).materials) ? ((application as Application).materials as Material[]) : null;
  if (!submitted) return { application, licences };
  const holder = holderCodeOf(application);
  for (const material of submitted) {
    if (typeof material?.licenceNumber !== 'string') continue;
    const wanted = materials.find((m) => m.code === material.code)?.electronicLicence;
    licences.set(material.licenceNumber, wanted
      ? verdictOn(await findHeldLicence(db, material.licenceNumber), material.licenceNumber, wanted, holder, today)
      : `材料「${String(material.code)}」不能以电子证照代替`);
  }
  const added: Material[] = [];
  if (holder) {
    for (const required of materials) {
      if (!required.electronicLicence || submitted.some((m) => m?.code === required.code)) continue;
      const [held] = await validLicencesOf(db, holder, required.electronicLicence, today);
      if (!held) continue;
      added.push({ code: required.code, form: required.form, copies: required.copies, licenceNumber: held.licenceNumber });
      licences.set(held.licenceNumber, null);
    }
  }
  return { application: added.length ? { ...application, materials: [...submitted, ...added] } : application, licences };
}
