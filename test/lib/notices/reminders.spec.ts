// When the applicant is reminded of a promise: the start of the 3rd working day before its
// deadline, counted back by hand over the 2026 National Day holidays (10-01…10-07 off, Saturday
// 10-10 worked).
import { expect } from 'chai';
import { chineseDaysSeed } from '../../../lib/calendar/chinese-days.js';
import { reminderAt } from '../../../lib/notices/index.js';
import { WorkCalendar } from '../../../lib/calendar/work-calendar.js';

const seed = chineseDaysSeed();
const calendar = new WorkCalendar(seed.days, seed.years);
const settings = { utcOffset: '+08:00', warningWorkingDays: 2 };

describe('reminders (lib/notices/reminders.ts)', () => {
  describe('#reminderAt', () => {
    it('should remind on the 3rd working day before the deadline, counting the make-up Saturday', () => {
      // 10-15 (Thu) ← 10-14, 10-13, 10-12
      expect(reminderAt(calendar, '2026-10-15', '2026-09-30', settings)).to.equal('2026-10-12T00:00:00+08:00');
      // 10-13 (Tue) ← 10-12 (Mon), 10-10 (make-up Saturday), 10-09 (Fri)
      expect(reminderAt(calendar, '2026-10-13', '2026-09-30', settings)).to.equal('2026-10-09T00:00:00+08:00');
      // 10-09 (Fri) ← 10-08, 9-30, 9-29: the holidays do not count
      expect(reminderAt(calendar, '2026-10-09', '2026-09-28', settings)).to.equal('2026-09-29T00:00:00+08:00');
    });

    it('should NOT remind before the deadline when the period is 3 working days or less (the reminder is the deadline itself)', () => {
      // 3 working days from 9-30: 10-08, 10-09, 10-10; 3 back from 10-10 is 9-30, the day of the promise
      expect(reminderAt(calendar, '2026-10-10', '2026-09-30', settings)).to.equal('2026-10-10T23:59:59+08:00');
    });
  });
});
