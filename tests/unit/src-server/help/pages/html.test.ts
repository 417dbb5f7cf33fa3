// The pages' HTML template: every value escaped, lists joined, nothing for false/null, markup only when made by html``.
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trusted } from '../../../../../src-server/help/pages/html';

describe('html template', () => {
  it('escapes every interpolated string, in text and attributes', () => {
    const evil = `"><script>alert('x')</script>&`;
    expect(html`<a title="${evil}">${evil}</a>`.markup).toBe(
      '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</a>',
    );
    expect(escapeHtml("<>&\"'")).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('nests html fragments as markup and joins lists', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>`.markup).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('renders nothing for false, null and undefined, and numbers as text', () => {
    expect(html`${false}${null}${undefined}${0}${3}`.markup).toBe('03');
  });

  it('passes trusted markup through, and only that', () => {
    expect(html`${trusted('<p>ok</p>')}`.markup).toBe('<p>ok</p>');
    expect(html`${{ markup: '<b>' } as unknown as string}`.markup).toBe('[object Object]');
  });
});
