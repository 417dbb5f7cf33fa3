import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTokenKeeper } from '../../../../../src-main/core/sync/token-keeper';
import { err, ok, type Result } from '../../../../../src-shared/result';
import type { AuthTokens } from '../../../../../src-shared/protocol/http';
import { specialist } from '../../entity-fixtures';

/** A server's refresh route: each refresh token works once and is replaced (rotation). */
function rotatingServer(now: () => number) {
  const valid = new Set<string>();
  const issue = (): AuthTokens => {
    const refreshToken = `r-${randomUUID()}`;
    valid.add(refreshToken);
    return { accessToken: `a-${randomUUID()}`, accessExpiresAt: now() + 900_000, refreshToken, specialist: specialist() };
  };
  let calls = 0;
  return {
    issue,
    calls: () => calls,
    async refresh(token: string): Promise<Result<AuthTokens>> {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      if (!valid.delete(token)) return err('unauthorized', 'Refresh token is invalid, used or expired; log in again.');
      return ok(issue());
    },
  };
}

describe('token keeper', () => {
  it('shares one refresh among concurrent callers, so none of them is refused', async () => {
    let now = 1_000_000;
    const server = rotatingServer(() => now);
    const first = server.issue();
    let saved = first.refreshToken;
    const keeper = createTokenKeeper({
      initial: first,
      storedRefreshToken: () => saved,
      refresh: (t) => server.refresh(t),
      clock: { now: () => now },
      onTokens: (t) => (saved = t.refreshToken),
    });
    now += 900_000; // the access token is past its refresh margin
    const results = await Promise.all([keeper.accessToken(), keeper.accessToken(), keeper.accessToken()]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.value : null))).size).toBe(1);
    expect(server.calls()).toBe(1);
    expect(saved).not.toBe(first.refreshToken);
  });

  it('does not log out when its token was already rotated by another part of this console', async () => {
    const now = 1_000_000;
    const server = rotatingServer(() => now);
    const first = server.issue();
    let saved = first.refreshToken;
    const save = (t: AuthTokens) => (saved = t.refreshToken);
    // Two keepers started from the same stored token (an engine being replaced while the old one still refreshes).
    const a = createTokenKeeper({ initial: null, storedRefreshToken: () => saved, refresh: (t) => server.refresh(t), clock: { now: () => now }, onTokens: save });
    const b = createTokenKeeper({ initial: null, storedRefreshToken: () => saved, refresh: (t) => server.refresh(t), clock: { now: () => now }, onTokens: save });
    const [ra, rb] = await Promise.all([a.accessToken(), b.accessToken()]);
    expect(ra.ok && rb.ok).toBe(true);
  });

  it('still reports a refused session when nothing newer exists', async () => {
    const keeper = createTokenKeeper({
      initial: null,
      storedRefreshToken: () => 'r-stale',
      refresh: async () => err('unauthorized', 'used'),
      clock: { now: () => 0 },
      onTokens: () => undefined,
    });
    expect(await keeper.accessToken()).toEqual(err('unauthorized', 'used'));
  });
});
