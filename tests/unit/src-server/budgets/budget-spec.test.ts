import { describe, expect, it } from 'vitest';
import { budgetScopes, DEFAULT_BUDGETS, parseBudgetSpec, parseRate } from '../../../../src-server/budgets/budget-spec';

describe('budget specs', () => {
  it('reads "points/window" with s, m or h, and refuses windows under a second or zero points', () => {
    expect(parseRate('60/10m')).toEqual({ points: 60, durationMs: 600_000 });
    expect(parseRate('5/h')).toEqual({ points: 5, durationMs: 3_600_000 });
    expect(parseRate(' 3 / 30s ')).toEqual({ points: 3, durationMs: 30_000 });
    expect(parseRate('0/1m')).toBeNull();
    expect(parseRate('10/0s')).toBeNull();
    expect(parseRate('ten a minute')).toBeNull();
  });

  it('replaces only the scopes named, drops one with "off", and explains what it cannot read', () => {
    const d = DEFAULT_BUDGETS.email_request;
    expect(parseBudgetSpec('', budgetScopes, d)).toEqual({ ok: true, spec: d });
    expect(parseBudgetSpec('ip=3/1m', budgetScopes, d)).toEqual({ ok: true, spec: { ...d, ip: { points: 3, durationMs: 60_000 } } });
    expect(parseBudgetSpec('target=off', budgetScopes, d)).toEqual({ ok: true, spec: { ip: d.ip, global: d.global } });
    expect(parseBudgetSpec('room=1/1m', budgetScopes, d)).toMatchObject({ ok: false, message: expect.stringContaining('unknown scope "room"') });
    expect(parseBudgetSpec('ip=lots', budgetScopes, d)).toMatchObject({ ok: false, message: expect.stringContaining('cannot read "lots"') });
  });
});
