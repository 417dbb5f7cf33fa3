import { describe, expect, it } from 'vitest';
import { linkify, safeHref } from '../../../../../src-server/widget/src/linkify';

describe('linkify', () => {
  it('turns http and https URLs into links and keeps the rest as text', () => {
    expect(linkify('see https://example.com/a?b=1 and http://x.org')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'http://x.org', href: 'http://x.org/' },
    ]);
  });

  it('leaves sentence punctuation and an unmatched closing parenthesis outside the link', () => {
    expect(linkify('(see https://example.com/page).')).toEqual([
      { kind: 'text', text: '(see ' },
      { kind: 'link', text: 'https://example.com/page', href: 'https://example.com/page' },
      { kind: 'text', text: ').' },
    ]);
  });

  it('keeps a parenthesis the URL itself opened', () => {
    const [, link] = linkify('x https://en.wikipedia.org/wiki/Foo_(bar) y');
    expect(link).toEqual({ kind: 'link', text: 'https://en.wikipedia.org/wiki/Foo_(bar)', href: 'https://en.wikipedia.org/wiki/Foo_(bar)' });
  });

  it('links bare www. hosts over https', () => {
    expect(linkify('www.example.com')).toEqual([{ kind: 'link', text: 'www.example.com', href: 'https://www.example.com/' }]);
  });

  it('never links javascript:, data: or HTML', () => {
    const text = 'javascript:alert(1) data:text/html,<b>x</b> <a href="https://evil">y</a>';
    const links = linkify(text).filter((s) => s.kind === 'link');
    expect(links.every((l) => l.kind === 'link' && l.href.startsWith('https://evil'))).toBe(true);
    expect(linkify('javascript:alert(1)')).toEqual([{ kind: 'text', text: 'javascript:alert(1)' }]);
    expect(safeHref('javascript:alert(1)')).toBeNull();
  });

  it('returns plain text unchanged when there is no URL', () => {
    expect(linkify('hello <b>world</b>')).toEqual([{ kind: 'text', text: 'hello <b>world</b>' }]);
  });
});
