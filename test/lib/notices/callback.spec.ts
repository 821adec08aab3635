// What a platform may register as its notification callback: an absolute http(s) URL (https only
// in production), with no user, password or fragment; each refusal names callbackUrl and the rule.
import { expect } from 'chai';
import { callbackUrlProblems } from '../../../lib/notices/index.js';

const rules = (value: unknown, production = false) => callbackUrlProblems(value, production).map((problem) => `${problem.field}:${problem.rule}`);

describe('the platform callback (lib/notices/callback.ts)', () => {
  describe('#callbackUrlProblems', () => {
    it('should accept https, and http in dev mode', () => {
      expect(rules('https://platform.example.org/shenpi/notices?source=shenpi', true)).to.deep.equal([]);
      expect(rules('http://127.0.0.1:8080/notices')).to.deep.equal([]);
    });

    it('should NOT accept http in production', () => {
      expect(rules('http://platform.example.org/notices', true)).to.deep.equal(['callbackUrl:protocol']);
    });

    it('should NOT accept what is not an absolute http(s) URL, naming the rule', () => {
      expect(rules(undefined)).to.deep.equal(['callbackUrl:required']);
      expect(rules('  ')).to.deep.equal(['callbackUrl:required']);
      expect(rules({ url: 'https://x.org' })).to.deep.equal(['callbackUrl:required']);
      expect(rules('/notices')).to.deep.equal(['callbackUrl:url']);
      expect(rules('javascript:alert(1)')).to.deep.equal(['callbackUrl:protocol']);
      expect(rules(`https://x.org/${'a'.repeat(2000)}`)).to.deep.equal(['callbackUrl:length']);
    });

    it('should NOT accept a user, a password or a fragment in the URL', () => {
      expect(rules('https://shenpi:secret@platform.example.org/')).to.deep.equal(['callbackUrl:credentials']);
      expect(rules('https://platform.example.org/#notices')).to.deep.equal(['callbackUrl:fragment']);
    });
  });
});
