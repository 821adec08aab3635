// 电子监察: the figures of a period and their workbook.
export { monitoringFigures, type MonitoringFigures, type MonitoringQuery } from './figures.js';
export { monitoringWorkbook } from './export.js';
