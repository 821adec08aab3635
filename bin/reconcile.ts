// 台账比对 from the command line, against a running shenpi (npm start): prints each mismatch and
// the totals; `--repair` republishes what can be repaired. Logs in as the admin of the config.
//
//   npm run reconcile [-- --repair]
import { loadConfig } from '../lib/config.js';

const config = loadConfig();
const repair = process.argv.includes('--repair');
const url = `http://${config.web.host}:${config.web.port}/api/publication/reconcile${repair ? '?repair=true' : ''}`;
const authorization = 'Basic ' + Buffer.from(`${config.admin.username}:${config.admin.password}`).toString('base64');
const response = await fetch(url, { method: 'POST', headers: { authorization } }).catch((error: Error) => {
  console.error(`无法连接 ${url}: ${error.message}\n请先运行 npm start (或设置 SHENPI_WEB_HOST / SHENPI_WEB_PORT)`);
  process.exit(2);
});
if (!response.ok) {
  console.error(`台账比对失败 (${response.status}): ${await response.text()}`);
  process.exit(2);
}
const report = (await response.json()) as { decisions: number; published: number; repaired: number; tookMs: number; mismatches: Array<{ kind: string; licenceNumber: string; field?: string; expected?: string; actual?: string; detail: string; repaired?: boolean }> };
for (const m of report.mismatches) {
  console.log(`${m.kind.padEnd(14)} ${m.licenceNumber}${m.field ? ` ${m.field}: 应为 ${m.expected ?? '(空)'}, 实为 ${m.actual ?? '(空)'}` : ''}  ${m.detail}${m.repaired ? '  [已修复]' : ''}`);
}
console.log(`许可决定 ${report.decisions}, 已公示 ${report.published}, 不一致 ${report.mismatches.length}, 已修复 ${report.repaired}, 用时 ${report.tookMs} ms`);
process.exit(report.mismatches.some((m) => !m.repaired) ? 1 : 0);
