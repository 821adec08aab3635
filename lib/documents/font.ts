// The CJK typeface of every 文书: Noto Serif SC (SIL OFL), shipped by an npm package, so no
// system font is assumed. Loaded once; pdfkit embeds only the glyphs a document uses (subset).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';

const packageDir = (): string => path.dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));

let loaded: { regular: Buffer; bold: Buffer } | undefined;

export function documentFonts(): { regular: Buffer; bold: Buffer } {
  loaded ??= {
    regular: readFileSync(path.join(packageDir(), '400Regular', 'NotoSerifSC_400Regular.ttf')),
    bold: readFileSync(path.join(packageDir(), '700Bold', 'NotoSerifSC_700Bold.ttf')),
  };
  return loaded;
}
