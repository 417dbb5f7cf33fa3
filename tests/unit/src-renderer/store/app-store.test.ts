import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../src-renderer/store/app-store';
import { reconcileConversations } from '../../../../src-renderer/store/queues-slice';
import { ticketQuery, defaultTicketFilters } from '../../../../src-renderer/store/tickets-slice';
import { conversation, message } from '../factories';

describe('chats slice', () => {
  it('opens live chats once and focuses the first when nothing is focused', () => {
    const store = createAppStore();
    store.getState().openLiveChats(['a', 'b']);
    store.getState().openLiveChats(['b', 'c']);
    expect(store.getState().openChatIds).toEqual(['a', 'b', 'c']);
    expect(store.getState().activeChatId).toBe('a');
  });

  it('cycles focus through open chats and wraps around', () => {
    const store = createAppStore();
    store.getState().openLiveChats(['a', 'b', 'c']);
    store.getState().cycleChats(-1);
    expect(store.getState().activeChatId).toBe('c');
    store.getState().cycleChats(1);
    expect(store.getState().activeChatId).toBe('a');
  });

  it('focuses the neighbour when the focused chat closes', () => {
    const store = createAppStore();
    store.getState().openLiveChats(['a', 'b', 'c']);
    store.getState().focusChat('b');
    store.getState().closeChat('b');
    expect(store.getState().openChatIds).toEqual(['a', 'c']);
    expect(store.getState().activeChatId).toBe('c');
  });

  it('a typing change in one chat leaves the other chats’ message arrays untouched', () => {
    const store = createAppStore();
    store.getState().setMessages('a', [message(1)], false);
    store.getState().setMessages('b', [message(1)], false);
    const before = store.getState().messages;
    store.getState().setTyping('a', true);
    expect(store.getState().messages).toBe(before);
    store.getState().addMessages('a', [message(2)]);
    expect(store.getState().messages.b).toBe(before.b);
  });

  it('ignores a typing event that does not change anything', () => {
    const store = createAppStore();
    store.getState().setTyping('a', false);
    const typing = store.getState().typing;
    store.getState().setTyping('a', false);
    expect(store.getState().typing).toBe(typing);
  });
});

describe('queues slice', () => {
  it('keeps unchanged conversation objects when a fresh list arrives', () => {
    const a = conversation();
    const b = conversation();
    const prev = reconcileConversations({}, [a, b]);
    const next = reconcileConversations(prev, [{ ...a }, { ...b, state: 'assigned' }]);
    expect(next[a.id]).toBe(prev[a.id]);
    expect(next[b.id]?.state).toBe('assigned');
  });

  it('returns the same map when nothing changed', () => {
    const a = conversation();
    const prev = reconcileConversations({}, [a]);
    expect(reconcileConversations(prev, [{ ...a }])).toBe(prev);
  });

  it('drops conversations no longer listed', () => {
    const a = conversation();
    const b = conversation();
    const prev = reconcileConversations({}, [a, b]);
    expect(Object.keys(reconcileConversations(prev, [a]))).toEqual([a.id]);
  });
});

describe('tickets slice', () => {
  it('builds the listTickets query from the filters, leaving out empty ones', () => {
    expect(ticketQuery({ status: [], departmentId: null, mine: false, query: '  ', escalated: false })).toEqual({ limit: 200 });
    expect(ticketQuery({ ...defaultTicketFilters, departmentId: 'finance', mine: true, query: ' black ' })).toEqual({
      status: ['open', 'awaiting_reply', 'fixed_pending_rca'],
      departmentId: 'finance',
      mine: true,
      query: 'black',
      limit: 200,
    });
  });

  it('selecting a ticket switches to the tickets view', () => {
    const store = createAppStore();
    store.getState().selectTicket(7);
    expect(store.getState().view).toBe('tickets');
    expect(store.getState().selectedTicketId).toBe(7);
  });
});
