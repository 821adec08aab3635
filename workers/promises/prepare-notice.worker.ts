// promise.prepare-notice: the written notice the applicant signs before 容缺 or 告知承诺
// acceptance: each material (名称, 形式, 份数), the deadline (容缺: never beyond the promised
// time limit), and the consequences of not keeping the promise.
import { supplementWorkingDays } from '../../lib/catalogue/entry.js';
import { computeDeadline } from '../../lib/calendar/deadlines.js';
import { promiseDocument } from '../../lib/documents/index.js';
import { reminderAt } from '../../lib/notices/index.js';
import { getVersion } from '../../lib/repositories/catalogue.js';
import { TOPICS } from '../topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { actContext, actOf } from '../runtime/act-context.js';
import { jsonVariable, optionalString, requireInteger, requireString } from '../runtime/variables.js';
import { deadlineVariables } from '../deadlines/deadline-variables.js';

interface Pending { code: string; name: string; form: string; copies: number }

export const worker: WorkerDefinition = {
  topic: TOPICS.preparePromiseNotice,
  options: { lockDuration: 30_000, variables: ['itemKey', 'itemVersion', 'acceptancePath', 'pendingMaterials', 'inspectionMode', 'clockDate'] },
  template: { name: '生成承诺告知书', description: '容缺或告知承诺受理前申请人签署的告知书: 材料、形式、份数、期限和违诺后果', outputs: ['promiseNotice', 'promiseDeadline', 'promiseDueAt', 'promiseReminderAt', 'decisionWorkingDays'] },
  async handler({ task, services }) {
    const found = await getVersion(services.db, requireString(task, 'itemKey'), requireInteger(task, 'itemVersion'));
    if (!found) throw new Error(`事项 ${String(task.variables.get('itemKey'))} 第 ${String(task.variables.get('itemVersion'))} 版不存在`);
    const { entry } = found;
    const path = requireString(task, 'acceptancePath');
    const pending = jsonVariable<Pending[]>(task, 'pendingMaterials') ?? [];
    const today = services.today(task);
    const calendar = await services.calendar();
    const list = pending.map((m, i) => `${i + 1}. ${m.name} (${m.form} ${m.copies} 份)`).join('\n');
    // the 承诺书 the applicant signs, as a numbered PDF (lib/documents)
    const sign = (signed: { path: 'deferral' | 'commitment'; deadline: string; workingDays: number }) => actContext(services).then((documents) => promiseDocument(documents, {
      ...actOf(task, services), ...signed, materials: pending.map((m, i) => `${i + 1}. ${m.name}（${m.form}${m.copies}份）`), inspectionMode: optionalString(task, 'inspectionMode'),
    }));
    if (path === 'deferral') {
      const days = supplementWorkingDays(entry);
      const deadline = computeDeadline(calendar, today, days, services.deadlines);
      await sign({ path: 'deferral', deadline: deadline.deadline, workingDays: days });
      return {
        ...deadlineVariables('promise', deadline),
        promiseReminderAt: reminderAt(calendar, deadline.deadline, today, services.deadlines),
        promiseNotice: `容缺受理告知书\n事项: ${entry.name}\n容缺材料:\n${list}\n补正期限: ${deadline.deadline} 前 (${days} 个工作日, 不超过承诺办结时限)\n`
          + '后果: 逾期未补正的, 终止办理; 已作出许可决定的, 依法撤销, 并记入不良信用记录、推送信用平台。\n申请人签字确认后受理。',
      };
    }
    if (path === 'commitment' && entry.commitment) {
      const deadline = computeDeadline(calendar, today, entry.commitment.periodWorkingDays, services.deadlines);
      const notice = entry.commitment.noticeWorkingDays;
      await sign({ path: 'commitment', deadline: deadline.deadline, workingDays: entry.commitment.periodWorkingDays });
      return {
        ...deadlineVariables('promise', deadline),
        promiseReminderAt: reminderAt(calendar, deadline.deadline, today, services.deadlines),
        // 拿地即开工: on a promise the permit is due within noticeWorkingDays
        decisionWorkingDays: notice === undefined ? entry.promisedTimeLimit : Math.min(entry.promisedTimeLimit, notice),
        promiseNotice: `告知承诺书\n事项: ${entry.name}\n承诺内容: ${entry.commitment.content}\n`
          + (pending.length ? `承诺后补交的证明材料:\n${list}\n履行期限: ${deadline.deadline} 前 (${entry.commitment.periodWorkingDays} 个工作日)\n` : `信用承诺, 勘验方式: ${String(task.variables.get('inspectionMode') ?? '')}\n`)
          + `违诺责任: ${entry.commitment.liability}${notice !== undefined ? `\n承诺后 ${notice} 个工作日内发证 (拿地即开工)。` : ''}\n申请人签署承诺书后受理。`,
      };
    }
    throw new Error(`acceptancePath=${path}: 只有容缺 (deferral) 或告知承诺 (commitment) 需要告知书`);
  },
};
