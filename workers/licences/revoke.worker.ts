// licence.revoke: a breached promise revokes a decision already taken (the licence's status
// becomes 撤销); without a licence there is nothing to revoke.
import { revocationDocument } from '../../lib/documents/index.js';
import { recordStatus } from '../../lib/repositories/cases.js';
import { revokeLicence } from '../../lib/repositories/licences.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { actContext, actOf } from '../runtime/act-context.js';
import { requireBusinessKey, requireString } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.revokeLicence,
  options: { lockDuration: 30_000, variables: ['revocationReason', 'clockDate'] },
  template: { name: '撤销证照', description: '违诺时撤销已作出的决定, 证照状态改为撤销', inputs: [{ name: 'revocationReason', label: '撤销理由', value: '' }], outputs: ['revokedLicenceNumber'] },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const reason = requireString(task, 'revocationReason');
    const licence = await revokeLicence(services.db, businessKey, services.today(task), reason);
    if (licence) {
      await recordStatus(services.db, { businessKey, status: '已撤销', activityId: task.activityId, activityInstanceId: task.activityInstanceId, note: `${licence.resultName} ${licence.licenceNumber}: ${reason}` });
    }
    // 撤销行政许可决定书: a document of its own; the decision and the licence issued before stay
    if (licence) await revocationDocument(await actContext(services), { ...actOf(task, services), reason });
    return { revokedLicenceNumber: licence?.licenceNumber ?? null };
  },
};
