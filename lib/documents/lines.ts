// Chinese line breaking for the PDF: any two ideographs may break, a run of Latin letters and
// digits (受理编号, URLs) stays whole when it fits, and no line starts with closing punctuation
// (避头点: ，。、；：？！）」》…), which is carried back to the line before.
const NO_LINE_START = new Set([...'，。、；：？！）」』》〉】〕”’…—,.;:?!)%']);
const NO_LINE_END = new Set([...'（「『《〈【〔“‘(']);
const LATIN_RUN = /[A-Za-z0-9.\-/:_@#%?=&]/;

/** Splits text into unbreakable pieces: one per ideograph, one per Latin run. */
function pieces(text: string): string[] {
  const out: string[] = [];
  for (const char of text) {
    const last = out.at(-1);
    if (last !== undefined && LATIN_RUN.test(char) && LATIN_RUN.test(last.at(-1)!)) out[out.length - 1] = last + char;
    else out.push(char);
  }
  return out;
}

/**
 * Lines of at most `width`, measured by `measure`; the first may be shorter by `indent`. A line's
 * width is the sum of its pieces' widths, each piece measured once (laying out the whole line for
 * every piece added made a page's line breaking quadratic: half the CPU of a 文书).
 */
export function breakLines(text: string, width: number, measure: (text: string) => number, indent = 0): string[] {
  const widths = new Map<string, number>();
  const widthOf = (piece: string): number => {
    let known = widths.get(piece);
    if (known === undefined) widths.set(piece, (known = measure(piece)));
    return known;
  };
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;
  let available = width - indent;
  const close = (carry: string[]) => {
    lines.push(line.join(''));
    line = carry;
    used = carry.reduce((sum, piece) => sum + widthOf(piece), 0);
    available = width;
  };
  for (const piece of pieces(text)) {
    const pieceWidth = widthOf(piece);
    if (used + pieceWidth <= available || line.length === 0) {
      // a piece wider than the line (a long URL) is split by characters
      if (line.length === 0 && pieceWidth > available && piece.length > 1) {
        for (const char of piece) {
          if (used + widthOf(char) > available && line.length) close([]);
          line.push(char);
          used += widthOf(char);
        }
        continue;
      }
      line.push(piece);
      used += pieceWidth;
      continue;
    }
    // 避头: closing punctuation may squeeze onto the line; else carry the last piece down with it
    if (NO_LINE_START.has(piece)) {
      if (used + pieceWidth <= available + pieceWidth * 0.5) { line.push(piece); used += pieceWidth; continue; }
      const carried = line.pop()!;
      close([carried, piece]);
    } else if (NO_LINE_END.has(line.at(-1)!)) {
      const carried = line.pop()!;
      close([carried, piece]);
    } else {
      close([piece]);
    }
  }
  if (line.length) lines.push(line.join(''));
  return lines;
}
