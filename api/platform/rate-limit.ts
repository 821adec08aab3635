// Token buckets in memory: each platform client may send `burst` requests at once and then
// `perMinute` a minute. One web server process holds the buckets; a restart refills them.
export interface BucketSettings { perMinute: number; burst: number }

const MAX_BUCKETS = 10_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes a token; answers how many seconds to wait when there is none. */
  take(key: string, settings: BucketSettings): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    const perMs = settings.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: settings.burst, at: now };
    bucket.tokens = Math.min(settings.burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_BUCKETS) this.prune(settings);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  /** Forgets buckets that have refilled: they are the same as new ones. */
  private prune(settings: BucketSettings): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (this.now() - bucket.at) * (settings.perMinute / 60_000) >= settings.burst) this.buckets.delete(key);
    }
  }

  /** Gives back a token taken for something that turned out not to count (e.g. a query that succeeded). */
  refund(key: string, settings: BucketSettings): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(settings.burst, bucket.tokens + 1);
  }
}
