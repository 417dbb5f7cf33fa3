// Article Markdown → HTML: what readers may see (links, our images, embedded videos) and what never gets through
// (raw HTML, script links, other sites' images, attributes from the input), checked by example and by property.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAllowedHref, renderArticleHtml, videoEmbedOf } from '../../../src-shared/help-markdown';

const videoHosts = ['www.youtube.com', 'youtube.com', 'youtu.be', 'player.vimeo.com', 'vimeo.com'];
const render = (md: string, hosts: readonly string[] = videoHosts) => renderArticleHtml(md, { videoHosts: hosts });

/** Every start tag of the output with its attributes, as a browser would read them (names lower-cased, entities decoded). */
function tagsOf(html: string): { name: string; attrs: [string, string][] }[] {
  const decode = (v: string) =>
    v
      .replace(/&#x([0-9a-f]+);?/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);?/g, (_m, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: (m[1] ?? '').toLowerCase(),
    attrs: [...(m[2] ?? '').matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [(a[1] ?? '').toLowerCase(), decode(a[2] ?? '')] as [string, string]),
  }));
}

const ALLOWED_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'img', 'em', 'strong', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
  'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'iframe',
]);
const ALLOWED_ATTRS = new Set([
  'href', 'rel', 'target', 'src', 'alt', 'title', 'loading', 'class', 'start', 'style', 'role', 'aria-label', 'tabindex',
  'sandbox', 'allow', 'allowfullscreen', 'referrerpolicy',
]);

/** The promises the renderer makes about any input: only known tags and attributes, and only safe URLs in them. */
function assertSafe(html: string): void {
  expect(html.toLowerCase()).not.toContain('<script');
  for (const tag of tagsOf(html)) {
    expect(ALLOWED_TAGS.has(tag.name), `tag <${tag.name}> in ${html}`).toBe(true);
    for (const [name, value] of tag.attrs) {
      expect(ALLOWED_ATTRS.has(name), `attribute ${name} in ${html}`).toBe(true);
      expect(name.startsWith('on'), `event handler ${name}`).toBe(false);
      expect(value.toLowerCase(), `${name}="${value}"`).not.toMatch(/javascript:|vbscript:/);
      // Table cells' alignment is markdown-it's own "text-align:…"; nothing else may style.
      if (name === 'style') expect(value).toMatch(/^text-align:(left|right|center)$/);
      // `[t]()` links to this very page: harmless, and markdown-it's own behaviour.
      if (name === 'href') expect(value === '' || isAllowedHref(value), `href ${value}`).toBe(true);
      if (name === 'src' && tag.name === 'img') expect(value).toMatch(/^\/help\/images\//);
      if (name === 'src' && tag.name === 'iframe') expect(value).toMatch(/^https:\/\/(www\.youtube-nocookie\.com\/embed|player\.vimeo\.com\/video)\/[A-Za-z0-9_-]+$/);
    }
  }
}

describe('renderArticleHtml', () => {
  it('renders headings (h1 as h2), emphasis, lists, code and tables', () => {
    const html = render('# Title\n\nSome *soft* and **bold** text.\n\n- one\n- two\n\n`code`\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    // The page's h1 is the article title: the body's top heading is one level below.
    expect(html).toContain('<h2>Title</h2>');
    expect(render('## Sub')).toBe('<h2>Sub</h2>\n');
    expect(html).toContain('<em>soft</em>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<div class="help-table" role="region" aria-label="Table" tabindex="0"><table>');
    expect(html).toContain('<td>1</td>');
  });

  it('shows raw HTML as text', () => {
    const html = render('<script>alert(1)</script>\n\nHello <img src=x onerror=alert(1)> <b onmouseover="x()">b</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<(script|img|b)\b/);
  });

  it('keeps http(s), mailto and own-path links; drops script, protocol-relative and other schemes', () => {
    const html = render(
      '[a](https://example.com/x) [b](/help/articles/x) [c](mailto:help@example.com) [d](javascript:alert(1)) [e](JaVaScRiPt:alert(1)) ' +
        '[f](&#106;avascript:alert(1)) [g](//evil.example) [h](/\\evil.example) [i](data:text/html,hi) [j](vbscript:x) [k](ftp://x.example) [l](%6Aavascript:alert(1))',
    );
    expect(html).toContain('<a href="https://example.com/x" rel="noopener noreferrer nofollow" target="_blank">a</a>');
    expect(html).toContain('<a href="/help/articles/x">b</a>');
    expect(html).toContain('<a href="mailto:help@example.com">c</a>');
    for (const text of ['d', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']) expect(html).not.toContain(`>${text}</a>`);
    assertSafe(html);
  });

  it('linkifies bare addresses, opening other sites in a new tab', () => {
    const html = render('See www.example.com or write to help@example.com.');
    expect(html).toContain('<a href="http://www.example.com" rel="noopener noreferrer nofollow" target="_blank">www.example.com</a>');
    expect(html).toContain('<a href="mailto:help@example.com">help@example.com</a>');
  });

  it('keeps our stored images, lazily; any other image becomes its alt text', () => {
    const html = render('![Settings screen](/help/images/abc-123.png "The screen") ![Remote](https://evil.example/x.png) ![Inline](data:image/png;base64,AAAA) ![Up](/help/images/../secret)');
    expect(html).toContain('<img src="/help/images/abc-123.png" alt="Settings screen" title="The screen" loading="lazy">');
    expect(html).toContain('Remote');
    expect(html).not.toContain('evil.example');
    expect(html.match(/<img/g)).toHaveLength(1);
    assertSafe(html);
  });

  it('embeds a lone link to an allowed video host as a sandboxed player', () => {
    const yt = render('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(yt).toBe(
      '<div class="help-video"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube video" sandbox="allow-scripts allow-same-origin allow-presentation" allow="fullscreen" allowfullscreen loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe></div>\n',
    );
    expect(render('<https://youtu.be/dQw4w9WgXcQ>')).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    const vimeo = render('[Setting up a stream](https://vimeo.com/76979871)');
    expect(vimeo).toContain('src="https://player.vimeo.com/video/76979871" title="Setting up a stream"');
    expect(render('https://player.vimeo.com/video/76979871')).toContain('<iframe src="https://player.vimeo.com/video/76979871"');
  });

  it('leaves a video link a link inside text, off the allow-list, or when its path is not a video', () => {
    expect(render('Watch https://www.youtube.com/watch?v=dQw4w9WgXcQ now')).not.toContain('<iframe');
    expect(render('https://www.youtube.com/watch?v=dQw4w9WgXcQ', ['vimeo.com'])).not.toContain('<iframe');
    expect(render('https://www.youtube.com/channel/abcdefghijk')).not.toContain('<iframe');
    expect(render('https://evil.example/watch?v=dQw4w9WgXcQ')).not.toContain('<iframe');
    expect(render('https://vimeo.com/about')).not.toContain('<iframe');
    expect(render('[a](https://youtu.be/dQw4w9WgXcQ) [b](https://youtu.be/dQw4w9WgXcQ)')).not.toContain('<iframe');
  });

  it('takes nothing from the input into the player but the video id', () => {
    const html = render('[x" onload="alert(1)](https://www.youtube.com/watch?v=dQw4w9WgXcQ&autoplay=1"onload=x)');
    assertSafe(html);
    const yt = render('https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=x"onload="y');
    assertSafe(yt);
    expect(videoEmbedOf('https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>', videoHosts)).toBeNull();
  });

  it('escapes a code fence language that tries to break out of its class', () => {
    const html = render('```js"><script>alert(1)</script>\ncode\n```');
    expect(html).not.toContain('<script');
    assertSafe(html);
  });
});

describe('renderArticleHtml on any input (property)', () => {
  const pieces = [
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', 'javascript:alert(1)',
    '&#106;avascript:', '&#x6A;avascript:', 'JAVASCRIPT:', '//evil.example', '/\\evil.example', 'data:text/html;base64,PHNjcmlwdD4=',
    '[', ']', '(', ')', '![', '<', '>', '"', "'", '`', '```', '\n', '\n\n', ' ', '*', '_', '#', '|', '-', ':', '/',
    'onload=', ' onerror="x"', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://vimeo.com/1234', '/help/images/a.png',
    'mailto:a@b.c', 'www.example.com', 'text', 'vbscript:', '%6Aavascript:', '\u0000', '\t',
  ];
  const markdown = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((a) => a.join(''));
  const linky = fc
    .tuple(fc.constantFrom('[t](', '![t](', '<', '[t]: '), fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((a) => a.join('')), fc.constantFrom(')', '>', '\n\n[t]'))
    .map(([a, b, c]) => `${a}${b}${c}`);

  it('never lets a script tag, an event handler, a script URL or a foreign image through', () => {
    fc.assert(
      fc.property(fc.oneof(markdown, linky), (md) => {
        assertSafe(render(md));
      }),
      { numRuns: 2000, seed: 16 },
    );
  });
});

describe('isAllowedHref', () => {
  it.each([
    ['https://example.com', true],
    ['HTTP://example.com', true],
    ['mailto:a@b.c', true],
    ['/help', true],
    ['//evil.example', false],
    ['/\\evil.example', false],
    ['/%5Cevil.example', false],
    ['javascript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['help/relative', false],
    ['#top', false],
  ])('%s → %s', (href, allowed) => {
    expect(isAllowedHref(href)).toBe(allowed);
  });
});
