import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { HelpSearchHit } from '../../../../../../src-shared/help-center';
import { ArticleSuggestions } from '../../../../../../src-server/widget/src/components/ArticleSuggestions';

const hit: HelpSearchHit = {
  articleId: '00000000-0000-4000-8000-000000000001',
  slug: 'reset-your-password',
  title: 'Reset your <b>password</b>',
  titleParts: [
    { text: 'Reset your ', match: false },
    { text: '<b>password</b>', match: true },
  ],
  snippet: [
    { text: 'Choose ', match: false },
    { text: 'password', match: true },
    { text: ' <img src=x onerror=alert(1)>', match: false },
  ],
  sectionTitle: 'FAQs',
  productName: 'Technical',
  url: 'javascript:alert(1)',
};

const render = (hits: HelpSearchHit[]) => renderToStaticMarkup(<ArticleSuggestions id="f" origin="https://help.example.com" hits={hits} onOpen={() => undefined} />);

describe('ArticleSuggestions', () => {
  it('shows nothing but an empty live region without hits', () => {
    expect(render([])).toBe('<p class="sb-visually-hidden" aria-live="polite" data-testid="suggestions-status"></p>');
  });

  it('marks matched words from the text parts and never renders the server’s text as HTML', () => {
    const html = render([hit]);
    expect(html).toContain('<mark>&lt;b&gt;password&lt;/b&gt;</mark>');
    expect(html).toContain('<mark>password</mark>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
  });

  it('links the article by its slug on the support server in a new tab, never the answer’s url', () => {
    const html = render([hit]);
    expect(html).toContain('href="https://help.example.com/help/articles/reset-your-password"');
    expect(html).toContain('target="_blank" rel="noopener noreferrer"');
    expect(html).not.toContain('javascript:');
  });

  it('is a labelled region that announces how many articles it suggests', () => {
    const html = render([hit, { ...hit, articleId: '00000000-0000-4000-8000-000000000002', slug: 'two' }]);
    expect(html).toContain('aria-live="polite" data-testid="suggestions-status">2 suggested articles</p>');
    expect(html).toMatch(/<section class="sb-suggestions" aria-label="Suggested articles"/);
    expect(html).toContain('<h2 id="f-suggestions-title" class="sb-suggestions-title">Maybe this answers your question</h2>');
  });
});
