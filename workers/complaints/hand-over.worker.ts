// complaint.hand-over: a complaint accepted at the 诚信建设投诉窗口 goes to the 12345 platform
// (数据推送), queued in the outbox with the step so a redelivered task never pushes twice. Without
// SHENPI_12345_URL nothing is pushed and the case says so; a complaint that came from 12345 is
// there already.
import { HOTLINE_CHANNEL } from '../../lib/complaints/rules.js';
import { findComplaintByBusinessKey, recordComplaintStep } from '../../lib/repositories/complaints.js';
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { requireBusinessKey } from '../runtime/variables.js';

export const worker: WorkerDefinition = {
  topic: TOPICS.handOverComplaint,
  options: { lockDuration: 30_000, variables: ['clockDate'] },
  template: { name: '移交 12345 平台', description: '窗口受理的政务失信投诉经发件箱推送 12345 平台 (每个办件只推送一次); 未配置 SHENPI_12345_URL 时记录未推送', outputs: ['handOver'] },
  async handler({ task, services }) {
    const businessKey = requireBusinessKey(task);
    const complaint = await findComplaintByBusinessKey(services.db, businessKey);
    if (!complaint) throw new Error(`投诉 ${businessKey} 不存在`);
    const base = { businessKey, status: '移交 12345', activityInstanceId: task.activityInstanceId };
    if (complaint.channel === '12345') {
      const note = `来自 12345 平台 (工单 ${complaint.externalId ?? ''}), 无需移交`;
      await recordComplaintStep(services.db, { ...base, note, fields: { hand_over: note } });
      return { handOver: 'from-12345' };
    }
    if (!services.hotline12345.configured) {
      const note = '未配置 12345 平台 (SHENPI_12345_URL), 未推送: 请线下移交';
      await recordComplaintStep(services.db, { ...base, note, fields: { hand_over: note } });
      return { handOver: 'not-configured' };
    }
    const note = '已推送 12345 平台';
    await recordComplaintStep(services.db, {
      ...base, note, fields: { hand_over: note },
      outbox: {
        channel: HOTLINE_CHANNEL, dedupKey: complaint.complaintNumber,
        payload: {
          complaintNumber: complaint.complaintNumber, category: '政府违约失信', field: complaint.field, receivedOn: complaint.receivedOn, handedOverOn: services.today(task),
          complainant: complaint.complainant, respondent: { name: complaint.respondentName, creditCode: complaint.respondentCode },
          promise: complaint.promise, facts: complaint.facts, request: complaint.request, evidence: complaint.evidence ?? [],
        },
      },
    });
    return { handOver: 'pushed' };
  },
};
