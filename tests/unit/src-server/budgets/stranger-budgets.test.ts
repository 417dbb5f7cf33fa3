import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { StrangerBudgets } from '../../../../src-server/budgets/stranger-budgets';
import { limiterFactory } from '../../../../src-server/budgets/limiter-store';
import { DEFAULT_BUDGETS } from '../../../../src-server/budgets/budget-spec';

const log = pino({ level: 'silent' });
const rate = (points: number) => ({ points, durationMs: 60_000 });

function budgets(spec: Partial<typeof DEFAULT_BUDGETS>, redis: { isReady: boolean } | null = null) {
  return new StrangerBudgets({ ...DEFAULT_BUDGETS, ...spec }, limiterFactory({ redis, log }));
}

describe('stranger budgets', () => {
  it('refuses an address past its budget with rate_limited and the wait, while other addresses go on', async () => {
    const b = budgets({ email_request: { ip: rate(2) } });
    expect((await b.take('email_request', { address: '198.51.100.1' })).ok).toBe(true);
    expect((await b.take('email_request', { address: '198.51.100.1' })).ok).toBe(true);
    const refused = await b.take('email_request', { address: '198.51.100.1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    if (refused.ok) throw new Error('unreachable');
    expect(refused.error.retryAfterMs).toBeGreaterThan(0);
    expect(refused.error.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect((await b.take('email_request', { address: '198.51.100.2' })).ok).toBe(true);
  });

  it('bounds what one target address receives across many callers, case-insensitively', async () => {
    const b = budgets({ chat_request: { target: rate(2) } });
    expect((await b.take('chat_request', { address: '198.51.100.1', target: 'victim@example.com' })).ok).toBe(true);
    expect((await b.take('chat_request', { address: '198.51.100.2', target: 'Victim@Example.com' })).ok).toBe(true);
    expect((await b.take('chat_request', { address: '198.51.100.3', target: 'victim@example.com' })).ok).toBe(false);
    expect((await b.take('chat_request', { address: '198.51.100.3', target: 'someone@example.com' })).ok).toBe(true);
  });

  it('one flooding address, refused by its own budget, does not use up the global one', async () => {
    const b = budgets({ comment: { ip: rate(2), global: rate(5) } });
    for (let i = 0; i < 50; i++) await b.take('comment', { address: '203.0.113.66' });
    // Only the flood's 2 admitted comments count globally: 3 more callers fit in the 5.
    for (let i = 0; i < 3; i++) expect((await b.take('comment', { address: `198.51.100.${i}` })).ok).toBe(true);
    // Now the global budget is spent for everyone.
    expect(await b.take('comment', { address: '198.51.100.200' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('an IPv6 caller cannot escape by changing addresses inside its /64', async () => {
    const b = budgets({ upload: { ip: rate(2) } });
    expect((await b.take('upload', { address: '2001:db8:0:1::1' })).ok).toBe(true);
    expect((await b.take('upload', { address: '2001:db8:0:1::2' })).ok).toBe(true);
    expect((await b.take('upload', { address: '2001:db8:0:1::3' })).ok).toBe(false);
  });

  it('with Redis configured but down, each node still enforces the limits in memory (never open, never a crash)', async () => {
    const b = budgets({ email_request: { ip: rate(2) } }, { isReady: false });
    expect((await b.take('email_request', { address: '198.51.100.1' })).ok).toBe(true);
    expect((await b.take('email_request', { address: '198.51.100.1' })).ok).toBe(true);
    expect(await b.take('email_request', { address: '198.51.100.1' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('with Redis hanging, a call falls back to memory after the timeout instead of waiting', async () => {
    const hanging = { isReady: true, eval: () => new Promise(() => undefined), multi: () => ({}) };
    const b = budgets({ email_request: { ip: rate(1) } }, hanging);
    const started = Date.now();
    expect((await b.take('email_request', { address: '198.51.100.1' })).ok).toBe(true);
    expect(await b.take('email_request', { address: '198.51.100.1' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
