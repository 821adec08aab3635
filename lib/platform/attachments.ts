// What an uploaded file really is, by its first bytes, and whether its name agrees: a file
// called .pdf that is not a PDF, or an executable called .png, is refused.
import path from 'node:path';

const SIGNATURES: Array<{ type: string; bytes: number[]; extensions: string[] }> = [
  { type: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], extensions: ['.pdf'] },
  { type: 'jpg', bytes: [0xff, 0xd8, 0xff], extensions: ['.jpg', '.jpeg'] },
  { type: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: ['.png'] },
  // OFD (GB/T 33190) is a ZIP container: the extension tells it from any other ZIP
  { type: 'ofd', bytes: [0x50, 0x4b, 0x03, 0x04], extensions: ['.ofd'] },
];

export const FILE_TYPE_NAMES: Record<string, string> = { pdf: 'PDF', jpg: 'JPEG 图片', png: 'PNG 图片', ofd: 'OFD 版式文件' };

export function detectFileType(content: Buffer, filename: string): string | undefined {
  const extension = path.extname(filename).toLowerCase();
  const found = SIGNATURES.find((signature) => signature.bytes.every((byte, index) => content[index] === byte));
  if (!found || !found.extensions.includes(extension)) return undefined;
  return found.type;
}

/** A file name safe to store and show: no path, no control characters, at most 200 characters. */
export function safeFilename(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = path.basename(String(name ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return (base || '未命名').slice(0, 200);
}
