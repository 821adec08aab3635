// validation.application: finds the item in the catalogue (清单之外无审批), checks the
// application against that version and reports every problem at once (一次性告知). The
// catalogue version is pinned on the case: a resubmission is checked against the same one.
import { inForce } from '../../lib/catalogue/entry.js';
import { checkApplication, classify, summariseProblems } from '../../lib/catalogue/application-check.js';
import { resolveLicensedMaterials } from '../../lib/catalogue/licensed-materials.js';
import { applicationFromStartForm, creditCodeOverrideOf, startedFromForm } from '../../lib/catalogue/start-form.js';
import { getVersion, latestVersion } from '../../lib/repositories/catalogue.js';
import { BPMN_ERRORS, BpmnError } from '../../lib/process/bpmn-errors.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { jsonVariable, requireString } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.validateApplication,
  // all variables: a case started from the front desk's start form brings the item's own fields
  options: { lockDuration: 30_000 },
  template: { name: '申请校验 (清单与一次性告知)', description: '按事项清单校验申请, 清单之外无审批 (BPMN 错误 ITEM_NOT_IN_CATALOGUE), 一次性列出全部问题', outputs: ['acceptancePath', 'pendingMaterials', 'promiseKind', 'decisionWorkingDays', 'itemVersion', 'siteInspection', 'majorDecision', 'reviewerMayDecide'] },
  async handler({ task, services }) {
    const itemKey = requireString(task, 'itemKey');
    const pinned = task.variables.get('itemVersion');
    const found = typeof pinned === 'number' ? await getVersion(services.db, itemKey, pinned) : await latestVersion(services.db, itemKey);
    const today = services.today(task);
    const variable = (name: string): unknown => task.variables.get(name);
    // (a call activity hands `application` in as null when the case has none yet)
    const fromForm = variable('application') == null && startedFromForm(variable);
    if (!found || (typeof pinned !== 'number' && !inForce(found.entry, today))) {
      const why = found ? `事项「${found.entry.name}」当前状态为「${found.entry.status}」, 不在实施中` : `事项 ${itemKey} 不在事项清单中`;
      throw new BpmnError(BPMN_ERRORS.itemNotInCatalogue, `${why} (清单之外无审批)`, {
        acceptanceOutcome: 'notInCatalogue',
        refusalReason: `${why}, 不予受理 (清单之外无审批)`,
        // an item of the catalogue not in force: the case is registered and refused in writing (receipt, notice)
        ...(found ? { itemVersion: found.version, itemName: found.entry.name, ...(fromForm ? { application: applicationFromStartForm(found.entry, variable) } : {}) } : {}),
      });
    }
    const { entry, version } = found;
    type Application = { applicant?: { name?: string }; delivery?: { method?: string }; commitment?: { inspection?: string } };
    // 一窗受理: the desk's start form is turned into the application once; a resubmission brings its own
    const given = (fromForm ? applicationFromStartForm(entry, variable) : jsonVariable<Application>(task, 'application')) as Application | null ?? null;
    // 免提交: licence-backed materials the applicant left out come from the licences they hold
    const resolved = await resolveLicensedMaterials(services.db, entry.materials, given, today);
    const application = resolved.application as Application | null;
    // 试点期代码: only the desk's start form may waive a credit code's check digit, with its reason on record
    const problems = checkApplication(entry, application, { licences: resolved.licences, creditCodeOverride: fromForm ? creditCodeOverrideOf(variable) : undefined });
    const { path, pending } = classify(entry, application, problems);
    return {
      acceptancePath: path,
      pendingMaterials: pending,
      promiseKind: path === 'commitment' ? '告知承诺' : path === 'deferral' ? '容缺' : null,
      decisionWorkingDays: entry.promisedTimeLimit,
      // the proofs still to come under 告知承诺 (none for a pure credit promise)
      commitmentPending: path === 'commitment' && pending.length > 0,
      inspectionMode: path === 'commitment' && application?.commitment?.inspection ? application.commitment.inspection : '现场勘验',
      itemVersion: version,
      itemName: entry.name,
      itemCode: entry.code,
      itemType: entry.type,
      processingType: entry.processingType,
      promisedTimeLimit: entry.promisedTimeLimit,
      legalTimeLimit: entry.legalTimeLimit,
      siteInspection: entry.siteInspection,
      majorDecision: entry.majorDecision,
      reviewerMayDecide: entry.reviewerMayDecide === true,
      reviewGroup: entry.reviewGroup,
      resultName: entry.result.name,
      applicantName: application?.applicant?.name ?? '',
      deliveryMethod: application?.delivery?.method ?? '窗口领取',
      applicationValid: problems.length === 0,
      applicationProblems: problems,
      applicationProblemCount: problems.length,
      applicationProblemSummary: summariseProblems(problems),
      // the desk clerk who started the case handles its 受理 / 一次性告知 (我的待办)
      ...(fromForm ? { deskClerk: variable('initiator') ?? null } : {}),
      ...(fromForm || application !== given ? { application } : {}),
    };
  },
};
