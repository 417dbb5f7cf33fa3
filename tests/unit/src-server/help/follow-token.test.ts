// The help center's mailed unfollow token (help-unsubscribe.ts): signed, stateless, bound to address and scope.
import { describe, expect, it } from 'vitest';
import { helpUnsubscribeToken, readHelpUnsubscribeToken } from '../../../../src-server/help/help-unsubscribe';
import { helpUnsubscribeQuerySchema } from '../../../../src-shared/protocol/help';

const SECRET = 'a-test-secret-of-some-length';
const ID = '8f0c7a51-2f4e-4c8e-9a39-3c3f1b2d4e5f';

describe('help unsubscribe tokens', () => {
  it('read back the address and scope they were made for', () => {
    expect(readHelpUnsubscribeToken(SECRET, helpUnsubscribeToken(SECRET, 'ann@example.com', { kind: 'section', id: ID }))).toEqual({ email: 'ann@example.com', scope: { kind: 'section', id: ID } });
    expect(readHelpUnsubscribeToken(SECRET, helpUnsubscribeToken(SECRET, 'ann@example.com', { kind: 'article', id: ID }))?.scope).toEqual({ kind: 'article', id: ID });
    expect(readHelpUnsubscribeToken(SECRET, helpUnsubscribeToken(SECRET, 'ann@example.com', { kind: 'all' }))?.scope).toEqual({ kind: 'all' });
  });

  it('are URL-safe and fit the query schema even for a long address', () => {
    const token = helpUnsubscribeToken(SECRET, `${'x'.repeat(64)}@${'d'.repeat(180)}.example`, { kind: 'section', id: ID });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(helpUnsubscribeQuerySchema.safeParse({ token }).success).toBe(true);
  });

  it('refuse another secret, a changed address or scope, a cut signature and junk', () => {
    const token = helpUnsubscribeToken(SECRET, 'ann@example.com', { kind: 'section', id: ID });
    const [payload = '', sig = ''] = token.split('.');
    expect(readHelpUnsubscribeToken('another-secret', token)).toBeNull();
    const otherPayload = (p: object) => Buffer.from(JSON.stringify(p)).toString('base64url');
    expect(readHelpUnsubscribeToken(SECRET, `${otherPayload({ e: 'eve@example.com', s: `section:${ID}` })}.${sig}`)).toBeNull();
    expect(readHelpUnsubscribeToken(SECRET, `${otherPayload({ e: 'ann@example.com', s: 'all' })}.${sig}`)).toBeNull();
    expect(readHelpUnsubscribeToken(SECRET, `${payload}.${sig.slice(0, -4)}`)).toBeNull();
    expect(readHelpUnsubscribeToken(SECRET, payload)).toBeNull();
    expect(readHelpUnsubscribeToken(SECRET, `${Buffer.from('not json').toString('base64url')}.${sig}`)).toBeNull();
    expect(readHelpUnsubscribeToken(SECRET, `${otherPayload({ e: 'ann@example.com', s: 'product:x' })}.${sig}`)).toBeNull();
  });
});
