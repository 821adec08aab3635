// The README's performance section is made from the benches' transcripts: the figures with ✔/✘,
// the bench and the machine of its run, replacing the section of the previous runs.
import { expect } from 'chai';
import { readRun, renderSection, withSection } from '../../bench/readme.js';

const TRANSCRIPT = [
  '# 双公示 (bench/publication.ts)',
  '日期 2026-11-29, CPU 核数 2, 开始时负载 (1/5/15 分钟) 6.40 / 5.00 / 4.00',
  '参数: 100000',
  '100000 条许可决定已准备',
  '      ✔ 启动引擎 (端口 38291) (9.2s)',
  'shenpi: 批量推送 11.1 s + 台账比对 0.9 s = 12.0 s (目标 100000 条 < 10 s) ✘',
  '  逐条推送/shenpi = 5.7× (目标 ≥ 5×) ✔ | a pipe',
  '  推送与比对所用 CPU: postgres 8.7 s',
  '瓶颈 (实测): 推送与比对共 13.2 CPU 秒',
  '| 办件查询 按受理编号 | 200 | 3 | 8 (目标 < 100 ms) ✔ | 9 |',
  '结束时负载 (1/5/15 分钟) 4.40 / 4.00 / 3.90',
].join('\n');

describe('bench/readme.ts', () => {
  it('should keep only the lines with a goal, with the run\'s date, cores and load', () => {
    const run = readRun('publication', TRANSCRIPT);
    expect(run.title).to.equal('双公示 (bench/publication.ts)');
    expect(run.parameters).to.equal('100000');
    expect(run.figures).to.have.length(4); // two goals, what bounds them and a table row, not the CPU line
    expect(run.figures[3]).to.equal('办件查询 按受理编号 · 200 · 3 · 8 (目标 < 100 ms) ✔ · 9');
    expect(run.machine).to.contain('日期 2026-11-29').and.contain('CPU 核数 2').and.contain('结束时负载 4.40');
  });

  it('should render a table row per figure and escape the pipes of a figure', () => {
    const section = renderSection([readRun('publication', TRANSCRIPT)]);
    expect(section).to.contain('| `bench/publication.ts` -- 100000<br>');
    expect(section).to.contain('5.7× (目标 ≥ 5×) ✔ \\| a pipe |');
    expect(section.split('\n').filter((line) => line.startsWith('| '))).to.have.length(6); // heading, rule, two figures, the bound, the row
  });

  it('should add the section before the reference once, then replace it in place', () => {
    const readme = '# shenpi\n\nintro\n\n## Reference\n\nlinks\n';
    const first = withSection(readme, renderSection([readRun('publication', TRANSCRIPT)]));
    expect(first.indexOf('## Performance')).to.be.greaterThan(0).and.lessThan(first.indexOf('## Reference'));
    const second = withSection(first, renderSection([readRun('publication', TRANSCRIPT.replace('12.0 s', '9.0 s'))]));
    expect(second.match(/## Performance/g)).to.have.length(1);
    expect(second).to.contain('9.0 s').and.not.contain('= 12.0 s');
    expect(second.endsWith('## Reference\n\nlinks\n')).to.equal(true);
  });
});
