// The typed errors of library functions that take input from outside (the staff API, the online
// platform's intake), under the names they had before lib/errors.ts gathered them.
import { parseIsoDate } from '../calendar/work-calendar.js';
import { Conflict, InvalidInput, type Problem } from '../errors.js';

export { InvalidInput as InputError, Conflict as StateError };

export const problem = (field: string, rule: string, message: string): Problem => ({ field, rule, message });

/** The one ISO date rule (YYYY-MM-DD, a day that exists: no 2026-02-30, no 2026-13-01). */
export function isIsoDate(value: unknown): value is string {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}
