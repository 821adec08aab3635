// 电子监察 as a workbook (.xlsx) for the 督查室's reports: one sheet per table of the page.
import ExcelJS from 'exceljs';
import type { MonitoringFigures, OnTime, Rate } from './figures.js';

type Column<T> = [header: string, value: (row: T) => string | number | null, width?: number];

const percent = (value: Rate): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const days = (value: number | null): string | number => value ?? '—';

function sheet<T>(workbook: ExcelJS.Workbook, name: string, columns: Array<Column<T>>, rows: T[]): void {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map(([header, , width]) => ({ header, width: width ?? 14 }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of rows) worksheet.addRow(columns.map(([, value]) => value(row)));
}

const ON_TIME: Array<Column<OnTime>> = [
  ['收件', (r) => r.cases, 8], ['已决定', (r) => r.decided, 8], ['按期', (r) => r.onTime, 8], ['超期未决', (r) => r.overdue, 10], ['按期率', (r) => percent(r.onTimeRate), 10],
];

export async function monitoringWorkbook(figures: MonitoringFigures): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'shenpi 电子监察';
  const t = figures.totals;
  sheet<[string, string | number]>(workbook, '总览', [['指标', (r) => r[0], 36], ['数值', (r) => r[1], 24]], [
    ['统计期间 (收件日期)', `${figures.from} 至 ${figures.to}`],
    ['范围', figures.sections ? figures.sections.map((s) => s.name).join('、') : '全部科室'],
    ['收件', t.cases], ['已决定', t.decided], ['按期决定', t.onTime], ['超期未决', t.overdue], ['按期率', percent(t.onTimeRate)],
    ['平均用时 (工作日)', days(t.average)], ['90% 分位用时 (工作日)', days(t.p90)], ['法定时限平均 (工作日)', days(t.legalAverage)],
    ['承诺时限平均 (工作日)', days(t.promisedAverage)], ['较法定时限压缩', percent(t.cutOfLegal)], ['即办件占比', percent(t.instantShare)],
    ['一次办好率 (无补正)', percent(t.firstTimeRate)], ['好差评满意率', percent(t.satisfactionRate)], ['评价数', t.ratings],
    ['双公示当日公示率', percent(t.sameDayPublicationRate)], ['公示数', t.publications], ['黄牌', t.yellowCards], ['红牌', t.redCards],
  ]);
  sheet(workbook, '按事项', [
    ['事项', (r) => r.itemName, 36], ['科室', (r) => r.sectionName, 20], ...ON_TIME,
    ['平均用时', (r) => days(r.average)], ['90% 分位', (r) => days(r.p90)], ['法定时限', (r) => days(r.legalTimeLimit)], ['承诺时限', (r) => days(r.promisedTimeLimit)],
    ['较法定压缩', (r) => percent(r.cutOfLegal)],
  ], figures.byItem);
  sheet(workbook, '按科室', [
    ['科室', (r) => r.sectionName, 24], ...ON_TIME, ['黄牌', (r) => r.yellowCards, 8], ['红牌', (r) => r.redCards, 8],
  ], figures.bySection);
  sheet(workbook, '按月份', [['月份', (r) => r.month, 10], ...ON_TIME], figures.byMonth);
  sheet(workbook, '临期与超期', [
    ['受理编号', (r) => r.receiptNumber, 20], ['事项', (r) => r.itemName, 36], ['申请人', (r) => r.applicantName, 30], ['科室', (r) => r.sectionName, 20],
    ['状态', (r) => r.status], ['办结期限', (r) => r.decisionDeadline, 12], ['剩余工作日', (r) => days(r.workingDaysLeft), 12], ['预警', (r) => (r.signal === 'red' ? '超期' : '临期'), 8],
  ], figures.watch);
  sheet(workbook, '黄牌红牌', [
    ['级别', (r) => (r.level === 'red' ? '红牌' : '黄牌'), 8], ['受理编号', (r) => r.receiptNumber, 20], ['事项', (r) => r.itemName, 36], ['环节', (r) => r.activityName],
    ['责任科室', (r) => r.sectionName, 20], ['期限', (r) => r.deadline, 12], ['发出日期', (r) => r.raisedOn, 12],
  ], figures.cards);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
