// publication.licence: 双公示 of a licence decision (input publicationAction: 准予 by default,
// 撤销 after a breached promise …). The record is built, masked and checked against the standard;
// a missing field stops here (an incident naming the field, the case flagged) and nothing is
// published. The ledger and the platform message are written together, once per version.
import { buildLicenceRecord, checkLicenceRecord, type PublicationAction } from '../../lib/publication/licence-record.js';
import { getVersion } from '../../lib/repositories/catalogue.js';
import { recordStatus } from '../../lib/repositories/cases.js';
import { licenceForCase } from '../../lib/repositories/licences.js';
import { publish } from '../../lib/repositories/publication.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { jsonVariable, optionalString, requireBusinessKey } from '../runtime/variables.js';
import { Permanent } from '../../lib/errors.js';

const ACTIONS: PublicationAction[] = ['准予', '变更', '延续', '注销', '撤销'];

export class IncompletePublicationError extends Error {
  readonly permanent = true;
}

export const worker: WorkerDefinition = {
  topic: TOPICS.publishLicence,
  options: { lockDuration: 30_000, variables: ['publicationAction', 'application'] },
  template: { name: '双公示推送', description: '行政许可决定当日双公示: 生成并脱敏公示数据, 按标准校验, 写入台账并推送信用平台 (每个版本一次)', inputs: [{ name: 'publicationAction', label: '公示行为', value: '准予', choices: ['准予', '变更', '延续', '注销', '撤销'] }], outputs: ['publicationVersion'] },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const action = (optionalString(task, 'publicationAction') ?? '准予') as PublicationAction;
    if (!ACTIONS.includes(action)) throw new IncompletePublicationError(`流程变量 publicationAction 应为 ${ACTIONS.join('、')} 之一, 实际为 ${action}`);
    const licence = await licenceForCase(services.db, businessKey);
    if (!licence) return {}; // nothing was granted: nothing to publish
    const found = await getVersion(services.db, licence.itemKey, licence.itemVersion);
    if (!found) throw new Error(`事项 ${licence.itemKey} 第 ${licence.itemVersion} 版不存在`);
    if (!found.entry.published) return { publicationVersion: null };
    const applicant = jsonVariable<{ applicant?: Parameters<typeof buildLicenceRecord>[0]['applicant'] }>(task, 'application')?.applicant ?? {};
    const record = buildLicenceRecord({ entry: found.entry, applicant, licence, action });
    const problems = checkLicenceRecord(record);
    if (problems.length) {
      const fields = problems.map((problem) => problem.message).join('; ');
      await recordStatus(services.db, { businessKey, status: '双公示数据不全', activityId: task.activityId, activityInstanceId: task.activityInstanceId, note: fields });
      throw new IncompletePublicationError(`双公示数据不全, 未公示: ${fields}。请在事项清单中补全后, 在 Cockpit 中重试`);
    }
    const { version } = await publish(services.db, { licenceNumber: licence.licenceNumber, businessKey, itemKey: licence.itemKey, action, record, decisionDate: licence.decidedOn });
    return { publicationVersion: version };
  },
};
