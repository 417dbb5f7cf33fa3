import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { HelpSuggestionsCard } from '../../../../src-renderer/dashboard/HelpSuggestionsCard';

const figure = (html: string, testId: string) => new RegExp(`data-testid="${testId}"><dt class="kpi-label">([^<]+)</dt><dd class="kpi-value">([^<]+)</dd>`).exec(html)?.slice(1);

describe('HelpSuggestionsCard', () => {
  it('shows the three counts the server computed and the opened rate as a whole percent', () => {
    const html = renderToStaticMarkup(<HelpSuggestionsCard stats={{ sessionsShown: 3, sessionsOpened: 2, chatsAvoided: 1, openedRate: 2 / 3 }} />);
    expect(html).toContain('Help center suggestions');
    expect(figure(html, 'suggest-shown')).toEqual(['Sessions shown articles', '3']);
    expect(figure(html, 'suggest-opened')).toEqual(['Opened an article', '2']);
    expect(figure(html, 'suggest-avoided')).toEqual(['Chats avoided', '1']);
    expect(figure(html, 'suggest-rate')).toEqual(['Opened rate', '67%']);
  });

  it('shows a dash, not 0 %, before any suggestion was shown', () => {
    const html = renderToStaticMarkup(<HelpSuggestionsCard stats={{ sessionsShown: 0, sessionsOpened: 0, chatsAvoided: 0, openedRate: null }} />);
    expect(figure(html, 'suggest-rate')).toEqual(['Opened rate', '—']);
  });
});
