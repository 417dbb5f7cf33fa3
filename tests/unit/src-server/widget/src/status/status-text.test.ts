import { describe, expect, it } from 'vitest';
import { durationText, overallText, whenText } from '../../../../../../src-server/widget/src/status/status-text';
import { portalPageFor, returnPathFor, safeReturnPath } from '../../../../../../src-server/widget/src/portal/portal-route';
import { portalReturnPathSchema } from '../../../../../../src-shared/protocol/portal';

describe('status page text', () => {
  it('names each overall state', () => {
    expect(overallText).toEqual({ operational: 'All systems operational', degraded: 'Some systems are degraded', outage: 'We have a service outage' });
  });

  it("shows times in the reader's zone", () => {
    const at = Date.UTC(2026, 10, 18, 15, 0);
    expect(whenText(at, { locale: 'en-US', timeZone: 'Europe/Berlin' })).toBe('Nov 18, 4:00 PM');
    expect(whenText(at, { locale: 'en-US', timeZone: 'Asia/Tokyo' })).toBe('Nov 19, 12:00 AM');
  });

  it('says how long an incident lasted', () => {
    expect(durationText(10_000)).toBe('1 min');
    expect(durationText(45 * 60_000)).toBe('45 min');
    expect(durationText(125 * 60_000)).toBe('2 h 5 min');
    expect(durationText(3 * 3600_000)).toBe('3 h');
    expect(durationText(3 * 24 * 3600_000)).toBe('3 days');
  });
});

describe('the status routes in the portal shell', () => {
  it('/status and its unsubscribe page are portal screens', () => {
    expect(portalPageFor('/status', '')).toEqual({ name: 'status' });
    expect(portalPageFor('/status/', '')).toEqual({ name: 'status' });
    expect(portalPageFor('/status/unsubscribe', '?token=abc')).toEqual({ name: 'status-unsubscribe', token: 'abc' });
  });

  it('a sign-in may return to /status, but to no other non-portal path', () => {
    expect(returnPathFor('/status', '')).toBe('/status');
    expect(safeReturnPath('/status')).toBe('/status');
    expect(portalReturnPathSchema.safeParse('/statusx').success).toBe(false);
    expect(portalReturnPathSchema.safeParse('/status/../admin').success).toBe(false);
    expect(safeReturnPath('//evil.example/status')).toBe('/portal');
  });
});
