// The help unfollow page's question, read from the link's token (unsubscribe-scope.ts).
import { describe, expect, it } from 'vitest';
import { linkScope } from '../../../../../../src-server/widget/src/help-unsubscribe/unsubscribe-scope';
import { helpUnsubscribeToken } from '../../../../../../src-server/help/help-unsubscribe';

const ID = '8f0c7a51-2f4e-4c8e-9a39-3c3f1b2d4e5f';

describe('link scope', () => {
  it('reads what the server signed: a section, an article or everything', () => {
    expect(linkScope(helpUnsubscribeToken('s', 'a@example.com', { kind: 'section', id: ID }))).toBe('section');
    expect(linkScope(helpUnsubscribeToken('s', 'a@example.com', { kind: 'article', id: ID }))).toBe('article');
    expect(linkScope(helpUnsubscribeToken('s', 'ünïcode@example.com', { kind: 'all' }))).toBe('all');
  });

  it('anything else is unknown (the server decides)', () => {
    for (const t of ['', 'abc', 'abc.def', `${btoa('{"s":5}')}.sig`, `${btoa('not json')}.sig`]) expect(linkScope(t), t).toBe('unknown');
  });
});
