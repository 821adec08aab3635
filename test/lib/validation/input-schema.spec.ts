// The library's input checks with the project's ajv (lib/validation/input-schema.ts).
import { expect } from 'chai';
import { inputChecker } from '../../../lib/validation/input-schema.js';

const check = inputChecker({
  type: 'object',
  required: ['name', 'person'],
  properties: {
    name: { type: 'string', trimmedMinLength: 2, maxLength: 10 },
    person: { type: 'object', required: ['phone'], properties: { phone: { type: 'string', pattern: '^1\\d{10}$' } } },
    tags: { type: 'array', items: { type: 'string', trimmedMinLength: 1 } },
  },
}, {
  name: { rule: 'length', message: '名称 name 应为 2 至 10 个字符' },
  person: { rule: 'required', message: '缺少 person' },
  'person/phone': { rule: 'phone', message: '联系电话 person.phone 应为 11 位手机号' },
  tags: { rule: 'type', message: '标签 tags 应为文本的数组' },
});

describe('lib/validation/input-schema', () => {
  describe('#inputChecker', () => {
    it('should answer nothing for good input', () => {
      expect(check({ name: '张三', person: { phone: '13800138000' }, tags: ['a'] })).to.deep.equal([]);
    });

    it('should name every field once, with its own rule and message, in the order of the fields', () => {
      expect(check({ tags: [''], person: { phone: '123' }, name: '  x  ' }).map((p) => `${p.field}:${p.rule}`)).to.deep.equal(['name:length', 'person/phone:phone', 'tags:type']);
    });

    it('should take a problem inside a field for the most specific field listed', () => {
      expect(check({ name: '张三', person: {} })).to.deep.equal([{ field: 'person/phone', rule: 'phone', message: '联系电话 person.phone 应为 11 位手机号' }]);
    });

    it('should add a rule across fields in its place, and NOT for a field the schema already refused', () => {
      const across = [{ field: 'person', rule: 'adult', message: '须年满 18 岁' }, { field: 'name', rule: 'unique', message: '名称已被使用' }];
      expect(check({ name: 'x', person: { phone: '13800138000' } }, across).map((p) => `${p.field}:${p.rule}`)).to.deep.equal(['name:length', 'person:adult']);
    });
  });
});
