import { describe, expect, it } from 'vitest';
import { signAccessToken, verifyAccessToken, signCommentLink, verifyCommentLink } from '../../../../src-server/auth/tokens';
import { hashPassword, verifyPassword } from '../../../../src-server/auth/passwords';

const SECRET = 's'.repeat(40);

describe('access tokens', () => {
  it('verify until they expire', () => {
    const t = signAccessToken(SECRET, { sub: 'id-1', role: 'lead' }, 1000);
    expect(verifyAccessToken(SECRET, t, 999)).toEqual({ ok: true, value: { sub: 'id-1', role: 'lead', exp: 1000 } });
    expect(verifyAccessToken(SECRET, t, 1000)).toMatchObject({ ok: false, error: { code: 'expired' } });
  });
  it('refuse tampering and other secrets', () => {
    const t = signAccessToken(SECRET, { sub: 'id-1', role: 'agent' }, 1000);
    const [v, , sig] = t.split('.');
    const forged = `${v}.${Buffer.from(JSON.stringify({ sub: 'id-1', role: 'admin', exp: 1000 })).toString('base64url')}.${sig}`;
    expect(verifyAccessToken(SECRET, forged, 0)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(verifyAccessToken('x'.repeat(40), t, 0)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(verifyAccessToken(SECRET, 42, 0)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('comment links', () => {
  it('are bound to one ticket and expire', () => {
    const sig = signCommentLink(SECRET, 7, 500);
    expect(verifyCommentLink(SECRET, 7, sig, 499).ok).toBe(true);
    expect(verifyCommentLink(SECRET, 8, sig, 0)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(verifyCommentLink(SECRET, 7, sig, 500)).toMatchObject({ ok: false, error: { code: 'expired' } });
    expect(verifyCommentLink(SECRET, 7, sig.replace(/^\d+/, '9999'), 0)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('passwords', () => {
  it('hash with a salt and verify only the right password', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('wrong', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});
