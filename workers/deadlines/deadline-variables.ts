import type { Deadline } from '../../lib/calendar/deadlines.js';

/** decision → decisionDeadline, decisionDueAt, decisionWarningAt: what timers and due dates read. */
export function deadlineVariables(name: string, deadline: Deadline): Record<string, unknown> {
  return { [`${name}Deadline`]: deadline.deadline, [`${name}DueAt`]: deadline.dueAt, [`${name}WarningAt`]: deadline.warningAt };
}
