// Platform API keys: `spk_<clientId>.<secret>`. The client id finds the row; only a salted
// SHA-256 of the secret is stored and compared in constant time. A 256-bit random secret needs
// no slow hash: there is nothing to guess, and a fast check keeps every request cheap.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const KEY_PREFIX = 'spk_';
const KEY_PATTERN = /^spk_([a-z0-9-]{1,40})\.([A-Za-z0-9_-]{16,200})$/;

export interface StoredKey { salt: string; hash: string }

export function hashSecret(secret: string, salt: string): string {
  return createHash('sha256').update(salt).update(':').update(secret).digest('hex');
}

/** A new key for a client: the key (shown once) and what is stored of it. */
export function newApiKey(clientId: string, secret = randomBytes(32).toString('base64url')): { key: string; stored: StoredKey } {
  const salt = randomBytes(16).toString('hex');
  return { key: `${KEY_PREFIX}${clientId}.${secret}`, stored: { salt, hash: hashSecret(secret, salt) } };
}

/** The client id and secret of a key, or undefined when it is not shaped like one. */
export function parseApiKey(key: string): { clientId: string; secret: string } | undefined {
  const match = KEY_PATTERN.exec(key);
  return match ? { clientId: match[1]!, secret: match[2]! } : undefined;
}

export function secretMatches(secret: string, stored: StoredKey): boolean {
  const given = Buffer.from(hashSecret(secret, stored.salt), 'hex');
  const expected = Buffer.from(stored.hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function newClientId(): string {
  return `c${randomBytes(6).toString('hex')}`;
}
