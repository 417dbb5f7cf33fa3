import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../../../src-shared/console-api';
import { err, ok } from '../../../../src-shared/result';
import { createConsoleController } from '../../../../src-renderer/app/console-controller';
import { createAppStore } from '../../../../src-renderer/store/app-store';
import { ME, conversation, department, message, specialist } from '../factories';
import { fakeConsoleApi } from '../fake-console-api';

const fakeApi = fakeConsoleApi;

const me = specialist({ id: ME, displayName: 'Dana' });
const session: SessionInfo = { serverUrl: 'http://127.0.0.1:4080', me, connection: 'online' };
const settle = () => new Promise((r) => setTimeout(r, 5));
let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

describe('console controller', () => {
  it('opens an accepted chat in a tab, focused, and loads its transcript', async () => {
    const c = conversation({ state: 'assigned', specialist: { id: ME, displayName: 'Dana' } });
    const { api } = fakeApi({
      acceptChat: async () => ok(c),
      getMessages: async () => ok([message(1, { conversationId: c.id })]),
      listDropBoxes: async () => ok([]),
    });
    const store = createAppStore();
    await createConsoleController(api, store).acceptChat(c.id);
    await vi.waitFor(() => expect(store.getState().messages[c.id]).toHaveLength(1), { timeout: 5_000 });
    expect(store.getState().openChatIds).toEqual([c.id]);
    expect(store.getState().view).toBe('chats');
  });

  it('shows a refused accept as an error toast and opens nothing', async () => {
    const { api } = fakeApi({ acceptChat: async () => err('conflict', 'Another specialist accepted this chat.') });
    const store = createAppStore();
    await createConsoleController(api, store).acceptChat(conversation().id);
    expect(store.getState().toast).toMatchObject({ tone: 'error', text: 'Another specialist accepted this chat.' });
    expect(store.getState().openChatIds).toEqual([]);
  });

  it('treats an offline (queued) command as saved, not failed', async () => {
    const { api } = fakeApi({ endChat: async () => err('offline', 'queued') });
    const store = createAppStore();
    await createConsoleController(api, store).endChat(conversation().id);
    expect(store.getState().toast?.tone).toBe('info');
  });

  it('ending a chat opens its ticket', async () => {
    const ended = conversation({ state: 'ended', ticketId: 42 });
    const { api, calls } = fakeApi({ endChat: async () => ok(ended), getTicket: async () => err('not_found', 'x') });
    const store = createAppStore();
    await createConsoleController(api, store).endChat(ended.id);
    expect(store.getState().view).toBe('tickets');
    expect(store.getState().selectedTicketId).toBe(42);
    expect(calls.some((c) => c.method === 'getTicket')).toBe(true);
  });

  it('on start, loads the session and then opens my live chats as they sync', async () => {
    const mine = conversation({ state: 'active', specialist: { id: ME, displayName: 'Dana' }, assignedAt: 5 });
    const queued = conversation();
    const { api, emit } = fakeApi({
      getSession: async () => ok(session),
      getSettings: async () => ok({ serverUrl: 'http://127.0.0.1:4080', notifications: { enabled: true, sound: false, quietWhenAway: true }, theme: 'system' as const }),
      listDepartments: async () => ok([]),
      getOutbox: async () => ok([]),
      listSpecialists: async () => ok([me]),
      listTickets: async () => ok([]),
      listConversations: async () => ok([mine, queued]),
      getMessages: async () => ok([]),
      listDropBoxes: async () => ok([]),
    });
    const store = createAppStore();
    stop = createConsoleController(api, store).start();
    // The start runs a chain of awaited loads; on a busy machine a fixed pause is not always long enough.
    await vi.waitFor(() => expect(store.getState().openChatIds).toEqual([mine.id]), { timeout: 5_000 });
    expect(store.getState().session?.me?.id).toBe(ME);
    emit('typing', { conversationId: mine.id, typing: true });
    expect(store.getState().typing[mine.id]).toBe(true);
    emit('messages', { conversationId: mine.id, messages: [message(1, { conversationId: mine.id })] });
    expect(store.getState().typing[mine.id]).toBe(false);
    expect(store.getState().messages[mine.id]).toHaveLength(1);
    emit('connection', { state: 'reconnecting', unsent: 3, nextRetryAt: null });
    expect(store.getState().connection).toMatchObject({ state: 'reconnecting', unsent: 3 });
  });

  it('a sent message shows at once as pending and is replaced by the confirmed one', async () => {
    const c = conversation({ state: 'active', specialist: { id: ME, displayName: 'Dana' } });
    const pending = message(0, { conversationId: c.id, pending: true, authorKind: 'specialist', authorId: ME, body: 'hi' });
    const { api, emit } = fakeApi({ sendMessage: async () => ok(pending), getSession: async () => ok(session) });
    const store = createAppStore();
    const controller = createConsoleController(api, store);
    stop = controller.start();
    store.getState().setMessages(c.id, [message(1, { conversationId: c.id })], false);
    expect(await controller.sendMessage(c.id, 'hi', false)).toBe(true);
    expect(store.getState().messages[c.id]?.map((m) => m.seq)).toEqual([1, 0]);
    emit('messages', { conversationId: c.id, messages: [{ ...pending, pending: false, seq: 2, id: '30000000-0000-4000-8000-000000000002' }] });
    expect(store.getState().messages[c.id]?.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('drops stale chat notifications but shows ones that still matter', async () => {
    const taken = conversation({ state: 'active', specialist: { id: '10000000-0000-4000-8000-000000000099', displayName: 'Other' } });
    const waiting = conversation();
    const { api, emit } = fakeApi({ getSession: async () => ok(session) });
    const store = createAppStore();
    stop = createConsoleController(api, store).start();
    store.getState().replaceConversations([taken, waiting]);
    store.getState().navigate('tickets');
    emit('notification', { title: 'Chat waiting', body: taken.visitorEmail, conversationId: taken.id, ticketId: null, sound: false });
    expect(store.getState().chatAlerts).toEqual([]);
    emit('notification', { title: 'Chat waiting', body: waiting.visitorEmail, conversationId: waiting.id, ticketId: null, sound: false });
    expect(store.getState().chatAlerts).toMatchObject([{ conversationId: waiting.id, title: 'Chat waiting', body: waiting.visitorEmail }]);
    expect(store.getState().toast).toBeNull();
  });

  it('a chat alert stays until the chat is taken by someone else, and one for my chat until I look at it', async () => {
    const waiting = conversation();
    const mine = conversation({ state: 'active', specialist: { id: ME, displayName: 'Dana' } });
    const { api, emit } = fakeApi({ getSession: async () => ok(session) });
    const store = createAppStore();
    stop = createConsoleController(api, store).start();
    await settle();
    store.getState().replaceConversations([waiting, mine]);
    store.getState().navigate('tickets');
    emit('notification', { title: 'Chat waiting', body: waiting.visitorEmail, conversationId: waiting.id, ticketId: null, sound: false });
    emit('notification', { title: 'New chat assigned', body: mine.visitorEmail, conversationId: mine.id, ticketId: null, sound: false });
    expect(store.getState().chatAlerts.map((a) => a.conversationId)).toEqual([waiting.id, mine.id]);
    // Another specialist accepts the waiting chat: its alert goes.
    store.getState().upsertConversation({ ...waiting, state: 'assigned', specialist: { id: '10000000-0000-4000-8000-000000000099', displayName: 'Other' } });
    expect(store.getState().chatAlerts.map((a) => a.conversationId)).toEqual([mine.id]);
    // Looking at my chat answers its alert.
    store.getState().openChat(mine.id);
    store.getState().navigate('chats');
    expect(store.getState().chatAlerts).toEqual([]);
  });

  it('opening a chat alert of a waiting chat goes to the queue and drops the alert', async () => {
    const waiting = conversation();
    const { api, emit } = fakeApi({ getSession: async () => ok(session) });
    const store = createAppStore();
    const controller = createConsoleController(api, store);
    stop = controller.start();
    await settle();
    store.getState().replaceConversations([waiting]);
    store.getState().navigate('tickets');
    emit('notification', { title: 'Chat waiting', body: waiting.visitorEmail, conversationId: waiting.id, ticketId: null, sound: false });
    const [alert] = store.getState().chatAlerts;
    controller.openChatAlert(alert!);
    expect(store.getState().view).toBe('queue');
    expect(store.getState().chatAlerts).toEqual([]);
  });

  it('signing out forgets the previous specialist’s chats and tickets', async () => {
    const { api } = fakeApi({ logout: async () => ok(null) });
    const store = createAppStore();
    store.getState().setSession(session);
    store.getState().openLiveChats(['a']);
    store.getState().setMessages('a', [message(1)], false);
    await createConsoleController(api, store).logout();
    expect(store.getState().session?.me).toBeNull();
    expect(store.getState().openChatIds).toEqual([]);
    expect(store.getState().messages).toEqual({});
  });
});

describe('console controller: leads', () => {
  const lead = specialist({ id: ME, displayName: 'Lee', role: 'lead' });
  const leadSession: SessionInfo = { serverUrl: 'http://127.0.0.1:4080', me: lead, connection: 'online' };
  const stats = { dayStart: 0, generatedAt: 5, departments: [], specialists: [], hourly: [] };

  it('loads incidents and server stats, shows live alerts, and marks stats as last-known when the connection drops', async () => {
    const { api, emit } = fakeApi({
      getSession: async () => ok(leadSession),
      listIncidents: async () => ok([]),
      getStats: async () => ok({ stats, fetchedAt: 5, live: true }),
    });
    const store = createAppStore();
    stop = createConsoleController(api, store).start();
    await settle();
    expect(store.getState().serverStats).toMatchObject({ fetchedAt: 5, live: true });
    emit('incidentAlert', { category: 'streaming', eid: 'e1', count: 5, firstAt: 1, lastAt: 2, ticketIds: [1, 2] });
    expect(store.getState().incidentAlerts).toHaveLength(1);
    emit('connection', { state: 'offline', unsent: 0, nextRetryAt: null });
    expect(store.getState().serverStats).toMatchObject({ fetchedAt: 5, live: false });
    emit('stats', { stats, fetchedAt: 9, live: true });
    expect(store.getState().serverStats?.fetchedAt).toBe(9);
  });

  it('re-reads departments when an admin changes them, and canned responses when the team changes them', async () => {
    let departments = [department('technical', 0)];
    const hello = { id: '40000000-0000-4000-8000-000000000001', departmentId: null, shortcut: 'hello', title: 'Hi', body: 'Hi {visitor.email}', updatedAt: 1 };
    let canned = [hello];
    const { api, emit } = fakeApi({
      getSession: async () => ok(session),
      listDepartments: async () => ok(departments),
      listCanned: async () => ok(canned),
    });
    const store = createAppStore();
    stop = createConsoleController(api, store).start();
    await settle();
    expect(store.getState().canned).toEqual([hello]);
    departments = [department('technical', 0, { name: 'Tech support' })];
    emit('departments', { ids: ['technical'] });
    await settle();
    expect(store.getState().departments.map((d) => d.name)).toEqual(['Tech support']);
    canned = [];
    emit('canned', { ids: [hello.id] });
    await settle();
    expect(store.getState().canned).toEqual([]);
  });

  it('declaring an incident from an alert clears the alert and lists the incident', async () => {
    const incident = {
      id: '30000000-0000-4000-8000-000000000001',
      title: 'Streaming',
      category: 'streaming' as const,
      eid: 'e1',
      state: 'open' as const,
      ticketIds: [1, 2],
      noticeId: 'n1',
      createdBy: ME,
      createdAt: 3,
      resolvedAt: null,
      resolutionNote: null,
    };
    const { api, calls } = fakeApi({ createIncident: async () => ok(incident) });
    const store = createAppStore();
    const controller = createConsoleController(api, store);
    store.getState().noteIncidentAlert({ category: 'streaming', eid: 'e1', count: 5, firstAt: 1, lastAt: 2, ticketIds: [1, 2] });
    const key = store.getState().incidentAlerts[0]!.key;
    const input = { title: 'Streaming', category: 'streaming' as const, eid: 'e1', ticketIds: [1, 2], notice: { severity: 'warning' as const, text: 'We know' } };
    expect(await controller.createIncident(input, key)).toBeNull();
    expect(calls.find((c) => c.method === 'createIncident')?.input).toEqual(input);
    expect(store.getState().incidentAlerts).toEqual([]);
    expect(store.getState().incidents.map((i) => i.id)).toEqual([incident.id]);
  });
});
