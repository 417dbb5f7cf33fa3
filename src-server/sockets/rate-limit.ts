// A token bucket per socket: a burst is fine, a flood gets `rate_limited` acks instead of server work.
export interface RateLimit {
  /** Tokens refilled per second. */
  perSecond: number;
  /** Bucket size: how many events may arrive at once. */
  burst: number;
}

export const SOCKET_RATE_LIMIT: RateLimit = { perSecond: 100, burst: 200 };

/** Returns a `take()` that answers whether one more event is allowed at `now()`. */
export function tokenBucket(limit: RateLimit, now: () => number): () => boolean {
  let tokens = limit.burst;
  let last = now();
  return () => {
    const t = now();
    tokens = Math.min(limit.burst, tokens + ((t - last) / 1000) * limit.perSecond);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
