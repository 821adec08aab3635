// How far the working-day calendar reaches, and when analysts are warned to enter next year.
import { expect } from 'chai';
import { calendarHorizon } from '../../../lib/calendar/horizon.js';

describe('calendar horizon (工作日历的发布范围)', () => {
  it('should warn from 60 days before the last published day, saying which year to enter', () => {
    const horizon = calendarHorizon([2025, 2026], '2026-11-29', 60);
    expect(horizon).to.include({ publishedUntil: '2026-12-31', daysLeft: 32, nextYear: 2027, warning: true });
    expect(horizon.message).to.contain('2027').and.to.contain('待发布工作日历').and.to.contain('/calendar');
  });

  it('should NOT warn before the 60 days, and count on through consecutive published years', () => {
    expect(calendarHorizon([2026], '2026-11-01', 60)).to.include({ daysLeft: 60, warning: true });
    expect(calendarHorizon([2026], '2026-10-31', 60)).to.include({ daysLeft: 61, warning: false, message: null });
    expect(calendarHorizon([2026, 2027, 2029], '2026-11-29', 60)).to.include({ publishedUntil: '2027-12-31', nextYear: 2028, warning: false });
  });

  it('should warn at once when this year itself is not published', () => {
    expect(calendarHorizon([2026], '2027-01-04', 60)).to.include({ publishedUntil: null, daysLeft: 0, nextYear: 2027, warning: true });
  });
});
