// A year as the State Council's notice lists it: checked as a whole, turned into calendar days and back.
import { expect } from 'chai';
import { checkYearSchedule, chineseDaysSchedule, daysToSchedule, scheduleDays } from '../../../lib/calendar/year-schedule.js';
import { InputError } from '../../../lib/validation/input-error.js';

describe('year schedule (节假日安排)', () => {
  it('should offer the chinese-days data of 2026 in the notice\'s form, and nothing for a year it does not know', () => {
    const offered = chineseDaysSchedule(2026)!;
    expect(offered.source).to.match(/^chinese-days@/);
    expect(offered.schedule.holidays).to.deep.include({ from: '2026-02-15', to: '2026-02-23', name: '春节' });
    expect(offered.schedule.workdays).to.deep.include({ date: '2026-02-28', name: '春节' });
    expect(chineseDaysSchedule(2099)).to.equal(undefined);
  });

  it('should turn ranges into days and back', () => {
    const schedule = { holidays: [{ from: '2030-10-01', to: '2030-10-07', name: '国庆节' }], workdays: [{ date: '2030-09-29', name: '国庆节' }] };
    const days = scheduleDays(checkYearSchedule(2030, schedule));
    expect(days).to.have.length(8);
    expect(daysToSchedule(days)).to.deep.equal(schedule);
  });

  it('should NOT accept 2026-02-30, naming the field', () => {
    try {
      checkYearSchedule(2026, { holidays: [{ from: '2026-02-28', to: '2026-02-30', name: '春节' }], workdays: [] });
      expect.fail('accepted');
    } catch (error) {
      expect(error).to.be.instanceOf(InputError);
      expect((error as InputError).problems).to.deep.equal([{ field: 'holidays/0/to', rule: 'date', message: '放假安排第 1 项的结束日期 (holidays/0/to) 2026-02-30 不是有效的日期' }]);
    }
  });
});
