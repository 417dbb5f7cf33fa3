// Small pieces the help pages share: excerpts of Markdown, marked search text, dates and the pager.
import { describe, expect, it } from 'vitest';
import { html } from '../../../../../src-server/help/pages/html';
import { dateTime, excerpt, markedText, pager } from '../../../../../src-server/help/pages/layout';

describe('excerpt', () => {
  it('reads Markdown as text and cuts at a word with an ellipsis', () => {
    expect(excerpt('## Title\n\nSome **bold** [link](/x) text.')).toBe('Title Some bold link text.');
    const long = excerpt('word '.repeat(100), 30);
    expect(long.endsWith('word…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(31);
  });
});

describe('markedText', () => {
  it('wraps matched parts in <mark> and escapes all', () => {
    expect(html`${markedText([{ text: 'a <b> ', match: false }, { text: 'bill', match: true }])}`.markup).toBe('a &lt;b&gt; <mark>bill</mark>');
  });
});

describe('dateTime', () => {
  it('is the UTC day, machine- and human-readable', () => {
    expect(dateTime(Date.UTC(2026, 10, 18, 23, 30)).markup).toBe('<time datetime="2026-11-18">18 November 2026</time>');
  });
});

describe('pager', () => {
  const hrefOf = (p: number) => `/x?page=${p}`;
  it('shows nothing for a single page, and the links that exist otherwise', () => {
    expect(pager({ page: 1, more: false, hrefOf, newer: 'Newer', older: 'Older' })).toBe('');
    const middle = pager({ page: 2, more: true, hrefOf, newer: 'Newer', older: 'Older' });
    expect(String(middle)).toContain('<a rel="prev" href="/x?page=1">Newer</a>');
    expect(String(middle)).toContain('<a rel="next" href="/x?page=3">Older</a>');
  });
});
