import { describe, expect, it } from 'vitest';
import type { Availability } from '../../../../../src-shared/department';
import { queuedChatView } from './chat-view-fixture';
import { tabMode } from '../../../../../src-server/widget/src/tab-mode';

const avail = (departmentId: string, inHours: boolean, mode: Availability['mode']): Availability => ({
  departmentId,
  inHours,
  mode,
  nextChangeAt: null,
  hoursText: '',
});

const chat = queuedChatView;

describe('tabMode', () => {
  it('reads CHAT when one department can chat even though the others are closed (issue 14)', () => {
    const availability = { media: avail('media', false, 'email'), tech: avail('tech', true, 'chat'), finance: avail('finance', false, 'email') };
    expect(tabMode({ chat: null, availability })).toBe('chat');
  });

  it('reads HELP when no department can chat: all closed, or open with no one available', () => {
    expect(tabMode({ chat: null, availability: { media: avail('media', false, 'email') } })).toBe('help');
    expect(tabMode({ chat: null, availability: { media: avail('media', true, 'email') } })).toBe('help');
  });

  it('reads HELP while availability is unknown', () => {
    expect(tabMode({ chat: null, availability: {} })).toBe('help');
  });

  it('reads CHAT during an open chat whatever the availability, and follows availability once it ended', () => {
    const closed = { media: avail('media', false, 'email') };
    expect(tabMode({ chat: chat({ state: 'active' }), availability: closed })).toBe('chat');
    expect(tabMode({ chat: chat({ state: 'ended' }), availability: closed })).toBe('help');
  });
});
