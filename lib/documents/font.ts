// The CJK typeface of every 文书: Noto Serif SC (SIL OFL), shipped by an npm package, so no
// system font is assumed. Parsed once (the file is 15 MB) and shared by every document; pdfkit
// embeds only the glyphs a document uses (subset).
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { createRequire } from 'node:module';
import path from 'node:path';

const FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';

const packageDir = (): string => path.dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));

/** A parsed font as pdfkit takes it in place of a file (an object with `layout`). */
export type ParsedFont = Buffer;

let loaded: { regular: ParsedFont; bold: ParsedFont } | undefined;

const parse = (file: string): ParsedFont => fontkit.create(readFileSync(path.join(packageDir(), file))) as unknown as ParsedFont;

export function documentFonts(): { regular: ParsedFont; bold: ParsedFont } {
  loaded ??= { regular: parse('400Regular/NotoSerifSC_400Regular.ttf'), bold: parse('700Bold/NotoSerifSC_700Bold.ttf') };
  return loaded;
}
