// case.register: registers the case (办件) once and gives it its receipt number (受理编号).
// The date the materials were received starts the 5-day notice period of Art. 32. An online
// application comes with the receipt number the platform API reserved and already answered with.
import { addCaseNote, registerCase } from '../../lib/repositories/cases.js';
import { creditCodeOverrideOf, START_FORM } from '../../lib/catalogue/start-form.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { jsonVariable, optionalString, requireBusinessKey, requireInteger, requireString } from '../runtime/variables.js';
import { parseIsoDate } from '../../lib/calendar/work-calendar.js';

interface Applicant { name?: string; category?: string; creditCode?: string; idCardNumber?: string; phone?: string }

export const worker: WorkerDefinition = {
  topic: TOPICS.registerCase,
  options: { lockDuration: 30_000, variables: ['itemKey', 'itemVersion', 'itemName', 'application', 'receivedOn', 'reservedReceiptNumber', 'clockDate', 'initiator', START_FORM.creditCode, START_FORM.creditCodeOverride, START_FORM.creditCodeOverrideReason] },
  template: { name: '登记收件', description: '登记办件一次并编受理编号 (SP日期序号), 收件日期起算 5 个工作日告知期', outputs: ['receiptNumber', 'receivedOn'] },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const receivedOn = optionalString(task, 'receivedOn') ?? services.today(task);
    parseIsoDate(receivedOn, '流程变量 receivedOn');
    const applicant = jsonVariable<{ applicant?: Applicant }>(task, 'application')?.applicant ?? {};
    const record = await registerCase(services.db, {
      businessKey,
      processInstanceId: task.processInstanceId,
      itemKey: requireString(task, 'itemKey'),
      itemVersion: requireInteger(task, 'itemVersion'),
      itemName: requireString(task, 'itemName'),
      applicantName: applicant.name ?? '(未填写)',
      applicantCategory: applicant.category ?? '(未填写)',
      applicantCode: applicant.creditCode ?? applicant.idCardNumber ?? null,
      applicantPhone: applicant.phone ?? null,
      receivedOn,
      receiptNumber: optionalString(task, 'reservedReceiptNumber'),
    }, task.activityId, task.activityInstanceId);
    const override = creditCodeOverrideOf((name) => task.variables.get(name));
    if (override) {
      // 试点期代码: the clerk's waiver of the check digit stays in the case's record, with its reason
      await addCaseNote(services.db, {
        businessKey, kind: '人工核准', activityId: task.activityId, eventKey: `credit-code-override:${task.processInstanceId}`,
        note: `统一社会信用代码 ${String(task.variables.get(START_FORM.creditCode) ?? '')} 校验位不符 (试点期代码), 由 ${String(task.variables.get('initiator') ?? '窗口')} 人工核准: ${override}`,
        detail: { creditCode: task.variables.get(START_FORM.creditCode), reason: override, by: task.variables.get('initiator') ?? null },
      });
    }
    // the case record (办件轨迹) one click away from every task of the case
    return { receiptNumber: record.receiptNumber, receivedOn, caseRecordUrl: `${services.webUrl}/cases/${encodeURIComponent(record.receiptNumber)}` };
  },
};
