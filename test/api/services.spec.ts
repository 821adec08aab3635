// The staff API of 好差评 and 政务失信投诉: logins and groups enforced, bad input answered with
// every problem in Chinese.
import { expect } from 'chai';
import { useSystem } from '../support/system.js';
import { basic, webBase } from '../support/web.js';

describe('好差评 and 政务失信投诉 API', function () {
  this.timeout(60_000);

  describe('GET /api/ratings/figures', () => {
    it('should answer leaders, and NOT a window clerk nor a caller without login', async () => {
      const system = await useSystem();
      const url = `${webBase(system)}/api/ratings/figures?month=2026-10`;
      expect((await fetch(url)).status).to.equal(401);
      expect((await fetch(url, { headers: { authorization: basic('window1') } })).status).to.equal(403);
      const answer = await fetch(url, { headers: { authorization: basic('leader1') } });
      expect(answer.status).to.equal(200);
      expect(await answer.json()).to.have.property('month', '2026-10');
    });

    it('should refuse a bad month with the field and the rule', async () => {
      const system = await useSystem();
      const answer = await fetch(`${webBase(system)}/api/ratings/figures?month=10-2026`, { headers: { authorization: basic('rating1') } });
      expect(answer.status).to.equal(400);
      expect(((await answer.json()) as { problems: unknown[] }).problems).to.deep.equal([{ field: 'month', rule: 'month', message: '统计月份 month 应为 YYYY-MM, 如 2026-10' }]);
    });
  });

  describe('POST /api/complaints', () => {
    it('should refuse an incomplete complaint with every problem, and start nothing', async () => {
      const system = await useSystem();
      const answer = await fetch(`${webBase(system)}/api/complaints`, {
        method: 'POST', headers: { authorization: basic('complaint1'), 'content-type': 'application/json' }, body: JSON.stringify({ complainant: { name: '李四' } }),
      });
      expect(answer.status).to.equal(400);
      const body = (await answer.json()) as { message: string; problems: Array<{ field: string }> };
      expect(body.message).to.equal('投诉无效');
      expect(body.problems.map((p) => p.field)).to.deep.equal(['complainant/phone', 'respondent/name', 'field', 'promise', 'facts']);
      expect(await system.db('integrity_complaint').where({ taken_by: 'complaint1' }).whereRaw(`complainant->>'name' = '李四'`)).to.deep.equal([]);
    });
  });

  describe('GET /api/complaints/:number', () => {
    it('should say when there is no such complaint, and NOT answer a reviewer', async () => {
      const system = await useSystem();
      const missing = await fetch(`${webBase(system)}/api/complaints/TS20260101000000`, { headers: { authorization: basic('supervisor1') } });
      expect(missing.status).to.equal(404);
      expect(((await missing.json()) as { message: string }).message).to.contain('TS20260101000000');
      expect((await fetch(`${webBase(system)}/api/complaints/TS20260101000000`, { headers: { authorization: basic('market1') } })).status).to.equal(403);
    });
  });
});
