// Stranger budgets across nodes: counted in Redis, one client cannot get a fresh budget from each node; with Redis
// gone each node goes on counting in its own memory (still refusing), and nothing fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisUnavailableReason, startRedis, type TestRedis } from '../../support/redis';
import { startServer, type TestServer } from '../../support/start-server';

const reason = redisUnavailableReason();

describe.skipIf(reason !== null)(`budgets on two nodes${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let redis: TestRedis;
  let dir: string;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    redis = await startRedis();
    dir = await mkdtemp(join(tmpdir(), 'switchboard-budgets-'));
    const env = { REDIS_URL: redis.url, SECRET: 'shared-secret-of-the-cluster-0123456789', RATE_LIMIT_EMAIL_US: 'ip=3/10m', TRUST_PROXY: '127.0.0.1' };
    a = await startServer({ dataDir: dir, env });
    b = await startServer({ dataDir: dir, env });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await redis?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const emailUs = async (node: TestServer, from: string) =>
    (
      await fetch(`${node.url}/api/email-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify({ clientId: randomUUID(), email: `${randomUUID().slice(0, 8)}@example.com`, departmentId: 'technical', question: 'q' }),
      })
    ).status;

  it('one client address has one budget for the whole cluster', async () => {
    expect([await emailUs(a, '203.0.113.1'), await emailUs(b, '203.0.113.1'), await emailUs(a, '203.0.113.1')]).toEqual([201, 201, 201]);
    expect(await emailUs(b, '203.0.113.1')).toBe(429);
  });

  it('with Redis down each node still refuses past the budget on its own, and serves the rest', async () => {
    await redis.stop();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await emailUs(a, '203.0.113.2'));
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect(await emailUs(b, '203.0.113.3')).toBe(201);
  });
});
