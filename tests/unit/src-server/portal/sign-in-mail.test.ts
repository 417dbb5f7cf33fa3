// The portal sign-in mail (src-server/email/templates.ts, portalSignIn): kept with the portal's tests.
import { describe, expect, it } from 'vitest';
import { portalSignIn } from '../../../../src-server/email/templates';

describe('the sign-in mail', () => {
  it('carries the link, says it works once and for how long, and that it can be ignored', () => {
    const { subject, text } = portalSignIn({ link: 'https://s.example/portal/sign-in?token=t', ttlMs: 30 * 60_000 });
    expect(subject).toBe('Your sign-in link for the support portal');
    expect(text).toContain('https://s.example/portal/sign-in?token=t');
    expect(text).toContain('works once, within 30 minutes');
    expect(text).toContain('you can ignore this email');
    expect(portalSignIn({ link: 'l', ttlMs: 3_600_000 }).text).toContain('within 1 hour.');
    expect(portalSignIn({ link: 'l', ttlMs: 2 * 86_400_000 }).text).toContain('within 2 days.');
    expect(portalSignIn({ link: 'l', ttlMs: 90 * 60_000 }).text).toContain('within 90 minutes.');
  });
});
