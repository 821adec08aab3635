// Chinese line breaking of the 文书 PDF, measured as if every character were one unit wide.
import { expect } from 'chai';
import { breakLines } from '../../../lib/documents/lines.js';

const measure = (text: string): number => [...text].length;

describe('breakLines', () => {
  it('should break between any two ideographs at the width', () => {
    expect(breakLines('一二三四五六七八九十', 4, measure)).to.deep.equal(['一二三四', '五六七八', '九十']);
  });

  it('should leave room for the indent of the first line', () => {
    expect(breakLines('一二三四五六', 4, measure, 2)).to.deep.equal(['一二', '三四五六']);
  });

  it('should keep a run of Latin letters and digits whole when it fits', () => {
    expect(breakLines('编号SP2026受理', 6, measure)).to.deep.equal(['编号', 'SP2026', '受理']);
  });

  it('should NOT start a line with closing punctuation (避头)', () => {
    const lines = breakLines('一二三四，五六七八。', 4, measure);
    expect(lines.every((line) => !/^[，。]/.test(line))).to.equal(true);
    expect(lines.join('')).to.equal('一二三四，五六七八。');
  });

  it('should NOT end a line with an opening bracket', () => {
    const lines = breakLines('一二三（四五）六', 4, measure);
    expect(lines.every((line) => !line.endsWith('（'))).to.equal(true);
    expect(lines.join('')).to.equal('一二三（四五）六');
  });

  it('should split a piece wider than the line by characters', () => {
    expect(breakLines('http://example/abc', 8, measure)).to.deep.equal(['http://e', 'xample/a', 'bc']);
  });
});
