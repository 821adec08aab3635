// 电子监察 and 办件查询 over the web API: who may read them (局领导, 督查室, a 科长 for their own
// section; the 轨迹 for the case's sections, the window, leaders, analysts, operators and the
// 督查室) and who is refused; bad filters answered 400 in Chinese naming field and rule; no
// personal ID number in any answer; the workbook opens.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { System } from '../../lib/system.js';
import { sampleApplication, VALID_ID_CARD } from '../support/applications.js';
import { CaseDriver, MEMBER } from '../support/cases.js';
import { useSystem } from '../support/system.js';
import { basic, webBase } from '../support/web.js';
import { readEntry } from '../processes/items/scenarios.js';

interface Answer { status: number; body: any; text: string }

describe('电子监察 and 办件查询 API', function () {
  this.timeout(120_000);
  let system: System;
  let web: string;
  const get = async (path: string, user: string): Promise<Answer> => {
    const response = await fetch(`${web}${path}`, { headers: { authorization: basic(user) } });
    const text = await response.text();
    return { status: response.status, text, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : undefined };
  };

  before(async () => {
    system = await useSystem();
    web = webBase(system);
  });

  describe('GET /api/monitoring/figures', () => {
    it('should answer 局领导 and the 督查室 with every section, and a 科长 with their own', async () => {
      for (const user of ['leader1', 'supervisor1']) {
        const answer = await get('/api/monitoring/figures?from=2026-01-01&to=2026-11-29', user);
        expect(answer.status, user).to.equal(200);
        expect(answer.body).to.include.keys('totals', 'byItem', 'bySection', 'byMonth', 'cards', 'watch');
        expect(answer.body.sections).to.equal(null);
        expect(answer.text).not.to.contain(VALID_ID_CARD);
      }
      const head = await get('/api/monitoring/figures', 'markethead1');
      expect(head.status).to.equal(200);
      expect(head.body.sections).to.deep.equal([{ group: 'marketReview', name: '市场准入审批科' }]);
      expect(head.body.bySection.map((s: { section: string }) => s.section)).to.satisfy((sections: string[]) => sections.every((s) => s === 'marketReview'));
    });

    it('should NOT answer a 科长 about another section, nor clerks, the window or analysts', async () => {
      const other = await get('/api/monitoring/figures?section=constructionReview', 'markethead1');
      expect(other.status).to.equal(403);
      expect(other.body.message).to.contain('科长只能查看本科室');
      for (const user of ['market1', 'window1', 'analyst1', 'operator1']) {
        const answer = await get('/api/monitoring/figures', user);
        expect(answer.status, user).to.equal(403);
        expect(answer.body.message).to.contain('电子监察仅对局领导、督查室和科长');
      }
    });

    it('should NOT take a day that does not exist, a broken encoding or an unknown section (400 naming field and rule)', async () => {
      const cases: Array<[string, string, string]> = [
        ['from=2026-02-30', 'from', '起始日期 from'],
        ['to=%FF', 'to', '截止日期 to'],
        ['section=finance', 'section', '科室 section'],
        ['from=2026-11-01&to=2026-10-01', 'to', '不能早于起始日期'],
      ];
      for (const [query, field, words] of cases) {
        const answer = await get(`/api/monitoring/figures?${query}`, 'leader1');
        expect(answer.status, query).to.equal(400);
        expect(answer.body.problems[0], query).to.include({ field });
        expect(answer.body.problems[0].rule, query).to.be.a('string');
        expect(answer.body.problems[0].message, query).to.contain(words);
      }
    });

    it('should export the figures as a workbook with a sheet per table', async () => {
      const response = await fetch(`${web}/api/monitoring/figures.xlsx?from=2026-01-01&to=2026-11-29`, { headers: { authorization: basic('supervisor1') } });
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.contain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      expect(workbook.worksheets.map((sheet) => sheet.name)).to.deep.equal(['总览', '按事项', '按科室', '按月份', '临期与超期', '黄牌红牌']);
      expect(workbook.getWorksheet('总览')!.getCell('A2').value).to.equal('统计期间 (收件日期)');
    });
  });

  describe('办件轨迹 and 办件查询', () => {
    let driver: CaseDriver;
    let receipt: string;

    before(async () => {
      const entry = readEntry('enterprise-establishment-registration');
      driver = await new CaseDriver(system.admin, entry.key).start({ receivedOn: '2026-10-12', clockDate: '2026-10-12', application: sampleApplication(entry) });
      await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
      await driver.complete('ReviewTask', 'market1', { reviewOpinion: '材料齐全, 建议准予', reviewAction: 'submit' });
      await driver.task('DecisionTask');
      receipt = await driver.variable<string>('receiptNumber');
    });

    after(async () => {
      await driver.cancel();
    });

    it('should show the steps people did, by name, with their opinions, and what is next', async () => {
      const answer = await get(`/api/cases/${receipt}`, 'supervisor1');
      expect(answer.status).to.equal(200);
      const people = answer.body.steps.filter((step: { technical: boolean }) => !step.technical);
      expect(people.map((step: { name: string }) => step.name)).not.to.include('计算告知期限');
      expect(people.find((step: { name: string }) => step.name === '受理审核')).to.include({ byName: '张敏' });
      const review = people.find((step: { name: string }) => step.name === '审查');
      expect(review).to.include({ byName: '李强' });
      expect(review.opinions).to.deep.include({ label: '审查意见', text: '材料齐全, 建议准予' });
      expect(answer.body.currentSteps).to.deep.equal(['决定']);
      expect(answer.text).not.to.contain(VALID_ID_CARD);
    });

    it('should let the case\'s section, the window, leaders, analysts, operators and the 督查室 read it', async () => {
      for (const user of ['market2', 'window2', 'leader1', 'analyst1', 'operator1', 'supervisor1']) {
        expect((await get(`/api/cases/${receipt}`, user)).status, user).to.equal(200);
      }
    });

    it('should NOT let another section, the 好差评 office or a utility read it, nor find it', async () => {
      for (const user of ['health1', 'construction1', 'rating1', 'utility1']) {
        const answer = await get(`/api/cases/${receipt}`, user);
        expect(answer.status, user).to.equal(403);
        expect(answer.text, user).not.to.contain('材料齐全');
        expect((await get(`/api/case-query?q=${receipt}`, user)).body, user).to.deep.equal([]);
      }
    });

    it('should find the case by 受理编号, 申请人 or 事项 for who may read it', async () => {
      const byReceipt = await get(`/api/case-query?q=${receipt}`, 'window1');
      expect(byReceipt.body.map((found: { receiptNumber: string }) => found.receiptNumber)).to.deep.equal([receipt]);
      expect(byReceipt.body[0]).not.to.have.property('businessKey');
      const name = (sampleApplication(readEntry('enterprise-establishment-registration')).applicant as { name: string }).name;
      const byApplicant = await get(`/api/case-query?q=${encodeURIComponent(name)}`, 'market1');
      expect(byApplicant.body.map((found: { receiptNumber: string }) => found.receiptNumber)).to.include(receipt);
      const bad = await get('/api/case-query?q=', 'window1');
      expect(bad.status).to.equal(400);
      expect(bad.body.problems[0]).to.include({ field: 'q' });
      expect(bad.body.problems[0].message).to.contain('查询内容 q');
    });
  });
});
