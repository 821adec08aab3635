// Typed errors that routes throw; the one error middleware turns them into responses.
import type { ValidationProblem } from '../lib/validation/application-validator.js';

export class HttpError extends Error {
  /** `extra`: further fields of the answer (e.g. the 一次性告知书 beside its problem list) */
  constructor(readonly status: number, readonly code: string, message: string, readonly problems?: ValidationProblem[], readonly extra?: Record<string, unknown>) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (message: string): HttpError => new HttpError(404, 'not-found', message);
export const forbidden = (message: string): HttpError => new HttpError(403, 'forbidden', message);
export const badRequest = (message: string, problems?: ValidationProblem[]): HttpError => new HttpError(400, 'bad-request', message, problems);
