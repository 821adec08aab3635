// fontkit (the font engine pdfkit uses) ships no types: only what lib/documents/font.ts calls.
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
