// Typesets a 文书 on A4 in the layout of official documents (after GB/T 9704): the office and
// the title in bold, the 文号 line under them with a red rule, the body in 三号 (16 pt) with a
// two-character indent, justified; the signature block (office, date) on the right; at the foot
// the 受理编号, the verification code and a QR code of the public verification page.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { documentFonts } from './font.js';
import { breakLines } from './lines.js';

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = { top: 37 * MM, bottom: 25 * MM, left: 28 * MM, right: 26 * MM };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = { size: 16, pitch: 29 };
const TITLE_SIZE = 22;
const FOOTER_HEIGHT = 66;
const RED = '#c00000';

export interface PageContent {
  office: string;
  title: string;
  documentNumber: string;
  /** one entry per paragraph; the first ending with "：" is the salutation (no indent) */
  paragraphs: string[];
  issuedOn: string;
  receiptNumber: string;
  verificationCode: string;
  verificationUrl: string;
  /** a signature block (office and date) under the body; a licence or a receipt may carry none */
  signed: boolean;
}

type Doc = InstanceType<typeof PDFDocument>;

/** Renders the document; the date of the PDF's metadata is the issue date (same input, same text). */
export async function renderPdf(content: PageContent): Promise<Buffer> {
  const fonts = documentFonts();
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, autoFirstPage: true,
    info: { Title: content.title, Author: content.office, Subject: `${content.documentNumber} ${content.receiptNumber}`, CreationDate: new Date(`${content.issuedOn}T00:00:00Z`) } });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });

  header(doc, content);
  body(doc, content.paragraphs);
  if (content.signed) signature(doc, content);
  await footer(doc, content);
  pageNumbers(doc);
  doc.end();
  return done;
}

function header(doc: Doc, content: PageContent): void {
  doc.font('bold').fontSize(TITLE_SIZE).fillColor(RED);
  centred(doc, content.office, MARGIN.top);
  doc.fillColor('black');
  centred(doc, content.title, MARGIN.top + TITLE_SIZE * 1.9);
  doc.font('body').fontSize(BODY.size);
  const numberY = MARGIN.top + TITLE_SIZE * 3.9;
  centred(doc, content.documentNumber, numberY);
  const ruleY = numberY + BODY.size * 1.9;
  doc.moveTo(MARGIN.left, ruleY).lineTo(PAGE.width - MARGIN.right, ruleY).lineWidth(1.2).strokeColor(RED).stroke().strokeColor('black');
  doc.y = ruleY + BODY.pitch * 0.8;
}

function centred(doc: Doc, text: string, y: number): void {
  const width = doc.widthOfString(text);
  // a short title is spread a little, as printed documents do (受 理 通 知 书)
  const chars = [...text].length;
  const spacing = chars > 1 && chars <= 6 ? Math.min(TITLE_SIZE * 0.5, (TEXT_WIDTH - width) / (chars - 1)) : 0;
  const total = width + spacing * (chars - 1);
  doc.text(text, MARGIN.left + (TEXT_WIDTH - total) / 2, y, { lineBreak: false, characterSpacing: spacing });
}

/** Lines that reach the right margin are justified by spreading the characters. */
function body(doc: Doc, paragraphs: string[]): void {
  doc.font('body').fontSize(BODY.size).fillColor('black');
  const indent = BODY.size * 2;
  paragraphs.forEach((paragraph, index) => {
    const salutation = index === 0 && /[：:]$/.test(paragraph);
    const first = salutation ? 0 : indent;
    const lines = breakLines(paragraph, TEXT_WIDTH, (text) => doc.widthOfString(text), first);
    lines.forEach((line, n) => {
      ensureRoom(doc, BODY.pitch);
      const x = MARGIN.left + (n === 0 ? first : 0);
      const available = TEXT_WIDTH - (n === 0 ? first : 0);
      const chars = [...line].length;
      const last = n === lines.length - 1;
      const spacing = !last && chars > 1 ? Math.max(0, (available - doc.widthOfString(line)) / (chars - 1)) : 0;
      doc.text(line, x, doc.y, { lineBreak: false, characterSpacing: spacing });
      doc.y += BODY.pitch;
    });
  });
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > PAGE.height - MARGIN.bottom) {
    doc.addPage();
    doc.y = MARGIN.top;
  }
}

function signature(doc: Doc, content: PageContent): void {
  ensureRoom(doc, BODY.pitch * 3);
  doc.y += BODY.pitch;
  const date = chineseDate(content.issuedOn);
  const right = PAGE.width - MARGIN.right - BODY.size * 2;
  const officeWidth = doc.widthOfString(content.office);
  const dateWidth = doc.widthOfString(date);
  // 成文日期右空四字 (GB/T 9704); the office centred over the date
  const dateX = right - dateWidth;
  doc.text(content.office, Math.min(dateX + (dateWidth - officeWidth) / 2, right - officeWidth), doc.y, { lineBreak: false });
  doc.y += BODY.pitch;
  doc.text(date, dateX, doc.y, { lineBreak: false });
  doc.y += BODY.pitch;
}

async function footer(doc: Doc, content: PageContent): Promise<void> {
  const top = PAGE.height - MARGIN.bottom - FOOTER_HEIGHT;
  if (doc.y > top - 4) doc.addPage();
  doc.moveTo(MARGIN.left, top - 8).lineTo(PAGE.width - MARGIN.right, top - 8).lineWidth(0.5).strokeColor('#888').stroke().strokeColor('black');
  const qrSize = FOOTER_HEIGHT - 4;
  drawQr(doc, content.verificationUrl, PAGE.width - MARGIN.right - qrSize, top, qrSize);
  doc.font('body').fontSize(10.5).fillColor('#222');
  const lines = [
    `受理编号：${content.receiptNumber}　　文号：${content.documentNumber}`,
    `验证码：${content.verificationCode}`,
    '扫描右侧二维码或访问以下地址核验本文书：',
    content.verificationUrl,
  ];
  lines.forEach((line, i) => doc.text(line, MARGIN.left, top + 2 + i * 16, { lineBreak: false, width: TEXT_WIDTH - qrSize - 12 }));
  doc.fillColor('black');
}

function drawQr(doc: Doc, url: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const cell = size / (modules.size + 2); // a quiet zone of one module
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) doc.rect(x + cell * (col + 1), y + cell * (row + 1), cell + 0.05, cell + 0.05);
    }
  }
  doc.fillColor('black').fill();
}

function pageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  if (range.count < 2) return;
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    doc.font('body').fontSize(14);
    const label = `— ${i + 1} —`;
    doc.text(label, (PAGE.width - doc.widthOfString(label)) / 2, PAGE.height - MARGIN.bottom + 14, { lineBreak: false });
  }
}

/** 2026-10-09 → 2026年10月9日 (the date as a document writes it). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
