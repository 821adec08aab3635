/** A failure to bring shenpi up, with what the operator should do next (one line each). */
export class StartupError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = 'StartupError';
  }
}

// The typed errors of domain code: what went wrong, never how to answer it. One middleware of
// the web server (api/errors.ts) and one worker wrapper translate them; nobody matches messages.

/** One problem of some input: the field, the rule it breaks, and a Chinese message naming both. */
export interface Problem {
  field: string;
  rule: string;
  message: string;
}

/** Bad input: every problem at once. Nothing was stored. (HTTP 400) */
export class InvalidInput extends Error {
  readonly code: string = 'invalid-input';

  constructor(message: string, readonly problems: Problem[]) {
    super(message);
    this.name = 'InvalidInput';
  }
}

/** The thing asked for does not exist (or may not be known to the caller). (HTTP 404) */
export class NotFound extends Error {
  constructor(message: string, readonly problems: Problem[] = []) {
    super(message);
    this.name = 'NotFound';
  }
}

/** The input is fine but what it acts on is not in a state that allows it: a second claim, a closed case. (HTTP 409) */
export class Conflict extends Error {
  constructor(readonly code: string, message: string, readonly problems: Problem[] = []) {
    super(message);
    this.name = 'Conflict';
  }
}

/** Retrying cannot help until someone changes something (configuration, data): an incident, a 422. */
export class Permanent extends Error {
  constructor(message: string, readonly code = 'permanent', readonly problems: Problem[] = []) {
    super(message);
    this.name = 'Permanent';
  }
}
