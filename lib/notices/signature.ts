// The signature on each notification callback, so a platform can tell that a POST came from
// shenpi and was not altered: HMAC-SHA256, keyed with the client's callback signing secret, of
// "<unix seconds>.<raw body>", sent as `x-shenpi-timestamp` and `x-shenpi-signature: v1=<hex>`
// (the scheme of Stripe's and GitHub's webhooks). The secret must be readable to sign with, so
// it is stored as is (platform_client.callback_secret), shown once, never listed nor logged.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-shenpi-timestamp';
export const SIGNATURE_HEADER = 'x-shenpi-signature';
const VERSION = 'v1';
/** how old a signed timestamp a receiver should still accept (documented: 5 minutes) */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** A new secret: 32 random bytes, prefixed so that it is recognised if it leaks. */
export const newCallbackSecret = (): string => `spwh_${randomBytes(32).toString('base64url')}`;

const hmac = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');

/** The two headers for a body signed now (each attempt is signed anew, so retries carry a fresh time). */
export function signatureHeaders(secret: string, body: string, now: Date = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: `${VERSION}=${hmac(secret, timestamp, body)}` };
}

export type SignatureCheck = { valid: true } | { valid: false; reason: 'missing' | 'malformed' | 'expired' | 'mismatch' };

/**
 * What a receiver does (and our tests do): the raw body as received, both headers, the secret;
 * compared in constant time; a timestamp further than the tolerance from now is refused (replay).
 * Several `v1=` values (comma-separated) are accepted, for a future overlap of two secrets.
 */
export function verifySignature(secret: string, body: string, headers: { timestamp?: string | null; signature?: string | null }, options: { now?: Date; toleranceSeconds?: number } = {}): SignatureCheck {
  if (!headers.timestamp || !headers.signature) return { valid: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(headers.timestamp)) return { valid: false, reason: 'malformed' };
  const timestamp = Number(headers.timestamp);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { valid: false, reason: 'expired' };
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  const candidates = headers.signature.split(',').map((part) => part.trim()).filter((part) => part.startsWith(`${VERSION}=`))
    .map((part) => part.slice(VERSION.length + 1)).filter((hex) => /^[0-9a-f]{64}$/.test(hex));
  if (!candidates.length) return { valid: false, reason: 'malformed' };
  return candidates.some((hex) => timingSafeEqual(Buffer.from(hex, 'hex'), expected)) ? { valid: true } : { valid: false, reason: 'mismatch' };
}
