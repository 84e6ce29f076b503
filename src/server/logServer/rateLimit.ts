// A token bucket per client, in memory only: the key (an address) is never
// stored or logged, and the buckets are dropped once they are full again.

export interface RateLimit {
  /** Requests a client may send at once. @default 60 */
  burst: number;
  /** Requests per minute a client may keep sending after the burst. @default 60 */
  perMinute: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 60, perMinute: 60 };

// A flood of distinct keys must not grow memory without bound.
const MAX_CLIENTS = 50_000;

/** `take(key)` is 0 when the request may pass, or the seconds to wait. */
export function createRateLimiter(limit: RateLimit, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (b: { tokens: number; at: number }, t: number) => {
    b.tokens = Math.min(limit.burst, b.tokens + ((t - b.at) / 60_000) * limit.perMinute);
    b.at = t;
  };
  const prune = (t: number) => {
    for (const [key, b] of buckets) {
      refill(b, t);
      if (b.tokens >= limit.burst) buckets.delete(key);
    }
    // Still full of busy clients: forget the oldest rather than grow.
    for (const key of buckets.keys()) {
      if (buckets.size < MAX_CLIENTS) break;
      buckets.delete(key);
    }
  };
  return {
    take(key: string): number {
      const t = now();
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= MAX_CLIENTS) prune(t);
        b = { tokens: limit.burst, at: t };
        buckets.set(key, b);
      }
      refill(b, t);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - b.tokens) / limit.perMinute) * 60);
    },
  };
}
