// licence.issue: numbers the result document of a granted case once (电子证照) from the
// catalogue version the case started with; a redelivered task gets the same number back.
import { addCalendarDays } from '../../lib/calendar/work-calendar.js';
import { licenceDocument } from '../../lib/documents/index.js';
import { assignApplicantCode, recordStatus } from '../../lib/repositories/cases.js';
import { getVersion } from '../../lib/repositories/catalogue.js';
import { heldLicenceForCase, issueLicence } from '../../lib/repositories/licences.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { actContext, actOf } from '../runtime/act-context.js';
import { jsonVariable, optionalString, requireBusinessKey, requireInteger, requireString } from '../runtime/variables.js';

interface Applicant { name: string; category: string; creditCode?: string; idCardNumber?: string }

/** The day before the same date `years` later: valid 2026-10-12 … 2031-10-11. */
export function validUntil(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0); // 29 Feb → 28 Feb
  return addCalendarDays(end.toISOString().slice(0, 10), -1);
}

export const worker: WorkerDefinition = {
  topic: TOPICS.issueLicence,
  options: { lockDuration: 30_000, variables: ['itemKey', 'itemVersion', 'application', 'receiptNumber', 'decidedOn', 'decisionContent', 'jointConditions'] },
  template: { name: '制证 (电子证照)', description: '为准予的办件编证照号一次并保存电子证照 (持证人、有效期、状态)', outputs: ['licenceNumber', 'licenceValidFrom', 'licenceValidUntil'] },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const itemKey = requireString(task, 'itemKey');
    const itemVersion = requireInteger(task, 'itemVersion');
    const version = await getVersion(services.db, itemKey, itemVersion);
    if (!version) throw new Error(`事项 ${itemKey} 第 ${itemVersion} 版不存在`);
    const { entry } = version;
    const application = jsonVariable<{ applicant: Applicant }>(task, 'application');
    const applicant = application?.applicant;
    if (!applicant) throw new Error('流程变量 application 缺少申请人');
    const decidedOn = requireString(task, 'decidedOn');
    // 设立登记 of an enterprise that has no code yet (a natural person is held by his ID number)
    const newEnterprise = entry.result.assignsCreditCode === true && !applicant.creditCode && applicant.category !== '自然人';
    const receiptNumber = requireString(task, 'receiptNumber');
    const { licence, replayed } = await issueLicence(services.db, {
      businessKey, receiptNumber, itemKey, itemVersion,
      prefix: entry.result.numberPrefix ?? entry.code.replace(/[^0-9A-Z]/g, '').slice(0, 12),
      resultName: entry.result.name,
      holderName: applicant.name, holderCategory: applicant.category, holderCode: applicant.creditCode ?? applicant.idCardNumber ?? null,
      // 设立登记 of a new enterprise: its 统一社会信用代码 is assigned with the licence
      assignCreditCode: newEnterprise,
      // 联合踏勘 conditions are carried into the permit
      content: [optionalString(task, 'decisionContent') ?? entry.name, optionalString(task, 'jointConditions') ? `联合踏勘条件: ${optionalString(task, 'jointConditions')}` : undefined].filter(Boolean).join('; '),
      decidedOn, validFrom: decidedOn,
      validUntil: entry.result.validityYears ? validUntil(decidedOn, entry.result.validityYears) : null,
    });
    if (!replayed) {
      await recordStatus(services.db, { businessKey, status: '已制证', activityId: task.activityId, activityInstanceId: task.activityInstanceId, note: `${licence.resultName} ${licence.licenceNumber}` });
    }
    // the new enterprise is the holder from now on: publication and supervision name it by its code
    const assigned = newEnterprise ? (await heldLicenceForCase(services.db, businessKey))?.holderCode : undefined;
    if (assigned) await assignApplicantCode(services.db, businessKey, assigned);
    await licenceDocument(await actContext(services), actOf(task, services));
    return {
      licenceNumber: licence.licenceNumber, licenceValidFrom: licence.validFrom, licenceValidUntil: licence.validUntil,
      ...(assigned ? { application: { ...application, applicant: { ...applicant, creditCode: assigned } }, assignedCreditCode: assigned } : {}),
    };
  },
};
