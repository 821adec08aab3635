import { expect } from 'chai';
import fs from 'node:fs';
import { createApplicationValidator } from '../../../lib/validation/application-validator.js';
import valid from './fixtures/valid-food-business.json' with { type: 'json' };
import deficient from './fixtures/deficient-food-business.json' with { type: 'json' };

const schema = JSON.parse(fs.readFileSync(new URL('./fixtures/food-business.schema.json', import.meta.url), 'utf8')) as object;

describe('#validate', () => {
  const validator = createApplicationValidator();

  it('should find no problem in a complete application', () => {
    expect(validator.validate(schema, valid)).to.deep.equal([]);
  });

  it('should report every problem at once, each with field, rule and Chinese message', () => {
    const problems = validator.validate(schema, deficient);
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.rule]));
    expect(byField).to.deep.include({
      '/applicant/creditCode': 'format:uscc:check-digit',
      '/applicant/legalRepresentative/idCardNumber': 'format:cn-id-card:birth-date',
      '/applicant/phone': 'pattern',
      '/premisesAddress': 'minLength',
      '/businessItems': 'minItems',
      '/foodSafetyManager': 'required',
    });
    expect(problems.find((p) => p.field === '/foodSafetyManager')!.message).to.equal('缺少必填项「食品安全管理人员」');
    expect(problems.find((p) => p.field === '/applicant/creditCode')!.message).to.equal('「统一社会信用代码」统一社会信用代码校验位不正确');
  });

  it('should NOT crash on data that is not an application', () => {
    expect(validator.validate(schema, null)).to.deep.equal([{ field: '/', rule: 'type', message: '申请内容为空或不是有效的申请表' }]);
    expect(validator.validate(schema, 'text')).to.have.length(1);
  });

  it('should name the schema when the schema itself is broken', () => {
    expect(() => validator.validate({ $id: 'shenpi:application:broken', type: 'object', properties: { a: { type: 'no-such-type' } } }, {})).to.throw('shenpi:application:broken');
  });
});
