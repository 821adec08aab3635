// Drives a 一件事 on the real engine: one application, one acceptance, the joint inspection,
// then every task of every item case as the clerks of its department would, until the bundle's
// one delivery.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../lib/config.js';
import type { BundleEntry } from '../../../lib/catalogue/bundle.js';
import { CaseDriver, MEMBER } from '../../support/cases.js';
import { VALID_CREDIT_CODE, VALID_ID_CARD, sampleValue } from '../../support/applications.js';
import { readEntry } from '../items/scenarios.js';
import { useSystem } from '../../support/system.js';

export function readBundle(key: string): BundleEntry {
  return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'catalogue', 'bundles', `${key}.json`), 'utf8')) as BundleEntry;
}

/** One form for the ticked items, and one set of materials (each code once). */
export function bundleApplication(bundle: BundleEntry, ticked: string[], creditCode = VALID_CREDIT_CODE): Record<string, unknown> {
  const details = sampleValue(bundle.form as never) as Record<string, unknown>;
  const materials = new Map<string, { code: string; form: string; copies: number }>();
  for (const key of ticked) {
    for (const material of readEntry(key).materials) {
      if (material.required && !materials.has(material.code)) materials.set(material.code, { code: material.code, form: material.form, copies: material.copies });
    }
  }
  return {
    applicant: { category: '法人及非法人组织', name: '呼和浩特市青城餐饮管理有限公司', creditCode, legalRepresentative: { name: '张建国', idCardNumber: VALID_ID_CARD }, phone: '13904710000' },
    details, items: ticked, materials: [...materials.values()], delivery: { method: '窗口领取' },
  };
}

export async function startBundle(key: string, application: Record<string, unknown>): Promise<CaseDriver> {
  const system = await useSystem();
  return new CaseDriver(system.admin, key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application });
}

/** Works every open task of an item case until it ends; `deny` decides against it. */
export async function workItem(item: CaseDriver, deny = false): Promise<void> {
  const started = Date.now();
  for (;;) {
    const instances = await item.instances();
    if (instances.length > 0) {
      const system = await useSystem();
      const root = await system.admin.get<Array<{ id: string; state: string; superProcessInstanceId: string | null }>>(`/history/process-instance?processInstanceBusinessKey=${encodeURIComponent(item.businessKey)}&processDefinitionKey=${item.itemKey}`);
      if (root[0] && root[0].state !== 'ACTIVE') return;
    }
    for (const task of await item.openTasks()) {
      const variables: Record<string, Record<string, unknown>> = {
        ReviewTask: { reviewOpinion: '符合条件', reviewAction: 'submit' },
        SiteInspectionTask: { siteInspectionResult: '合格', siteInspectionOpinion: '一致' },
        LegalReviewTask: { legalReviewOpinion: '同意', legalReviewComment: '合法' },
        DecisionTask: deny ? { decision: 'deny', decisionReason: '经审查不符合法定条件' } : { decision: 'grant', decisionContent: '准予' },
        // a single item (not in a bundle) hands out its own result
        HandOverTask: { receivedBy: '张建国' },
      };
      const given = variables[task.taskDefinitionKey];
      expect(given, `unexpected task ${task.taskDefinitionKey} in ${item.itemKey}`).to.not.equal(undefined);
      await item.completeTask(task, given!);
    }
    if (Date.now() - started > 60_000) throw new Error(`item ${item.itemKey} did not end`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export { MEMBER };
