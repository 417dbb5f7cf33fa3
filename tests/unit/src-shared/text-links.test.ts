import { describe, expect, it } from 'vitest';
import { safeHref, splitLinks } from '../../../src-shared/text-links';

describe('splitLinks', () => {
  it('turns http and https URLs into links and keeps the rest as text', () => {
    expect(splitLinks('see https://example.com/a?b=1 and http://x.org')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'http://x.org', href: 'http://x.org/' },
    ]);
  });

  it('never links javascript:, data: or other schemes', () => {
    const segs = splitLinks('javascript:alert(1) data:text/html,<b>x</b> ftp://host/file');
    expect(segs.every((s) => s.kind === 'text')).toBe(true);
    expect(splitLinks('javascript:alert(1)')).toEqual([{ kind: 'text', text: 'javascript:alert(1)' }]);
  });

  it('links only the http(s) URL inside HTML, never the markup around it', () => {
    const text = 'javascript:alert(1) data:text/html,<b>x</b> <a href="https://evil">y</a>';
    const links = splitLinks(text).filter((s) => s.kind === 'link');
    expect(links.every((l) => l.kind === 'link' && l.href.startsWith('https://evil'))).toBe(true);
  });

  it('leaves trailing sentence punctuation out of the link', () => {
    const segs = splitLinks('Go to https://example.com/help.');
    expect(segs[1]).toEqual({ kind: 'link', text: 'https://example.com/help', href: 'https://example.com/help' });
    expect(segs[2]).toEqual({ kind: 'text', text: '.' });
  });

  it('leaves sentence punctuation and an unmatched closing parenthesis outside the link', () => {
    expect(splitLinks('(see https://example.com/page).')).toEqual([
      { kind: 'text', text: '(see ' },
      { kind: 'link', text: 'https://example.com/page', href: 'https://example.com/page' },
      { kind: 'text', text: ').' },
    ]);
  });

  it('keeps a parenthesis the URL itself opened', () => {
    const [, link] = splitLinks('x https://en.wikipedia.org/wiki/Foo_(bar) y');
    expect(link).toEqual({ kind: 'link', text: 'https://en.wikipedia.org/wiki/Foo_(bar)', href: 'https://en.wikipedia.org/wiki/Foo_(bar)' });
  });

  it('links bare www. hosts over https', () => {
    expect(splitLinks('www.example.com')).toEqual([{ kind: 'link', text: 'www.example.com', href: 'https://www.example.com/' }]);
  });

  it('keeps markup-looking text as literal text', () => {
    expect(splitLinks('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
    expect(splitLinks('hello <b>world</b>')).toEqual([{ kind: 'text', text: 'hello <b>world</b>' }]);
  });
});

describe('safeHref', () => {
  it('accepts only parseable http(s) URLs', () => {
    expect(safeHref('https://a.b/c')).toBe('https://a.b/c');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});
