// Typed errors of the library functions that take input from outside (the staff API, the
// online platform's intake): the caller maps them to its answer (400 with the problems, 409).
import type { ValidationProblem } from './application-validator.js';

/** Bad input: every problem at once, each naming the field and the rule, in Chinese. Nothing was stored. */
export class InputError extends Error {
  readonly status = 400;
  readonly code = 'invalid-input';

  constructor(message: string, readonly problems: ValidationProblem[]) {
    super(message);
    this.name = 'InputError';
  }
}

/** The input is fine but the thing it acts on is not in a state that allows it (HTTP 409). */
export class StateError extends Error {
  readonly status = 409;

  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'StateError';
  }
}

export const problem = (field: string, rule: string, message: string): ValidationProblem => ({ field, rule, message });

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
