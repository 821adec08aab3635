// The case's identity: every number and business key is minted by lib/cases/identity.ts and
// reads back to what it names.
import { expect } from 'chai';
import {
  bundleItemBusinessKey, bundleItemsPattern, complaintBusinessKey, deskBusinessKey, deskReceiptBusinessKey, formatComplaintNumber, formatReceiptNumber,
  onlineBusinessKey, parseBusinessKey, parseCaseNumber, ratingBusinessKey,
} from '../../../lib/cases/identity.js';

describe('lib/cases/identity', () => {
  describe('#formatReceiptNumber', () => {
    it('should write SP, the day received and a six-digit sequence', () => {
      expect(formatReceiptNumber('2026-11-29', 42)).to.equal('SP20261129000042');
      expect(formatReceiptNumber('2026-11-29', '1234567')).to.equal('SP202611291234567');
    });
  });

  describe('#parseCaseNumber', () => {
    it('should read back a receipt number and a complaint number', () => {
      expect(parseCaseNumber(formatReceiptNumber('2026-11-29', 42))).to.deep.equal({ kind: 'receipt', receivedOn: '2026-11-29', sequence: 42 });
      expect(parseCaseNumber(formatComplaintNumber('2026-01-02', 7))).to.deep.equal({ kind: 'complaint', receivedOn: '2026-01-02', sequence: 7 });
    });

    it('should NOT read a number of another shape', () => {
      expect(parseCaseNumber('SP2026112900004')).to.equal(undefined);
      expect(parseCaseNumber('XX20261129000042')).to.equal(undefined);
    });
  });

  describe('#parseBusinessKey', () => {
    it('should read back each kind of business key', () => {
      const online = onlineBusinessKey();
      expect(parseBusinessKey(online)).to.deep.equal({ kind: 'online' });
      expect(parseBusinessKey(deskBusinessKey('abc-1'))).to.deep.equal({ kind: 'desk', processInstanceId: 'abc-1' });
      expect(parseBusinessKey(deskReceiptBusinessKey('SP20261129000042'))).to.deep.equal({ kind: 'desk-receipt', receiptNumber: 'SP20261129000042' });
      expect(parseBusinessKey(bundleItemBusinessKey(online, 'food-business-licence'))).to.deep.equal({ kind: 'bundle-item', bundleBusinessKey: online, itemKey: 'food-business-licence' });
      expect(parseBusinessKey(ratingBusinessKey('SP20261129000042'))).to.deep.equal({ kind: 'rating', receiptNumber: 'SP20261129000042' });
      expect(parseBusinessKey(complaintBusinessKey('TS20261129000001'))).to.deep.equal({ kind: 'complaint', complaintNumber: 'TS20261129000001' });
    });

    it('should NOT take a key of no known shape for a case', () => {
      expect(parseBusinessKey('test-123')).to.deep.equal({ kind: 'unknown' });
    });
  });

  describe('#onlineBusinessKey', () => {
    it('should NOT mint the same key twice', () => {
      expect(onlineBusinessKey()).to.not.equal(onlineBusinessKey());
    });
  });

  describe('#bundleItemsPattern', () => {
    it('should match the item cases of a bundle case', () => {
      expect(bundleItemsPattern('online-1')).to.equal('online-1:%');
    });
  });
});
