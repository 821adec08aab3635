// The 双公示 record: built from the case, masked, and checked against the standard.
import { expect } from 'chai';
import { buildLicenceRecord, checkLicenceRecord } from '../../../lib/publication/licence-record.js';
import { readEntry } from '../../processes/items/scenarios.js';
import { VALID_ID_CARD } from '../../support/applications.js';

const food = readEntry('food-business-licence');
const licence = { licenceNumber: 'JY2026000001', content: '预包装食品销售', decidedOn: '2026-10-09', validFrom: '2026-10-09', validUntil: '2031-10-08', status: '有效' };

describe('#buildLicenceRecord', () => {
  it('should build a complete record for a company, masking the legal representative\'s ID number', () => {
    const record = buildLicenceRecord({ entry: food, licence, action: '准予', applicant: { name: '青城餐饮有限公司', category: '法人及非法人组织', creditCode: '91330100799655058B', legalRepresentative: { name: '张建国', idCardNumber: VALID_ID_CARD } } });
    expect(checkLicenceRecord(record)).to.deep.equal([]);
    expect(record).to.include({ holderCode: '91330100799655058B', legalRepresentative: '张建国', idNumber: '110***********002X', status: '有效', licenceCategory: '普通' });
    expect(JSON.stringify(record)).not.to.contain(VALID_ID_CARD);
  });

  it('should NOT let a natural person\'s ID number out, as holder code or ID number', () => {
    const record = buildLicenceRecord({ entry: food, licence, action: '准予', applicant: { name: '王建军', category: '自然人', idCardNumber: VALID_ID_CARD } });
    expect(record.holderCode).to.equal('110***********002X');
    expect(JSON.stringify(record)).not.to.contain(VALID_ID_CARD);
    expect(checkLicenceRecord(record)).to.deep.equal([]);
  });

  it('should name each field the standard requires and the record lacks', () => {
    const entry = { ...food, result: { ...food.result, licenceCategory: undefined } };
    const problems = checkLicenceRecord(buildLicenceRecord({ entry, licence, action: '准予', applicant: { category: '法人及非法人组织', creditCode: '91330100799655058B' } }));
    expect(problems.map((p) => p.field).sort()).to.deep.equal(['/holderName', '/licenceCategory']);
    expect(problems.map((p) => p.message)).to.include('缺少必填项「许可类别」');
  });
});
