// fileComplaint's checks and the hand-over worker without a 12345 platform, against the real
// database and engine.
import { expect } from 'chai';
import { fileComplaint, type ComplaintInput } from '../../../lib/complaints/index.js';
import { findComplaint } from '../../../lib/repositories/complaints.js';
import { createLogger } from '../../../lib/log.js';
import { InputError } from '../../../lib/validation/input-error.js';
import { createWorkerServices } from '../../../workers/runtime/services.js';
import { worker as handOver } from '../../../workers/complaints/hand-over.worker.js';
import { CaseDriver } from '../../support/cases.js';
import { useSystem } from '../../support/system.js';

const VALID: ComplaintInput = {
  channel: '窗口', complainant: { name: '王建军', phone: '0471-6661234' }, respondent: { name: '某区财政局' }, field: '政府采购',
  promise: '政府采购合同约定验收后 30 日内付款', facts: '2026 年 6 月验收合格, 至今未付款, 多次催要未果', receivedOn: '2026-10-09',
};

describe('政务失信投诉 (lib/complaints)', function () {
  this.timeout(60_000);

  describe('#fileComplaint', () => {
    it('should list every problem at once, in Chinese, and start nothing', async () => {
      const system = await useSystem();
      const input = { channel: '12345', complainant: { name: '王', phone: '12345', idCardNumber: '110105194912310021' }, respondent: { name: '某局', creditCode: '111501000000000000' }, field: '房屋买卖', promise: '承诺', facts: '太短' } as unknown as ComplaintInput;
      const error = await fileComplaint({ db: system.db, engine: system.admin, config: system.config }, input).catch((e: Error) => e);
      expect(error).to.be.instanceOf(InputError);
      expect((error as InputError).problems.map((p) => `${p.field}:${p.rule}`)).to.deep.equal([
        'externalId:requiredFor12345', 'complainant/name:length', 'complainant/phone:phone', 'complainant/idCardNumber:idCardNumber', 'respondent/creditCode:creditCode', 'field:enum', 'promise:length', 'facts:length',
      ]);
      expect((error as InputError).problems.find((p) => p.field === 'field')!.message).to.contain('投诉领域 field 应为 政府采购');
    });

    it('should record that nothing was pushed when no 12345 platform is configured', async () => {
      const system = await useSystem();
      const filed = await fileComplaint({ db: system.db, engine: system.admin, config: system.config }, VALID);
    await new CaseDriver(system.admin, 'integrity-complaint', filed.businessKey).task('PreliminaryReviewTask');
      const services = createWorkerServices(system.db, system.config.deadlines, { queryUrl: undefined, timeoutMs: 1000 }, { hotline12345: { configured: false } });
      const task = { businessKey: filed.businessKey, activityId: 'HandOverTask', activityInstanceId: `HandOverTask:${filed.businessKey}`, variables: { get: () => undefined } } as never;
      const log = createLogger({ component: 'test' });
      expect(await handOver.handler({ task, log, services })).to.deep.equal({ handOver: 'not-configured' });
      // redelivered: the same answer, one step
      expect(await handOver.handler({ task, log, services })).to.deep.equal({ handOver: 'not-configured' });
      expect((await findComplaint(system.db, filed.complaintNumber))!.handOver).to.contain('未配置 12345 平台');
      const steps = await system.db('integrity_complaint_event').where({ complaint_id: filed.complaintId }).select('status');
      expect(steps).to.deep.equal([{ status: '移交 12345' }]);
      expect(await system.db('outbox_message').where({ channel: 'hotline12345', dedup_key: filed.complaintNumber })).to.deep.equal([]);
      await system.admin.delete(`/process-instance/${filed.processInstanceId}`);
    });
  });
});
