import { expect } from 'chai';
import { checkCreditCode, completeCreditCode, checkIdCardNumber, maskIdCardNumber } from '../../../lib/validation/identifiers.js';

// Real, publicly listed 统一社会信用代码 (both check characters verified by hand).
const REAL_CREDIT_CODES = [
  '91330100799655058B', // 阿里巴巴 (中国) 有限公司
  '9144030071526726XG', // 深圳市腾讯计算机系统有限公司
  '914403001922038216', // 华为技术有限公司
  '91520000214434146R', // 贵州茅台酒股份有限公司
  '91110000802100433B', // 北京百度网讯科技有限公司
];

describe('#checkCreditCode', () => {
  for (const code of REAL_CREDIT_CODES) {
    it(`should accept the real code ${code}`, () => {
      expect(checkCreditCode(code)).to.deep.equal({ ok: true });
    });
  }

  it('should NOT accept a real code with its check character changed', () => {
    expect(checkCreditCode('91330100799655058C')).to.include({ ok: false, rule: 'check-digit' });
  });

  it('should NOT accept a code whose organisation code check fails', () => {
    // body changed and the final GB 32100 check recomputed, so only the GB 11714 check fails
    expect(checkCreditCode('913301007996550599')).to.include({ ok: false });
  });

  it('should NOT accept a code whose registration authority (first character) does not exist, even with correct check characters', () => {
    const zeros = completeCreditCode('0000000000000000');
    expect(checkCreditCode(zeros)).to.include({ ok: false, rule: 'registration-authority' });
    expect(checkCreditCode(completeCreditCode('B1150100MB1A0009'))).to.include({ rule: 'registration-authority' });
  });

  it('should NOT accept the letters I, O, Z, S, V or lower case', () => {
    expect(checkCreditCode('91330100799655058I')).to.include({ rule: 'charset' });
    expect(checkCreditCode('91330100799655058b')).to.include({ rule: 'charset' });
  });

  it('should NOT accept a wrong length', () => {
    expect(checkCreditCode('9133010079965505')).to.include({ rule: 'length' });
  });
});

describe('#checkIdCardNumber', () => {
  it('should accept the example of GB 11643-1999', () => {
    expect(checkIdCardNumber('11010519491231002X')).to.deep.equal({ ok: true });
    expect(checkIdCardNumber('11010519491231002x')).to.deep.equal({ ok: true });
  });

  it('should accept a 29 February in a leap year', () => {
    // 15010220000229001 → Σ mod 11 computed: check character
    const body = '15010220000229001';
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
    expect(checkIdCardNumber(body + '10X98765432'[sum % 11])).to.deep.equal({ ok: true });
  });

  it('should NOT accept a wrong check character', () => {
    expect(checkIdCardNumber('110105194912310021')).to.include({ ok: false, rule: 'check-digit' });
  });

  it('should NOT accept an impossible or future birth date', () => {
    expect(checkIdCardNumber('110105199902300021')).to.include({ rule: 'birth-date' });
    expect(checkIdCardNumber('110105210001010021')).to.include({ rule: 'birth-date' });
    expect(checkIdCardNumber('110105190002290021')).to.include({ rule: 'birth-date' }); // 1900 is no leap year
  });

  it('should NOT accept an unknown province or a wrong length', () => {
    expect(checkIdCardNumber('99010519491231002X')).to.include({ rule: 'region' });
    expect(checkIdCardNumber('11010519491231002')).to.include({ rule: 'length' });
  });
});

describe('#maskIdCardNumber', () => {
  it('should hide the region and the birth date', () => {
    expect(maskIdCardNumber('11010519491231002X')).to.equal('110***********002X');
  });
});
