// The callback signature (lib/notices/signature.ts): HMAC-SHA256 of "<timestamp>.<body>" with the
// client's secret; a receiver accepts exactly the body that was signed, with that secret, recently.
import { createHmac } from 'node:crypto';
import { expect } from 'chai';
import { newCallbackSecret, signatureHeaders, verifySignature } from '../../../lib/notices/index.js';

const SECRET = 'spwh_test-secret';
const BODY = '{"event":"acceptance","receiptNumber":"SP20261130000001","text":"已受理"}';
const AT = new Date('2026-11-30T08:00:00Z');
const signed = (body = BODY, secret = SECRET) => {
  const headers = signatureHeaders(secret, body, AT);
  return { timestamp: headers['x-shenpi-timestamp'], signature: headers['x-shenpi-signature'] };
};

describe('the callback signature (lib/notices/signature.ts)', () => {
  describe('#newCallbackSecret', () => {
    it('should make a new 32-byte secret each time', () => {
      const [a, b] = [newCallbackSecret(), newCallbackSecret()];
      expect(a).to.match(/^spwh_[A-Za-z0-9_-]{43}$/);
      expect(a).not.to.equal(b);
    });
  });

  describe('#signatureHeaders', () => {
    it('should sign "<unix seconds>.<body>" with HMAC-SHA256, as the docs tell a receiver to check', () => {
      const { timestamp, signature } = signed();
      expect(timestamp).to.equal(String(AT.getTime() / 1000));
      const byHand = createHmac('sha256', SECRET).update(`${timestamp}.${BODY}`).digest('hex');
      expect(signature).to.equal(`v1=${byHand}`);
    });
  });

  describe('#verifySignature', () => {
    it('should accept the body as signed, within five minutes', () => {
      expect(verifySignature(SECRET, BODY, signed(), { now: new Date(AT.getTime() + 299_000) })).to.deep.equal({ valid: true });
    });

    it('should NOT accept a tampered body, another secret or a changed timestamp', () => {
      const now = { now: AT };
      expect(verifySignature(SECRET, BODY.replace('已受理', '不予受理'), signed(), now)).to.deep.equal({ valid: false, reason: 'mismatch' });
      expect(verifySignature('spwh_other', BODY, signed(), now)).to.deep.equal({ valid: false, reason: 'mismatch' });
      expect(verifySignature(SECRET, BODY, { ...signed(), timestamp: String(AT.getTime() / 1000 - 1) }, now)).to.deep.equal({ valid: false, reason: 'mismatch' });
    });

    it('should NOT accept an old or future timestamp (a replay), nor missing or malformed headers', () => {
      expect(verifySignature(SECRET, BODY, signed(), { now: new Date(AT.getTime() + 301_000) })).to.deep.equal({ valid: false, reason: 'expired' });
      expect(verifySignature(SECRET, BODY, signed(), { now: new Date(AT.getTime() - 301_000) })).to.deep.equal({ valid: false, reason: 'expired' });
      expect(verifySignature(SECRET, BODY, { timestamp: signed().timestamp }, { now: AT })).to.deep.equal({ valid: false, reason: 'missing' });
      expect(verifySignature(SECRET, BODY, { ...signed(), timestamp: 'soon' }, { now: AT })).to.deep.equal({ valid: false, reason: 'malformed' });
      expect(verifySignature(SECRET, BODY, { ...signed(), signature: 'sha256=abc' }, { now: AT })).to.deep.equal({ valid: false, reason: 'malformed' });
    });

    it('should accept one matching value among several v1= values', () => {
      const { timestamp, signature } = signed();
      expect(verifySignature(SECRET, BODY, { timestamp, signature: `v1=${'0'.repeat(64)}, ${signature}` }, { now: AT })).to.deep.equal({ valid: true });
    });
  });
});
