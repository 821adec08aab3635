// bundle.adopt-results: between the two stages of a 一件事, what the first items issued becomes
// part of the later items' applications: the 统一社会信用代码 设立登记 assigned to the new
// enterprise, and the licence (营业执照) in place of each material it stands for. A later item
// whose material an earlier item did not issue (refused) cannot be done and is left out, said why.
import { bundleItemBusinessKey } from '../../lib/cases/identity.js';
import { latestVersion } from '../../lib/repositories/catalogue.js';
import { assignApplicantCode } from '../../lib/repositories/cases.js';
import { heldLicenceForCase, type HeldLicence } from '../../lib/repositories/licences.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { jsonVariable, requireBusinessKey, StringList } from '../runtime/variables.js';

type ItemApplication = { applicant?: { creditCode?: string }; materials?: Array<{ code: string; form: string; copies: number; licenceNumber?: string }> };

const keysOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : []);

export const worker: WorkerDefinition = {
  topic: TOPICS.adoptBundleResults,
  options: { lockDuration: 30_000, variables: ['bundleApplications', 'bundleFirstItems', 'bundleThenItems'] },
  template: { name: '接收先办事项结果', description: '先办事项颁发的证照 (如营业执照) 和赋予的统一社会信用代码写入后办事项的申请, 申请人不重复提交', outputs: ['bundleApplications', 'bundleThenItems', 'bundleSkippedItems'] },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const applications = jsonVariable<Record<string, ItemApplication>>(task, 'bundleApplications') ?? {};
    // what each first item issued, by result name; null when it issued nothing (not granted)
    const issued = new Map<string, { licence: HeldLicence | null; itemName: string; assignsCode: boolean }>();
    for (const key of keysOf(jsonVariable(task, 'bundleFirstItems'))) {
      const entry = (await latestVersion(services.db, key))?.entry;
      if (!entry) continue;
      const licence = (await heldLicenceForCase(services.db, bundleItemBusinessKey(businessKey, key))) ?? null;
      issued.set(entry.result.name, { licence: licence?.status === '有效' ? licence : null, itemName: entry.name, assignsCode: entry.result.assignsCreditCode === true });
    }
    const assigned = [...issued.values()].find((i) => i.assignsCode && i.licence?.holderCode)?.licence?.holderCode ?? null;
    if (assigned) await assignApplicantCode(services.db, businessKey, assigned);
    const then: string[] = [];
    const skipped: Array<{ itemKey: string; itemName: string; reason: string }> = [];
    for (const key of keysOf(jsonVariable(task, 'bundleThenItems'))) {
      const entry = (await latestVersion(services.db, key))?.entry;
      const application = applications[key] ?? {};
      const materials = [...(application.materials ?? [])];
      let missing: string | null = null;
      for (const material of entry?.materials ?? []) {
        const source = material.electronicLicence ? issued.get(material.electronicLicence) : undefined;
        if (!source) continue;
        // what the earlier item was to issue does not exist: no copy handed in can stand for it
        if (!source.licence) missing = `${source.itemName}未获准, 没有「${material.electronicLicence}」`;
        else if (!materials.some((m) => m.code === material.code)) materials.push({ code: material.code, form: material.form, copies: material.copies, licenceNumber: source.licence.licenceNumber });
      }
      if (missing) {
        skipped.push({ itemKey: key, itemName: entry?.name ?? key, reason: missing });
        continue;
      }
      applications[key] = { ...application, applicant: { ...application.applicant, ...(assigned && !application.applicant?.creditCode ? { creditCode: assigned } : {}) }, materials };
      then.push(key);
    }
    return { bundleApplications: applications, bundleThenItems: new StringList(then), bundleSkippedItems: skipped };
  },
};
