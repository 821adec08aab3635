// The status rules of an item case (lib/cases/status.ts), without the engine: the facts are a
// plain map of process variables.
import { expect } from 'chai';
import { STATUS_RULES, statusOutcome, type StatusFacts } from '../../../lib/cases/status.js';

function facts(variables: Record<string, string | boolean>, today = '2026-11-30'): StatusFacts {
  return {
    text: (name) => (typeof variables[name] === 'string' && variables[name] !== '' ? variables[name] as string : undefined),
    required: (name) => {
      const value = variables[name];
      if (typeof value !== 'string' || value === '') throw new Error(`流程变量 ${name} 缺失或不是文本`);
      return value;
    },
    flag: (name) => variables[name] === true,
    today: () => today,
    stepKey: 'Activity_1:instance-1',
  };
}

describe('lib/cases/status', () => {
  describe('#statusOutcome', () => {
    it('should accept as of today, in the mode the window chose', () => {
      const outcome = statusOutcome('已受理', facts({ acceptedAs: 'deferral' }));
      expect(outcome.fields).to.deep.equal({ accepted_on: '2026-11-30' });
      expect(outcome.note).to.equal('容缺受理 (申请人已签署补正承诺)');
      expect(outcome.variables).to.include({ acceptanceOutcome: 'accepted', acceptedOn: '2026-11-30', acceptanceMode: 'deferral' });
      expect(outcome.document).to.be.a('function');
    });

    it('should accept a deemed case as of the day the materials were received (Art. 32)', () => {
      const outcome = statusOutcome('已受理', facts({ deemed: true, receivedOn: '2026-11-20' }));
      expect(outcome.fields).to.deep.equal({ accepted_on: '2026-11-20' });
      expect(outcome.variables).to.include({ acceptanceDeemed: true, acceptanceMode: 'standard' });
    });

    it('should date a 容缺勘验 gap check today, and put a gap not remedied in writing with its last period', () => {
      const gap = { gapDescription: '消毒设施待安装', gapDeadline: '2026-11-25', gapRemedied: '未整改', gapCheckNote: '仍未安装' };
      expect(statusOutcome('容缺缺项已核查', facts(gap)).variables).to.deep.equal({ gapCheckedOn: '2026-11-30' });
      const order = statusOutcome('容缺缺项限期整改', facts({ ...gap, gapRectificationDeadline: '2026-12-14' }));
      expect(order.note).to.equal('缺项「消毒设施待安装」未整改, 已发限期整改通知书: 最后整改期限 2026-12-14');
      expect(order.document).to.be.a('function');
      expect(() => statusOutcome('容缺缺项限期整改', facts(gap))).to.throw('gapRectificationDeadline');
      const recheck = statusOutcome('容缺缺项已复查', facts({ ...gap, gapRectificationDeadline: '2026-12-14', gapRecheckResult: '未整改', gapRecheckNote: '限期届满仍未安装' }));
      expect(recheck.note).to.equal('缺项「消毒设施待安装」(最后整改期限 2026-12-14) 复查: 未整改; 限期届满仍未安装');
    });

    it('should tell the applicant of a refusal once per step, with the reason', () => {
      const outcome = statusOutcome('不予受理', facts({ refusalReason: '不属于本机关职权范围', receiptNumber: 'SP20261130000001' }));
      expect(outcome.fields).to.deep.equal({ outcome: '不予受理' });
      expect(outcome.notice).to.deep.equal({ title: '不予受理通知书', body: '您的申请 (受理编号 SP20261130000001) 不予受理: 不属于本机关职权范围', dedupKey: 'not-accepted:Activity_1:instance-1' });
    });

    it('should record a grant and a denial with its reason', () => {
      expect(statusOutcome('已决定', facts({ decision: 'grant', decisionContent: '准予许可' }))).to.deep.include({ fields: { outcome: '准予' }, note: '准予许可' });
      expect(statusOutcome('已决定', facts({ decision: 'deny', decisionReason: '条件不符' })).variables).to.deep.equal({ decidedOn: '2026-11-30', decisionOutcome: '不予' });
    });

    it('should NOT record a decision that is neither grant nor deny', () => {
      expect(() => statusOutcome('已决定', facts({ decision: 'maybe' }))).to.throw('decision 应为 grant 或 deny');
    });

    it('should revoke the licence of a broken promise when there is one, and end the case otherwise', () => {
      expect(statusOutcome('未履行承诺, 办件终止', facts({ revokedLicenceNumber: 'L1' })).fields).to.deep.equal({ outcome: '撤销' });
      expect(statusOutcome('未履行承诺, 办件终止', facts({})).fields).to.deep.equal({ outcome: '终止' });
    });

    it('should NOT know a status no rule names, and say which it knows', () => {
      expect(() => statusOutcome('已作废', facts({}))).to.throw(/未知的办件状态 caseStatus=已作废; 可用: 已受理/);
    });

    it('should have a rule for every status the worker template offers', async () => {
      const { worker } = await import('../../../workers/cases/record-status.worker.js');
      for (const status of worker.template.inputs![0]!.choices!) expect(STATUS_RULES, status).to.have.property(status);
    });
  });
});
