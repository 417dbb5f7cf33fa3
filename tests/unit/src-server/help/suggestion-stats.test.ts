import { describe, expect, it } from 'vitest';
import { suggestionStats } from '../../../../src-server/help/suggestion-stats';
import type { SessionOutcomeGroup } from '../../../../src-server/db/help-suggestion-events';

const g = (shown: boolean, opened: boolean, asked: boolean, sessions: number): SessionOutcomeGroup => ({ shown, opened, asked, sessions });

describe('suggestionStats', () => {
  it('has no rate before any suggestion was shown', () => {
    expect(suggestionStats([])).toEqual({ sessionsShown: 0, sessionsOpened: 0, chatsAvoided: 0, openedRate: null });
  });

  it('counts sessions shown, opened, and opened without asking as chats avoided', () => {
    const stats = suggestionStats([
      g(true, false, false, 5), // looked, went away
      g(true, false, true, 4), // asked without opening
      g(true, true, false, 2), // opened, never asked: avoided
      g(true, true, true, 1), // opened, asked anyway
    ]);
    expect(stats).toEqual({ sessionsShown: 12, sessionsOpened: 3, chatsAvoided: 2, openedRate: 0.25 });
  });

  it('ignores sessions that logged no shown today (an opened or asked alone says nothing about today)', () => {
    expect(suggestionStats([g(false, true, false, 7), g(false, false, true, 3), g(true, true, false, 1)])).toEqual({
      sessionsShown: 1,
      sessionsOpened: 1,
      chatsAvoided: 1,
      openedRate: 1,
    });
  });
});
