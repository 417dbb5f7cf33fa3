// Cluster operations over HTTP: /ready for the balancer, and /metrics for Prometheus when METRICS=on (bearer token).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { err, ok } from '../../src-shared/result';
import type { Readiness } from '../ops/readiness';
import type { ServerMetrics } from '../ops/metrics';
import { bearer, sendResult } from './reply';

export interface ReadyStatus {
  status: 'ready';
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant time whatever the presented token's length: both sides are hashed to 32 bytes first. */
export function tokenMatches(presented: string | null, expected: string): boolean {
  return presented !== null && timingSafeEqual(digest(presented), digest(expected));
}

export function registerOpsRoutes(app: FastifyInstance, readiness: Readiness, metrics: { registry: ServerMetrics; token: string } | null): void {
  // Unauthenticated: it says which part is not ready, never why in detail (no hosts, versions or errors).
  app.get('/ready', async (_req, reply) => {
    void reply.header('cache-control', 'no-store');
    const reasons = await readiness.check();
    if (reasons.length === 0) return sendResult(reply, ok<ReadyStatus>({ status: 'ready' }));
    const body = err('unavailable', `Not ready: ${reasons.map((r) => r.check).join(', ')}.`, reasons.map((r) => ({ path: r.check, message: r.message })));
    return reply.code(503).send(body);
  });

  // Off by default: without METRICS=on the route does not exist and answers like any unknown path.
  if (!metrics) return;
  app.get('/metrics', async (req, reply) => {
    void reply.header('cache-control', 'no-store');
    if (!tokenMatches(bearer(req.headers.authorization), metrics.token)) {
      void reply.header('www-authenticate', 'Bearer');
      return sendResult(reply, err('unauthorized', 'A valid metrics token is required.'));
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.render());
  });
}
