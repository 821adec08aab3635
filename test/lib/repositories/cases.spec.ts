// The case, licence and alert writes that workers make are safe to repeat: external tasks are
// delivered at least once (conventions, item 8).
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { recordStatus, registerCase } from '../../../lib/repositories/cases.js';
import { issueLicence } from '../../../lib/repositories/licences.js';
import { raiseAlert } from '../../../lib/repositories/supervision.js';
import { useSystem } from '../../support/system.js';

const newCase = (businessKey: string) => ({
  businessKey, processInstanceId: 'pi', itemKey: 'food-business-licence', itemVersion: 1, itemName: '食品经营许可',
  applicantName: '测试公司', applicantCategory: '法人及非法人组织', applicantCode: '91330100799655058B', receivedOn: '2026-09-30',
});

describe('case repositories (idempotent writes)', function () {
  this.timeout(60_000);

  describe('#registerCase', () => {
    it('should give a redelivered registration the same receipt number', async () => {
      const { db } = await useSystem();
      const key = randomUUID();
      const [first, second] = await Promise.all([registerCase(db, newCase(key), 'RegisterCaseTask', `ai-${key}`), registerCase(db, newCase(key), 'RegisterCaseTask', `ai-${key}`)]);
      expect(second.receiptNumber).to.equal(first.receiptNumber);
      expect(first.receiptNumber).to.match(/^SP20260930\d{6}$/);
    });
  });

  describe('#recordStatus', () => {
    it('should record a status change once per activity instance', async () => {
      const { db } = await useSystem();
      const key = randomUUID();
      await registerCase(db, newCase(key), 'RegisterCaseTask', `ai-${key}`);
      const change = { businessKey: key, status: '已受理', activityId: 'RecordAcceptedTask', activityInstanceId: `accept-${key}`, fields: { accepted_on: '2026-09-30' } };
      expect(await recordStatus(db, change)).to.equal(true);
      expect(await recordStatus(db, change)).to.equal(false);
    });

    it('should NOT record a status for a case that was never registered', async () => {
      const { db } = await useSystem();
      const error = await recordStatus(db, { businessKey: 'never-registered', status: '已受理', activityId: 'x', activityInstanceId: 'y' }).catch((e: Error) => e);
      expect((error as Error).message).to.contain('未登记');
    });
  });

  describe('#issueLicence', () => {
    it('should number a case once, even when two deliveries race', async () => {
      const { db } = await useSystem();
      const key = randomUUID();
      const input = { businessKey: key, receiptNumber: 'SP1', itemKey: 'food-business-licence', itemVersion: 1, prefix: 'TESTJY', resultName: '食品经营许可证', holderName: '测试公司', holderCategory: '法人及非法人组织', holderCode: null, content: '预包装食品销售', decidedOn: '2026-10-09', validFrom: '2026-10-09', validUntil: '2031-10-08' };
      const [a, b] = await Promise.all([issueLicence(db, input), issueLicence(db, input)]);
      expect(a.licence.licenceNumber).to.equal(b.licence.licenceNumber);
      expect([a.replayed, b.replayed].sort()).to.deep.equal([false, true]);
      const other = await issueLicence(db, { ...input, businessKey: randomUUID() });
      expect(Number(other.licence.licenceNumber.slice(-6))).to.equal(Number(a.licence.licenceNumber.slice(-6)) + 1);
    });
  });

  describe('#raiseAlert', () => {
    it('should write an alert and its notifications (a red card: the section and the leaders) once per firing timer', async () => {
      const { db } = await useSystem();
      const alert = { businessKey: randomUUID(), receiptNumber: null, level: 'red' as const, activityId: 'ReviewTask', activityName: '审查', responsibleGroup: 'marketReview', deadline: '2026-10-10', message: '红牌警告', timerActivityInstanceId: randomUUID() };
      expect(await raiseAlert(db, alert)).to.equal(true);
      expect(await raiseAlert(db, alert)).to.equal(false);
      expect((await db('notification').where({ business_key: alert.businessKey }).orderBy('id').select('recipient')).map((row) => row.recipient)).to.deep.equal(['marketReview', 'leaders']);
    });
  });
});
