import { describe, expect, it } from 'vitest';
import {
  badgeCount,
  candidateFor,
  coalesce,
  decide,
  initialCoalesceState,
  type NotificationContext,
  type NotificationDecision,
} from '../../../../src-main/core/notification-policy';
import { conversation, message, ticket } from '../entity-fixtures';

const meId = '00000000-0000-4000-8000-000000000001';
const ctx = (over: Partial<NotificationContext> = {}): NotificationContext => ({
  me: { id: meId, departmentIds: ['technical'], status: 'online' },
  focus: { conversationId: null, windowFocused: true },
  prefs: { enabled: true, sound: true, quietWhenAway: true },
  ...over,
});
const mine = (over = {}) => conversation({ state: 'active', specialist: { id: meId, displayName: 'Me' }, ...over });

describe('candidateFor', () => {
  it('notifies when a chat becomes assigned to me', () => {
    const c = mine();
    expect(candidateFor({ kind: 'conversation', conversation: c, previous: { ...c, state: 'queued', specialist: null } }, ctx())).toMatchObject({
      title: 'New chat assigned',
      conversationId: c.id,
      forMe: true,
    });
  });

  it('notifies about a new waiting chat only in my departments', () => {
    const waiting = conversation({ state: 'queued' });
    expect(candidateFor({ kind: 'conversation', conversation: waiting, previous: null }, ctx())?.title).toBe('Chat waiting');
    const elsewhere = conversation({ state: 'queued', departmentId: 'finance' });
    expect(candidateFor({ kind: 'conversation', conversation: elsewhere, previous: null }, ctx())).toBeNull();
  });

  it('stays silent for a chat that was already waiting', () => {
    const waiting = conversation({ state: 'queued' });
    expect(candidateFor({ kind: 'conversation', conversation: waiting, previous: waiting }, ctx())).toBeNull();
  });

  it('notifies a visitor message in my chat unless that chat is focused in a focused window', () => {
    const c = mine();
    const m = message({ conversationId: c.id, body: 'still broken' });
    expect(candidateFor({ kind: 'message', message: m, conversation: c }, ctx())?.body).toBe('still broken');
    expect(candidateFor({ kind: 'message', message: m, conversation: c }, ctx({ focus: { conversationId: c.id, windowFocused: true } }))).toBeNull();
    expect(candidateFor({ kind: 'message', message: m, conversation: c }, ctx({ focus: { conversationId: c.id, windowFocused: false } }))).not.toBeNull();
  });

  it('ignores my own messages and chats of colleagues', () => {
    const c = mine();
    expect(candidateFor({ kind: 'message', message: message({ conversationId: c.id, authorKind: 'specialist' }), conversation: c }, ctx())).toBeNull();
    const theirs = conversation({ state: 'active', specialist: { id: '00000000-0000-4000-8000-000000000002', displayName: 'Kim' } });
    expect(candidateFor({ kind: 'message', message: message({ conversationId: theirs.id }), conversation: theirs }, ctx())).toBeNull();
  });

  it('notifies a customer reply on a ticket assigned to me', () => {
    const t = ticket({ id: 9, assigneeId: meId });
    const comment = { id: '00000000-0000-4000-8000-000000000009', ticketId: 9, authorKind: 'customer' as const, authorId: null, authorName: 'C', body: 'any news?', attachments: [], internal: false, createdAt: 1 };
    expect(candidateFor({ kind: 'ticket_comment', comment, ticket: t }, ctx())?.title).toBe('Reply on ticket #9');
    expect(candidateFor({ kind: 'ticket_comment', comment: { ...comment, authorKind: 'specialist' }, ticket: t }, ctx())).toBeNull();
  });
});

describe('decide', () => {
  const general = { title: 'Chat waiting', body: 'b', conversationId: null, ticketId: null, forMe: false };
  const forMe = { ...general, forMe: true };

  it('does not notify when notifications are off', () => {
    expect(decide(forMe, ctx({ prefs: { enabled: false, sound: true, quietWhenAway: false } }))).toBeNull();
  });

  it('while away mutes the queue and keeps my chats, without sound', () => {
    const away = ctx({ me: { id: meId, departmentIds: ['technical'], status: 'away' } });
    expect(decide(general, away)).toBeNull();
    expect(decide(forMe, away)).toMatchObject({ sound: false });
  });

  it('plays a sound only when the sound preference is on', () => {
    expect(decide(general, ctx())?.sound).toBe(true);
    expect(decide(general, ctx({ prefs: { enabled: true, sound: false, quietWhenAway: true } }))?.sound).toBe(false);
  });
});

describe('coalesce', () => {
  const d: NotificationDecision = { title: 't', body: 'b', conversationId: null, ticketId: null, forMe: true, sound: true };

  it('shows one notification for 10 messages within 2 seconds', () => {
    let state = initialCoalesceState;
    let shown = 0;
    for (let i = 0; i < 10; i++) {
      const r = coalesce(state, d, 1000 + i * 200);
      state = r.state;
      if (r.show) shown++;
    }
    expect(shown).toBe(1);
    expect(state.suppressed).toBe(9);
  });

  it('shows a notification about my chat right after a general one, but not twice', () => {
    const general = { ...d, forMe: false };
    const first = coalesce(initialCoalesceState, general, 0);
    const mine = coalesce(first.state, d, 100);
    expect(mine.show).not.toBeNull();
    expect(coalesce(mine.state, d, 200).show).toBeNull();
    expect(coalesce(mine.state, general, 200).show).toBeNull();
  });

  it('mentions swallowed notifications in the next one after the window', () => {
    const first = coalesce(initialCoalesceState, d, 0);
    const second = coalesce(first.state, d, 500);
    const third = coalesce(second.state, d, 2500);
    expect(third.show?.body).toBe('b (+1 more)');
    expect(third.state.suppressed).toBe(0);
  });
});

describe('badgeCount', () => {
  it('counts unread chats plus waiting chats in my departments', () => {
    expect(badgeCount({ a: 3, b: 0, c: 1 }, { technical: 2, finance: 5 }, ['technical'])).toBe(4);
  });
});

describe('incident alerts', () => {
  it('an alert is always worth a notification for the lead who gets it, even while away', () => {
    const ctx = {
      me: { id: 'lead', departmentIds: ['technical'], status: 'away' as const },
      focus: { conversationId: null, windowFocused: true },
      prefs: { enabled: true, sound: true, quietWhenAway: true },
    };
    const candidate = candidateFor({ kind: 'incident_alert', alert: { category: 'streaming', eid: 'e9', count: 6, firstAt: 1, lastAt: 2, ticketIds: [1] } }, ctx);
    expect(candidate).toMatchObject({ title: 'Possible incident', body: '6 reports of Streaming (event e9)', forMe: true });
    expect(decide(candidate, ctx)).toMatchObject({ sound: false });
  });
});
