import type { Deadline } from '../../lib/calendar/deadlines.js';

/**
 * decision → decisionDeadline, decisionStartsAt (the day's first moment), decisionDueAt (its
 * last), decisionWarningAt: what timers and due dates read.
 */
export function deadlineVariables(name: string, deadline: Deadline): Record<string, unknown> {
  return {
    [`${name}Deadline`]: deadline.deadline,
    [`${name}StartsAt`]: deadline.dueAt.replace('T23:59:59', 'T00:00:00'),
    [`${name}DueAt`]: deadline.dueAt,
    [`${name}WarningAt`]: deadline.warningAt,
  };
}
