// validation.bundle: the one acceptance of a 一件事: the bundle and every ticked item must be in
// the catalogue, the one form must be complete and consistent, and each item's application
// (cut from it) must pass its own checks. Every problem of the bundle is listed at once.
import { bundleMaterials, checkBundleApplication, type BundleApplication } from '../../lib/catalogue/bundle.js';
import { resolveLicensedMaterials } from '../../lib/catalogue/licensed-materials.js';
import { bundleApplicationFromStartForm, startedFromForm } from '../../lib/catalogue/start-form.js';
import { inForce, type CatalogueEntry } from '../../lib/catalogue/entry.js';
import { summariseProblems } from '../../lib/catalogue/application-check.js';
import { officeHoursOf, splitTimeLimit } from '../../lib/calendar/office-hours.js';
import { latestBundle } from '../../lib/repositories/bundles.js';
import { latestVersion } from '../../lib/repositories/catalogue.js';
import { BPMN_ERRORS, BpmnError } from '../../lib/process/bpmn-errors.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { jsonVariable, requireString, StringList } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.validateBundle,
  // all variables: a bundle started from the front desk's start form brings its one form's fields
  options: { lockDuration: 30_000 },
  template: { name: '一件事受理校验', description: '一件事一次受理: 所选事项都在清单内, 一张表单完整一致, 各事项申请逐一校验, 问题一次性列出', outputs: ['bundleValid', 'bundleProblems', 'bundleProblemSummary'] },
  async handler({ task, services }) {
    const bundleKey = requireString(task, 'bundleKey');
    const found = await latestBundle(services.db, bundleKey);
    if (!found || found.entry.status !== '在用') {
      const why = found ? `一件事「${found.entry.name}」当前状态为「${found.entry.status}」` : `一件事 ${bundleKey} 不在清单中`;
      throw new BpmnError(BPMN_ERRORS.itemNotInCatalogue, `${why} (清单之外无审批)`, { acceptanceOutcome: 'notInCatalogue', refusalReason: `${why}, 不予受理` });
    }
    const bundle = found.entry;
    const today = services.today(task);
    const items = new Map<string, CatalogueEntry>();
    for (const { itemKey } of bundle.items) {
      const version = await latestVersion(services.db, itemKey);
      if (version && inForce(version.entry, today)) items.set(itemKey, version.entry);
    }
    // 一窗受理: the desk's start form becomes the one application (一表申请) of the bundle
    const variable = (name: string): unknown => task.variables.get(name);
    const fromForm = variable('application') === undefined && startedFromForm(variable);
    const given = (fromForm ? bundleApplicationFromStartForm(bundle, items, variable) : jsonVariable<BundleApplication>(task, 'application')) as BundleApplication | null ?? null;
    // items ticked but not in the bundle: only their names, for the refusal
    for (const key of Array.isArray(given?.items) ? given.items : []) {
      if (typeof key === 'string' && !items.has(key)) {
        const version = await latestVersion(services.db, key);
        if (version) items.set(key, version.entry);
      }
    }
    // 免提交: licence-backed materials the applicant left out come from the licences they hold
    const tickedKeys = Array.isArray(given?.items) ? given.items.filter((key): key is string => typeof key === 'string') : [];
    const resolved = await resolveLicensedMaterials(services.db, bundleMaterials(items, tickedKeys), given, today);
    const application = resolved.application as BundleApplication | null;
    const { problems, ticked, applications } = checkBundleApplication(bundle, items, application, resolved.licences);
    const limit = splitTimeLimit(bundle.targetWorkingDays, officeHoursOf(services.deadlines));
    const stage = (key: string) => bundle.items.find((item) => item.itemKey === key)?.stage ?? 1;
    return {
      // the desk clerk who started the bundle handles its 一窗受理 / 一次性告知 (我的待办)
      ...(fromForm ? { deskClerk: variable('initiator') ?? null } : {}),
      ...(fromForm || application !== given ? { application } : {}),
      // the bundle is registered as a case of its own, like an item
      itemKey: bundle.key, itemVersion: found.version, itemName: bundle.name,
      applicantName: (application?.applicant as { name?: string } | undefined)?.name ?? '',
      bundleValid: problems.length === 0,
      bundleProblems: problems,
      bundleProblemSummary: summariseProblems(problems),
      // a target below one working day (0.5) runs in office hours from the moment of receipt
      bundleTargetWorkingDays: 'workingDays' in limit ? limit.workingDays : 0,
      bundleTargetWorkingHours: 'officeHours' in limit ? limit.officeHours : null,
      receivedAt: variable('receivedAt') ?? (variable('clockDate') ? null : new Date().toISOString()),
      bundleJointInspection: Boolean(bundle.jointInspection),
      jointInspectionGroups: new StringList(bundle.jointInspection?.groups ?? []),
      // 会签: how the departments' opinions become one, and how many there are
      jointInspectionRule: bundle.jointInspection?.rule ?? '全部同意',
      jointInspectionSize: bundle.jointInspection?.groups.length ?? 0,
      jointDecided: false,
      bundleFirstItems: new StringList(problems.length ? [] : ticked.filter((key) => stage(key) === 1)),
      bundleThenItems: new StringList(problems.length ? [] : ticked.filter((key) => stage(key) === 2)),
      bundleApplications: applications,
      deliveryMethod: (application?.delivery as { method?: string } | undefined)?.method ?? '窗口领取',
    };
  },
};
