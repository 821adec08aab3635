// 电子监察 figures (lib/monitoring) from real PostgreSQL rows: four cases of March 2025 (a month
// no other spec uses) — on time (rated 非常满意), late after a 补正 (rated 不满意), a 即办件, and one
// still open past its deadline with its red card — read whole, then per section.
import { expect } from 'chai';
import type { Knex } from 'knex';
import { InvalidInput } from '../../../lib/errors.js';
import { monitoringFigures, type MonitoringQuery } from '../../../lib/monitoring/index.js';
import { raiseAlert } from '../../../lib/repositories/supervision.js';
import { useSystem } from '../../support/system.js';
import { readEntry } from '../../processes/items/scenarios.js';
import { givenCase } from './fixtures.js';

describe('电子监察 figures (lib/monitoring)', function () {
  this.timeout(60_000);
  let db: Knex;
  let open: { receiptNumber: string };
  const query = (more: Partial<MonitoringQuery> = {}): MonitoringQuery => ({ from: '2025-03-01', to: '2025-03-31', today: '2026-11-29', utcOffset: '+08:00', ...more });

  before(async () => {
    db = (await useSystem()).db;
    await givenCase(db, { itemKey: 'food-business-licence', receivedOn: '2025-03-03', deadline: '2025-03-06', decidedOn: '2025-03-05', publishedOn: '2025-03-05', rating: 5 });
    await givenCase(db, { itemKey: 'food-business-licence', receivedOn: '2025-03-10', deadline: '2025-03-13', decidedOn: '2025-03-17', corrected: true, rating: 2 });
    await givenCase(db, { itemKey: 'individual-business-registration', receivedOn: '2025-03-12', decidedOn: '2025-03-12' });
    open = await givenCase(db, { itemKey: 'construction-permit', receivedOn: '2025-03-20', deadline: '2025-03-21' });
    const [alert] = await Promise.all([raiseAlert(db, {
      businessKey: (await db('case_record').where({ receipt_number: open.receiptNumber }).first('business_key')).business_key, receiptNumber: open.receiptNumber, level: 'red',
      activityId: 'ReviewTask', activityName: '审查', responsibleGroup: 'constructionReview', deadline: '2025-03-21', message: '红牌警告', timerActivityInstanceId: `timer-${open.receiptNumber}`,
    })]);
    expect(alert).to.equal(true);
    await db('supervision_alert').where({ timer_activity_instance_id: `timer-${open.receiptNumber}` }).update({ created_at: '2025-03-24T09:00:00+08:00' });
  });

  describe('#monitoringFigures', () => {
    it('should count on-time decisions, the overdue case, working days against the limits, 即办件, 一次办好, 双公示 and the cards', async () => {
      const figures = await monitoringFigures(db, query());
      expect(figures.totals).to.deep.include({
        cases: 4, decided: 3, onTime: 2, overdue: 1, onTimeRate: 0.5,
        measured: 3, average: 2.3, p90: 5, legalAverage: 7.7, promisedAverage: 2, cutOfLegal: 0.6957,
        instantShare: 0.25, firstTimeRate: 0.6667, satisfactionRate: 0.5, ratings: 2, sameDayPublicationRate: 1, publications: 1, yellowCards: 0, redCards: 1,
      });
      expect(figures.byMonth).to.deep.equal([{ month: '2025-03', cases: 4, decided: 3, onTime: 2, overdue: 1, onTimeRate: 0.5 }]);
      expect(figures.bySection.map((s) => [s.sectionName, s.onTimeRate, s.redCards])).to.deep.equal([['建设工程审批科', 0, 1], ['市场准入审批科', 0.6667, 0]]);
      expect(figures.byItem.find((item) => item.itemKey === 'food-business-licence')).to.include({ cases: 2, onTime: 1, average: 3.5, legalTimeLimit: 10, promisedTimeLimit: 3 });
      expect(figures.cards).to.deep.equal([{ level: 'red', receiptNumber: open.receiptNumber, itemName: readEntry('construction-permit').name, activityName: '审查', section: 'constructionReview', sectionName: '建设工程审批科', deadline: '2025-03-21', raisedOn: '2025-03-24' }]);
      expect(figures.watch.find((c) => c.receiptNumber === open.receiptNumber)).to.include({ signal: 'red', decisionDeadline: '2025-03-21', sectionName: '建设工程审批科' });
    });

    it('should give a section only its own cases and cards', async () => {
      const market = await monitoringFigures(db, query({ sections: ['marketReview'] }));
      expect(market.totals).to.include({ cases: 3, overdue: 0, redCards: 0 });
      expect(market.watch.map((c) => c.receiptNumber)).not.to.include(open.receiptNumber);
      expect(market.sections).to.deep.equal([{ group: 'marketReview', name: '市场准入审批科' }]);
      const construction = await monitoringFigures(db, query({ sections: ['constructionReview'] }));
      expect(construction.totals).to.include({ cases: 1, overdue: 1, onTimeRate: 0, redCards: 1, ratings: 0, satisfactionRate: null });
    });

    it('should NOT take a period that ends before it starts, or is longer than a year', async () => {
      for (const [to, rule] of [['2025-02-28', 'notBeforeFrom'], ['2026-12-31', 'maxPeriod']]) {
        const error = await monitoringFigures(db, query({ to })).catch((e: Error) => e);
        expect(error).to.be.instanceOf(InvalidInput);
        expect((error as InvalidInput).problems[0]).to.include({ field: 'to', rule });
        expect((error as InvalidInput).problems[0]!.message).to.contain('to');
      }
    });
  });
});
