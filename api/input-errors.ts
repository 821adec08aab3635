// The library's typed input errors as HTTP answers: 400 with every problem, 409 for a state
// that does not allow the request.
import { InputError, StateError } from '../lib/validation/input-error.js';
import { HttpError } from './errors.js';

export async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InputError) throw new HttpError(400, 'bad-request', error.message, error.problems);
    if (error instanceof StateError) throw new HttpError(409, error.code, error.message);
    throw error;
  }
}
