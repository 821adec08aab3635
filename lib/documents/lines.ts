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

/** Lines of at most `width`, measured by `measure`; the first may be shorter by `indent`. */
export function breakLines(text: string, width: number, measure: (text: string) => number, indent = 0): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let available = width - indent;
  const lineWidth = (parts: string[]) => measure(parts.join(''));
  for (const piece of pieces(text)) {
    const candidate = [...line, piece];
    if (lineWidth(candidate) <= available || line.length === 0) {
      // a piece wider than the line (a long URL) is split by characters
      if (line.length === 0 && measure(piece) > available && piece.length > 1) {
        for (const char of piece) {
          if (measure(line.join('') + char) > available && line.length) { lines.push(line.join('')); line = []; available = width; }
          line.push(char);
        }
        continue;
      }
      line = candidate;
      continue;
    }
    // 避头: closing punctuation may squeeze onto the line; else carry the last piece down with it
    if (NO_LINE_START.has(piece)) {
      if (lineWidth(candidate) <= available + measure(piece) * 0.5) { line = candidate; continue; }
      const carried = line.pop()!;
      lines.push(line.join(''));
      line = [carried, piece];
    } else if (NO_LINE_END.has(line.at(-1)!)) {
      const carried = line.pop()!;
      lines.push(line.join(''));
      line = [carried, piece];
    } else {
      lines.push(line.join(''));
      line = [piece];
    }
    available = width;
  }
  if (line.length) lines.push(line.join(''));
  return lines;
}
