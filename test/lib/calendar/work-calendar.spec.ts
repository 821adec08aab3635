// Deadlines across the 2026 Mid-Autumn and National Day holidays, counted by hand from the
// State Council's schedule: 9-25 (Fri) and 10-01…10-07 off; Sunday 9-20 and Saturday 10-10 worked.
import { expect } from 'chai';
import { chineseDaysSeed } from '../../../lib/calendar/chinese-days.js';
import { computeDeadline } from '../../../lib/calendar/deadlines.js';
import { CalendarRangeError, InvalidDateError, unlessUnpublished, WorkCalendar } from '../../../lib/calendar/work-calendar.js';

const seed = chineseDaysSeed();
const calendar = new WorkCalendar(seed.days, seed.years);

describe('WorkCalendar', () => {
  describe('#isWorkingDay', () => {
    it('should count the make-up Sunday 2026-09-20 and Saturday 2026-10-10 as working days', () => {
      expect(calendar.isWorkingDay('2026-09-20')).to.equal(true);
      expect(calendar.isWorkingDay('2026-10-10')).to.equal(true);
    });

    it('should NOT count National Day weekdays or an ordinary weekend', () => {
      for (const day of ['2026-10-01', '2026-10-05', '2026-10-07', '2026-09-25', '2026-10-11']) expect(calendar.isWorkingDay(day), day).to.equal(false);
    });
  });

  describe('#addWorkingDays', () => {
    const cases: Array<[string, number, string]> = [
      ['2026-09-18', 5, '2026-09-24'], // Fri: 9-20 (make-up Sunday) is day 1
      ['2026-09-24', 5, '2026-10-09'], // over Mid-Autumn and National Day
      ['2026-09-28', 5, '2026-10-10'], // the make-up Saturday is the 5th day
      ['2026-09-30', 20, '2026-11-03'], // the legal 20 days from the eve of the holiday
      ['2026-10-12', 10, '2026-10-26'], // an extension (Art. 42)
      ['2026-09-30', 0, '2026-09-30'], // 即办件: same day
      ['2026-10-09', -1, '2026-10-08'],
    ];
    for (const [from, days, expected] of cases) {
      it(`should give ${expected} for ${days} working days after ${from}`, () => {
        expect(calendar.addWorkingDays(from, days)).to.equal(expected);
      });
    }

    it('should NOT guess beyond the known years: 2027 is not published yet', () => {
      expect(() => calendar.addWorkingDays('2026-12-28', 10)).to.throw(CalendarRangeError, /2027-01-01.*2027 年/);
    });

    it('should NOT accept a date that is not an ISO calendar date', () => {
      expect(() => calendar.addWorkingDays('2026-02-30', 1)).to.throw(InvalidDateError);
      expect(() => calendar.addWorkingDays('2026/10/01', 1)).to.throw(InvalidDateError);
    });
  });

  describe('#workingDaysBetween', () => {
    it('should count the days after the first up to the last', () => {
      expect(calendar.workingDaysBetween('2026-09-30', '2026-10-12')).to.equal(4);
      expect(calendar.workingDaysBetween('2026-10-12', '2026-09-30')).to.equal(-4);
    });
  });

  describe('#remainingWorkingDays', () => {
    it('should count today, the make-up Saturday and the deadline', () => {
      expect(calendar.remainingWorkingDays('2026-10-09', '2026-10-12')).to.equal(3);
      expect(calendar.remainingWorkingDays('2026-10-12', '2026-10-12')).to.equal(1);
    });

    it('should be negative once the deadline has passed', () => {
      expect(calendar.remainingWorkingDays('2026-10-14', '2026-10-12')).to.equal(-2);
    });

    it('should stand still while the clock is stopped', () => {
      expect(calendar.remainingWorkingDays('2026-10-20', '2026-10-16', '2026-09-29')).to.equal(10);
    });
  });

  describe('#resumeAfterPause', () => {
    it('should add the working days of the pause (9-30, 10-08, 10-09) to the deadline', () => {
      expect(calendar.resumeAfterPause('2026-10-16', { from: '2026-09-29', to: '2026-10-09' })).to.equal('2026-10-21');
    });
  });
});

describe('#computeDeadline', () => {
  const settings = { utcOffset: '+08:00', warningWorkingDays: 1 };

  it('should give the last day, its end as due date and the start of the last day as warning', () => {
    expect(computeDeadline(calendar, '2026-09-30', 5, settings)).to.deep.equal({
      deadline: '2026-10-13', dueAt: '2026-10-13T23:59:59+08:00', warningAt: '2026-10-13T00:00:00+08:00',
    });
  });

  it('should warn two working days ahead when configured so, across the make-up Saturday', () => {
    expect(computeDeadline(calendar, '2026-09-30', 5, { ...settings, warningWorkingDays: 3 }).warningAt).to.equal('2026-10-10T00:00:00+08:00');
  });

  it('should NOT warn before the red card when the deadline starts inside the warning window (即办件)', () => {
    const deadline = computeDeadline(calendar, '2026-09-30', 0, settings);
    expect(deadline.warningAt).to.equal(deadline.dueAt);
  });
});

describe('unlessUnpublished', () => {
  it('should give nothing, not a guess, for a count that needs an unpublished year, and pass other errors on', () => {
    expect(unlessUnpublished(() => calendar.remainingWorkingDays('2026-12-30', '2027-01-05'))).to.equal(undefined);
    expect(unlessUnpublished(() => calendar.remainingWorkingDays('2026-12-30', '2026-12-31'))).to.equal(2);
    expect(() => unlessUnpublished(() => calendar.isWorkingDay('2026-02-30'))).to.throw(InvalidDateError);
  });
});
