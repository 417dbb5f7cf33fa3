// Cluster operations over HTTP: /ready for the balancer, and /metrics for Prometheus when METRICS=on (bearer token).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { err, ok } from '../../src-shared/result';
import type { Readiness } from '../ops/readiness';
import type { ServerMetrics } from '../ops/metrics';
import { bearer, sendResult } from './reply';

/** 200's value: `degraded` names the parts down while the node still serves (present only then). */
export type ReadyStatus = { status: 'ready' } | { status: 'degraded'; degraded: { path: string; message: string }[] };

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant time whatever the presented token's length: both sides are hashed to 32 bytes first. */
export function tokenMatches(presented: string | null, expected: string): boolean {
  return presented !== null && timingSafeEqual(digest(presented), digest(expected));
}

export function registerOpsRoutes(app: FastifyInstance, readiness: Readiness, metrics: { registry: ServerMetrics; token: string } | null): void {
  // Unauthenticated: it says which part is not ready or degraded, never why in detail (no hosts, versions or errors).
  // Degraded is still 200: the balancer must keep a node that serves its own sockets right (see ops/readiness.ts).
  app.get('/ready', async (_req, reply) => {
    void reply.header('cache-control', 'no-store');
    const { notReady: reasons, degraded } = await readiness.check();
    if (reasons.length === 0) {
      const status: ReadyStatus = degraded.length === 0 ? { status: 'ready' } : { status: 'degraded', degraded: degraded.map((d) => ({ path: d.check, message: d.message })) };
      return sendResult(reply, ok(status));
    }
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
