// One counter per budget: in Redis when REDIS_URL is set (shared by every node), in memory otherwise. A Redis that
// is down or slow never stops the server and never opens the gates: each node then counts in its own memory
// (rate-limiter-flexible's insuranceLimiter), so the limits hold per node until Redis is back.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import type { Rate } from './budget-spec';

/** How long a Redis round trip may take before this node decides alone (memory) for that call. */
export const REDIS_TIMEOUT_MS = 300;

export type Decision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface Limiter {
  /** Counts one operation; refused when the window's points are used up (the refused one counts too). */
  consume(key: string): Promise<Decision>;
  /** Whether one more would be allowed, counting nothing. */
  peek(key: string): Promise<Decision>;
}

/** The subset of a node-redis client rate-limiter-flexible needs (it checks `isReady` before every call). */
export type RedisLike = { isReady: boolean };

export type LimiterFactory = (name: string, rate: Rate) => Limiter;

export function limiterFactory(deps: { redis: RedisLike | null; log: Logger }): LimiterFactory {
  return (name, rate) => {
    const opts = { keyPrefix: `switchboard:budget:${name}`, points: rate.points, duration: Math.max(1, Math.round(rate.durationMs / 1000)) };
    const memory = new RateLimiterMemory(opts);
    const store: RateLimiterAbstract = deps.redis
      ? new RLWrapperTimeouts({
          limiter: new RateLimiterRedis({ ...opts, storeClient: deps.redis, useRedisPackage: true, rejectIfRedisNotReady: true, insuranceLimiter: memory }),
          timeoutMs: REDIS_TIMEOUT_MS,
          insuranceLimiter: new RateLimiterMemory(opts),
        })
      : memory;
    const refusedBy = (res: RateLimiterRes): Decision => ({ allowed: false, retryAfterMs: Math.max(1, res.msBeforeNext) });
    return {
      async consume(key) {
        try {
          await store.consume(key);
          return { allowed: true };
        } catch (e) {
          if (e instanceof RateLimiterRes) return refusedBy(e);
          // Unreachable with an in-memory insurance; a bug here must not turn away every customer.
          deps.log.error({ err: e, budget: name }, 'budget store failed');
          return { allowed: true };
        }
      },
      async peek(key) {
        try {
          const res = await store.get(key);
          return res && res.consumedPoints >= rate.points ? refusedBy(res) : { allowed: true };
        } catch (e) {
          deps.log.error({ err: e, budget: name }, 'budget store failed');
          return { allowed: true };
        }
      },
    };
  };
}
