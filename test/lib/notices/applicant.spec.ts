// A notice never carries a personal ID number out of shenpi, even when an edited template prints one.
import { expect } from 'chai';
import { withoutIdNumbers } from '../../../lib/notices/index.js';
import { VALID_CREDIT_CODE, VALID_ID_CARD } from '../../support/applications.js';

describe('applicant notices (lib/notices/applicant.ts)', () => {
  describe('#withoutIdNumbers', () => {
    it('should mask a valid 居民身份证号码 wherever it stands', () => {
      const masked = withoutIdNumbers(`【局】张三（${VALID_ID_CARD}）：您的申请已受理。`);
      expect(masked).not.to.contain(VALID_ID_CARD);
      expect(masked).to.contain(`${VALID_ID_CARD.slice(0, 3)}***********${VALID_ID_CARD.slice(-4)}`);
    });

    it('should NOT change a 统一社会信用代码, a receipt number or other digits', () => {
      const text = `【局】${VALID_CREDIT_CODE}：受理编号SP20261130000042，请于2026年12月3日前补正。`;
      expect(withoutIdNumbers(text)).to.equal(text);
    });
  });
});
