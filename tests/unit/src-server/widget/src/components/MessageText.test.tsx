import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MessageText } from '../../../../../../src-server/widget/src/components/MessageText';

describe('MessageText', () => {
  it('renders markup in a message as text, never as HTML', () => {
    const html = renderToStaticMarkup(<MessageText text={'<img src=x onerror=alert(1)> <script>x()</script>'} />);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders http(s) links that open in a new tab without opener or referrer', () => {
    const html = renderToStaticMarkup(<MessageText text="see https://example.com/a?b=1&c=2 now" />);
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer"');
  });
});
