// The catalogue as the spreadsheet offices keep: sheet 事项清单 (one row per item) and sheet
// 申请材料 (one row per material, linked by 事项标识). Cells are read strictly: a 是/否 column
// holding anything else is a problem on that row, never a guess.
import ExcelJS from 'exceljs';
import type { ValidationProblem } from '../validation/application-validator.js';
import type { CatalogueEntry, CatalogueMaterial } from './entry.js';
import type { ImportCandidate, SourceRef } from './import.js';

export const ITEM_SHEET = '事项清单';
export const MATERIAL_SHEET = '申请材料';

type Kind = 'text' | 'int' | 'number' | 'bool' | 'lines' | 'json';

interface Column { header: string; path: string; kind: Kind; width?: number; /** older sheets may lack it */ optional?: boolean }

const ITEM_COLUMNS: Column[] = [
  { header: '事项标识', path: 'key', kind: 'text', width: 34 },
  { header: '事项编码', path: 'code', kind: 'text', width: 20 },
  { header: '事项名称', path: 'name', kind: 'text', width: 34 },
  { header: '事项类型', path: 'type', kind: 'text' },
  { header: '事项层级', path: 'level', kind: 'text' },
  { header: '上级事项编码', path: 'parentCode', kind: 'text', optional: true },
  { header: '主管部门', path: 'department', kind: 'text', width: 22 },
  { header: '实施机关', path: 'implementingAuthority.name', kind: 'text', width: 28 },
  { header: '实施机关统一社会信用代码', path: 'implementingAuthority.creditCode', kind: 'text', width: 22 },
  { header: '监管部门', path: 'supervisingDepartment', kind: 'text', width: 22 },
  { header: '设定和实施依据', path: 'legalBasis', kind: 'lines', width: 50 },
  { header: '法定办结时限(工作日)', path: 'legalTimeLimit', kind: 'int' },
  { header: '承诺办结时限(工作日)', path: 'promisedTimeLimit', kind: 'int' },
  { header: '办件类型', path: 'processingType', kind: 'text' },
  { header: '是否收费', path: 'fee.charged', kind: 'bool' },
  { header: '收费标准(元)', path: 'fee.amount', kind: 'number' },
  { header: '收费依据', path: 'fee.basis', kind: 'text' },
  { header: '告知承诺', path: 'notificationCommitment', kind: 'bool' },
  { header: '容缺受理', path: 'deferredAcceptance', kind: 'bool' },
  { header: '现场勘验', path: 'siteInspection', kind: 'bool' },
  { header: '重大行政许可(法制审核)', path: 'majorDecision', kind: 'bool' },
  { header: '告知承诺材料 (材料编码, 每行一个)', path: 'commitment.materials', kind: 'lines', width: 26, optional: true },
  { header: '承诺内容', path: 'commitment.content', kind: 'text', width: 40, optional: true },
  { header: '违诺责任', path: 'commitment.liability', kind: 'text', width: 40, optional: true },
  { header: '承诺履行期限(工作日)', path: 'commitment.periodWorkingDays', kind: 'int', optional: true },
  { header: '承诺后发证时限(工作日)', path: 'commitment.noticeWorkingDays', kind: 'int', optional: true },
  { header: '容缺补正期限(工作日)', path: 'deferral.supplementWorkingDays', kind: 'int', optional: true },
  { header: '结果名称', path: 'result.name', kind: 'text', width: 24 },
  { header: '结果类型', path: 'result.kind', kind: 'text' },
  { header: '许可类别', path: 'result.licenceCategory', kind: 'text' },
  { header: '有效期(年)', path: 'result.validityYears', kind: 'int' },
  { header: '证号前缀', path: 'result.numberPrefix', kind: 'text' },
  { header: '双公示', path: 'published', kind: 'bool' },
  { header: '审查科室', path: 'reviewGroup', kind: 'text', width: 22 },
  { header: '事项状态', path: 'status', kind: 'text' },
  { header: '生效日期', path: 'effectiveFrom', kind: 'text' },
  { header: '申请表专项内容(JSON)', path: 'applicationFields', kind: 'json', width: 40 },
];

const MATERIAL_COLUMNS: Column[] = [
  { header: '事项标识', path: 'itemKey', kind: 'text', width: 34 },
  { header: '材料编码', path: 'code', kind: 'text', width: 26 },
  { header: '材料名称', path: 'name', kind: 'text', width: 40 },
  { header: '是否必需', path: 'required', kind: 'bool' },
  { header: '是否可容缺', path: 'deferrable', kind: 'bool' },
  { header: '材料形式', path: 'form', kind: 'text' },
  { header: '份数', path: 'copies', kind: 'int' },
  { header: '填报说明', path: 'note', kind: 'text', width: 40 },
];

function getPath(object: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), object);
}

function setPath(object: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = object;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

function toCell(value: unknown, kind: Kind): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  switch (kind) {
    case 'bool': return value ? '是' : '否';
    case 'lines': return (value as string[]).join('\n');
    case 'json': return JSON.stringify(value);
    default: return value as ExcelJS.CellValue;
  }
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

function fromCell(text: string, column: Column): { value?: unknown; problem?: string } {
  if (text === '') return {};
  switch (column.kind) {
    case 'text': return { value: text };
    case 'lines': return { value: text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) };
    case 'int': return /^-?\d+$/.test(text) ? { value: Number(text) } : { problem: `「${column.header}」应为整数, 实际为「${text}」` };
    case 'number': return Number.isFinite(Number(text)) ? { value: Number(text) } : { problem: `「${column.header}」应为数字, 实际为「${text}」` };
    case 'bool':
      if (['是', 'Y', 'y', 'true', 'TRUE', '1'].includes(text)) return { value: true };
      if (['否', 'N', 'n', 'false', 'FALSE', '0'].includes(text)) return { value: false };
      return { problem: `「${column.header}」应填「是」或「否」, 实际为「${text}」` };
    case 'json':
      try {
        return { value: JSON.parse(text) };
      } catch (error) {
        return { problem: `「${column.header}」不是有效的 JSON: ${(error as Error).message}` };
      }
  }
}

export async function catalogueToWorkbook(entries: CatalogueEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'shenpi';
  const addSheet = (name: string, columns: Column[]): ExcelJS.Worksheet => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({ header: column.header, key: column.path, width: column.width ?? 14 }));
    sheet.getRow(1).font = { bold: true };
    return sheet;
  };
  const items = addSheet(ITEM_SHEET, ITEM_COLUMNS);
  const materials = addSheet(MATERIAL_SHEET, MATERIAL_COLUMNS);
  for (const entry of entries) {
    items.addRow(ITEM_COLUMNS.map((column) => toCell(getPath(entry, column.path), column.kind)));
    for (const material of entry.materials) {
      materials.addRow(MATERIAL_COLUMNS.map((column) => toCell(column.path === 'itemKey' ? entry.key : getPath(material, column.path), column.kind)));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function readSheet(sheet: ExcelJS.Worksheet, columns: Column[], problems: Array<ValidationProblem & SourceRef>): Array<{ row: number; values: Record<string, unknown>; problems: Array<ValidationProblem & SourceRef> }> {
  const headerIndex = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, index) => headerIndex.set(cellText(cell), index));
  for (const column of columns) {
    if (!headerIndex.has(column.header) && !column.optional) {
      problems.push({ sheet: sheet.name, row: 1, field: column.path, rule: 'header', message: `工作表「${sheet.name}」缺少列「${column.header}」` });
    }
  }
  const rows: Array<{ row: number; values: Record<string, unknown>; problems: Array<ValidationProblem & SourceRef> }> = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, unknown> = {};
    const rowProblems: Array<ValidationProblem & SourceRef> = [];
    let empty = true;
    for (const column of columns) {
      const index = headerIndex.get(column.header);
      if (index === undefined) continue;
      const text = cellText(row.getCell(index));
      if (text !== '') empty = false;
      const { value, problem } = fromCell(text, column);
      if (problem) rowProblems.push({ sheet: sheet.name, row: rowNumber, field: column.path, rule: column.kind, message: problem });
      else if (value !== undefined) setPath(values, column.path, value);
    }
    if (!empty) rows.push({ row: rowNumber, values, problems: rowProblems });
  });
  return rows;
}

/** What a workbook may unpack to: the office's catalogue is a few MB; more is a zip bomb or the wrong file. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/**
 * The sum of the sizes a .xlsx (a zip) says its parts unpack to, read from its central directory
 * before anything is inflated; undefined when the file is not a complete zip (cut off, not a zip).
 */
function unpackedSize(zip: Buffer): number | undefined {
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  if (zip.length < 22) return undefined;
  let end = zip.length - 22;
  const lowest = Math.max(0, zip.length - 0xffff - 22);
  while (end >= lowest && zip.readUInt32LE(end) !== END) end -= 1;
  if (end < lowest) return undefined;
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== ENTRY) return undefined;
    total += zip.readUInt32LE(offset + 24);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return total;
}

/** Parses a workbook into import candidates; problems found while reading stay with their item. */
export async function candidatesFromWorkbook(data: Buffer): Promise<{ candidates: ImportCandidate[]; fileProblems: Array<ValidationProblem & SourceRef> }> {
  const workbook = new ExcelJS.Workbook();
  const fileProblems: Array<ValidationProblem & SourceRef> = [];
  const unpacked = unpackedSize(data);
  if (unpacked === undefined) return { candidates: [], fileProblems: [{ field: 'file', rule: 'xlsx', message: '文件不是完整的 Excel 工作簿 (.xlsx): 可能已损坏或未上传完整' }] };
  if (unpacked > MAX_UNPACKED_BYTES) {
    return { candidates: [], fileProblems: [{ field: 'file', rule: 'maxUnpackedBytes', message: `Excel 工作簿解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB, 不予读取: 请按事项分批导入` }] };
  }
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { candidates: [], fileProblems: [{ field: 'file', rule: 'xlsx', message: '文件不是有效的 Excel 工作簿 (.xlsx): 无法读取其中的工作表' }] };
  }
  const itemSheet = workbook.getWorksheet(ITEM_SHEET);
  const materialSheet = workbook.getWorksheet(MATERIAL_SHEET);
  if (!itemSheet) fileProblems.push({ field: '/', rule: 'sheet', message: `缺少工作表「${ITEM_SHEET}」` });
  if (!materialSheet) fileProblems.push({ field: '/', rule: 'sheet', message: `缺少工作表「${MATERIAL_SHEET}」` });
  if (!itemSheet || !materialSheet) return { candidates: [], fileProblems };
  const itemRows = readSheet(itemSheet, ITEM_COLUMNS, fileProblems);
  const materialRows = readSheet(materialSheet, MATERIAL_COLUMNS, fileProblems);
  if (fileProblems.length) return { candidates: [], fileProblems };

  const candidates: ImportCandidate[] = itemRows.map(({ row, values, problems }) => {
    const key = values.key;
    const mine = materialRows.filter((material) => material.values.itemKey === key);
    const materials: CatalogueMaterial[] = mine.map(({ values: { itemKey: _key, ...material } }) => material as unknown as CatalogueMaterial);
    const entry = { ...values, materials };
    return {
      entry,
      source: { sheet: ITEM_SHEET, row },
      materialSources: mine.map((material) => ({ sheet: MATERIAL_SHEET, row: material.row })),
      parseProblems: [...problems, ...mine.flatMap((material) => material.problems)],
    };
  });
  const keys = new Set(itemRows.map((row) => row.values.key));
  for (const material of materialRows) {
    if (!keys.has(material.values.itemKey)) {
      fileProblems.push({ sheet: MATERIAL_SHEET, row: material.row, field: 'itemKey', rule: 'unknownItem', message: `材料所属事项「${String(material.values.itemKey ?? '')}」不在「${ITEM_SHEET}」中` });
    }
  }
  return { candidates, fileProblems };
}
