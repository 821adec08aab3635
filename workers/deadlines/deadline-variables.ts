import type { Deadline } from '../../lib/calendar/deadlines.js';

/**
 * decision → decisionDeadline, decisionStartsAt (the day's first moment), decisionDueAt (its
 * last), decisionWarningAt: what timers and due dates read.
 */
export function deadlineVariables(name: string, deadline: Deadline): Record<string, unknown> {
  return {
    [`${name}Deadline`]: deadline.deadline,
    // the first moment of the last day (a deadline in office hours is due within the day)
    [`${name}StartsAt`]: `${deadline.deadline}T00:00:00${deadline.dueAt.slice(-6)}`,
    [`${name}DueAt`]: deadline.dueAt,
    [`${name}WarningAt`]: deadline.warningAt,
  };
}
