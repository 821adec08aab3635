// HTTP Basic credentials, written (to the engine) and read (from staff API clients) in one place.
import type { Credentials } from './config.js';

export const basicAuthorization = (credentials: Credentials): string =>
  'Basic ' + Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');

/** The credentials of an `Authorization: Basic …` header; undefined for another scheme or no user name. */
export function parseBasicAuthorization(header: string | undefined): Credentials | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
