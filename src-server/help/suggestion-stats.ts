// The lead dashboard's suggestion numbers from today's sessions grouped by outcome (db/help-suggestion-events.ts).
import type { HelpSuggestionStats } from '../../src-shared/stats';
import type { SessionOutcomeGroup } from '../db/help-suggestion-events';

/**
 * Only sessions that were shown suggestions count: an `opened` or `asked` without a `shown` today (a page left open
 * over midnight, or a hand-made post) says nothing about today's suggestions. A chat is avoided when the customer
 * opened an article and then sent neither a chat nor an email from that page load.
 */
export function suggestionStats(groups: readonly SessionOutcomeGroup[]): HelpSuggestionStats {
  let sessionsShown = 0;
  let sessionsOpened = 0;
  let chatsAvoided = 0;
  for (const g of groups) {
    if (!g.shown) continue;
    sessionsShown += g.sessions;
    if (g.opened) sessionsOpened += g.sessions;
    if (g.opened && !g.asked) chatsAvoided += g.sessions;
  }
  // No rate before anything was shown (0 % would read as "suggestions never help").
  return { sessionsShown, sessionsOpened, chatsAvoided, openedRate: sessionsShown === 0 ? null : sessionsOpened / sessionsShown };
}
