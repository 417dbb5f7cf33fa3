// The console core against the real support server and real SQLite: initial sync, live updates, a server
// killed and restarted mid-stream, actions taken offline (also across a core restart), offline search.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { call, callOk } from '../../../support/socket-clients';
import type { VisitorChatState } from '../../../../src-shared/protocol/visitor';
import type { Message } from '../../../../src-shared/message';
import type { SecretBox } from '../../../../src-main/core/secret-box';
import { harness } from './console-harness';
import { waitUntil } from '../../../support/wait-until';

/** Stands in for the OS keychain: tokens at rest must never be the plain value. */
const testSecrets: SecretBox = {
  seal: (plain) => `sealed:${Buffer.from(plain).toString('base64')}`,
  open: (sealed) => (sealed.startsWith('sealed:') ? Buffer.from(sealed.slice(7), 'base64').toString() : null),
};
const h = harness();
afterEach(() => h.cleanup());
const { tempDir, bootServer } = h;

type Booted = Awaited<ReturnType<typeof bootServer>>;

/** A console core on a cache file with the test keychain, syncing in pages of 2 so paging is exercised. */
const openConsole = (file: string, srv: Booted) => h.openConsole(file, srv, { secrets: testSecrets, pageSize: 2 });
type Console = ReturnType<typeof openConsole>;

async function requestChat(srv: Booted, question = 'The stream shows a black screen.') {
  const visitor = await srv.current.connectVisitor();
  const state = await callOk<VisitorChatState & { token: string }>(visitor.socket, 'chat:request', {
    clientId: randomUUID(),
    email: 'casey@example.com',
    departmentId: 'technical',
    question,
    context: {},
  });
  return { ...visitor, state, conversationId: state.conversation.id };
}

const bodies = (c: Console, conversationId: string) => c.cache.messages.page(conversationId, undefined, 1000).map((m) => m.body);
const seqs = (c: Console, conversationId: string) => c.cache.messages.page(conversationId, undefined, 1000).map((m) => m.seq);

describe('console core with the real server', () => {
  it('syncs a fresh cache from scratch and then applies live updates', async () => {
    const srv = await bootServer();
    const dana = await srv.current.createSpecialist({ displayName: 'Dana' });
    const first = openConsole(join(tempDir(), 'a.db'), srv);
    await first.login(dana);
    const chat = await requestChat(srv, 'Projector shows nothing at all');
    await first.until('assigned chat', () => first.cache.conversations.get(chat.conversationId)?.specialist?.id === dana.specialist.id);
    for (const body of ['first question', 'second question']) await callOk<Message>(chat.socket, 'message:send', { clientId: randomUUID(), body });
    await first.until('live messages', () => bodies(first, chat.conversationId).includes('second question'));

    // A second console with an empty cache catches up through snapshot + events:since in pages of 2.
    const progress: string[] = [];
    const fresh = openConsole(join(tempDir(), 'b.db'), srv);
    fresh.service.on('syncProgress', (p) => progress.push(p.phase));
    // Catch-up names the chats that changed; it does not push every message body to the windows.
    const bodiesPushed: number[] = [];
    const changedChats = new Set<string>();
    fresh.service.on('messages', (m) => bodiesPushed.push(m.messages.length));
    fresh.service.on('messagesChanged', (m) => m.conversationIds.forEach((id) => changedChats.add(id)));
    await fresh.login(dana);
    expect(progress[0]).toBe('snapshot');
    expect(progress.at(-1)).toBe('done');
    expect(bodiesPushed).toEqual([]);
    expect([...changedChats]).toEqual([chat.conversationId]);
    expect(bodies(fresh, chat.conversationId)).toEqual(bodies(first, chat.conversationId));
    const conversations = await fresh.service.listConversations({});
    expect(conversations.ok && conversations.value.map((c) => c.id)).toContain(chat.conversationId);

    // Live: a new visitor message reaches the console as a change event.
    const pushed = new Promise<string[]>((resolve) =>
      fresh.service.on('messages', (m) => m.conversationId === chat.conversationId && resolve(m.messages.map((x) => x.body))),
    );
    await callOk<Message>(chat.socket, 'message:send', { clientId: randomUUID(), body: 'anyone there?' });
    expect(await pushed).toEqual(['anyone there?']);

    // Search works on the cache, offline included.
    await first.until('third message', () => bodies(first, chat.conversationId).includes('anyone there?'));
    await srv.stop();
    const hits = await first.service.search({ query: 'projector', limit: 5 });
    expect(hits.ok && hits.value.map((h) => h.conversationId)).toContain(chat.conversationId);
    expect(hits.ok && hits.value[0]?.snippet).toContain('\u0002Projector\u0003');
  });

  it('on wake-up (reconnectNow) drops the old socket at once, connects afresh and catches up once', async () => {
    const srv = await bootServer();
    const dana = await srv.current.createSpecialist({ displayName: 'Dana' });
    const c = openConsole(join(tempDir(), 'w.db'), srv);
    await c.login(dana);
    const chat = await requestChat(srv);
    await c.until('assigned chat', () => c.cache.conversations.get(chat.conversationId)?.specialist?.id === dana.specialist.id);
    const states: string[] = [];
    c.service.on('connection', (s) => states.push(s.state));
    const online = srv.current.app.io.of('/agent').sockets.size;
    c.service.reconnectNow();
    await callOk<Message>(chat.socket, 'message:send', { clientId: randomUUID(), body: 'sent while the console woke up' });
    await c.until('back online', () => states.at(-1) === 'online');
    await c.until('caught up', () => bodies(c, chat.conversationId).includes('sent while the console woke up'));
    expect(states[0]).toBe('reconnecting');
    expect(bodies(c, chat.conversationId).filter((b) => b === 'sent while the console woke up')).toHaveLength(1);
    // One socket replaced by one: no second connection left open (the server may see the old one go a moment later).
    await waitUntil(() => srv.current.app.io.of('/agent').sockets.size === online, 'the old socket to close');
    expect(srv.current.app.io.of('/agent').sockets.size).toBe(online);
  });

  it('catches up after the server is killed mid-stream and restarted, nothing lost or duplicated', async () => {
    const srv = await bootServer();
    const dana = await srv.current.createSpecialist({ displayName: 'Dana' });
    const c = openConsole(join(tempDir(), 'c.db'), srv);
    await c.login(dana);
    const chat = await requestChat(srv);
    await c.until('chat', () => c.cache.conversations.get(chat.conversationId) !== null);
    await callOk<Message>(chat.socket, 'message:send', { clientId: randomUUID(), body: 'before' });
    await c.until('first message', () => bodies(c, chat.conversationId).includes('before'));
    // Killed while a burst is in flight: some messages are committed, some refused, some never pushed live.
    const burst = Array.from({ length: 20 }, (_, n) =>
      call<Message>(chat.socket, 'message:send', { clientId: randomUUID(), body: `burst ${n}` }).catch(() => null),
    );
    await srv.stop();
    await Promise.allSettled(burst);
    await c.until('reconnecting', () => c.connection() !== 'online');
    await srv.start();
    const visitor = await srv.current.connectVisitor({ token: chat.state.token });
    await callOk(visitor.socket, 'chat:resume', { token: chat.state.token });
    for (const n of [1, 2, 3]) await callOk<Message>(visitor.socket, 'message:send', { clientId: randomUUID(), body: `after ${n}` });
    await c.online();
    await c.until('all messages', () => bodies(c, chat.conversationId).includes('after 3'));
    const all = seqs(c, chat.conversationId);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(bodies(c, chat.conversationId).filter((b) => b.startsWith('after'))).toEqual(['after 1', 'after 2', 'after 3']);
    // The server agrees with the cache, message for message.
    const ticketId = c.cache.conversations.get(chat.conversationId)?.ticketId;
    const detail = await c.service.getTicket({ ticketId: ticketId ?? 0 });
    expect(detail.ok && detail.value.transcript.map((m) => m.id)).toEqual(c.cache.messages.page(chat.conversationId, undefined, 1000).map((m) => m.id));
  });

  it('delivers actions taken offline exactly once, also after the core restarts', async () => {
    const srv = await bootServer();
    const dana = await srv.current.createSpecialist({ displayName: 'Dana' });
    const file = join(tempDir(), 'd.db');
    const c1 = openConsole(file, srv);
    await c1.login(dana);
    const chat = await requestChat(srv);
    await c1.until('chat', () => c1.cache.conversations.get(chat.conversationId) !== null);
    await srv.stop();
    await c1.until('offline', () => c1.connection() !== 'online');

    const sent = await c1.service.sendMessage({ conversationId: chat.conversationId, body: 'written while offline', internal: false });
    expect(sent.ok && sent.value.pending).toBe(true);
    const outbox = await c1.service.getOutbox({});
    expect(outbox.ok && outbox.value.map((i) => i.kind)).toEqual(['message:send']);
    expect(bodies(c1, chat.conversationId)).toContain('written while offline');
    expect(c1.cache.syncState.get('refreshToken')).toMatch(/^sealed:/);
    c1.close(); // the app quits with the action unsent

    await srv.start();
    const c2 = openConsole(file, srv);
    expect(c2.service.resume()).toBe(true);
    await c2.online();
    await c2.until('outbox drained', () => c2.cache.outbox.unsentCount() === 0);
    await c2.until('confirmed', () => c2.cache.messages.page(chat.conversationId, undefined, 100).some((m) => m.body === 'written while offline' && !m.pending));
    const ticketId = c2.cache.conversations.get(chat.conversationId)?.ticketId ?? 0;
    const detail = await c2.service.getTicket({ ticketId });
    expect(detail.ok && detail.value.transcript.filter((m) => m.body === 'written while offline')).toHaveLength(1);
    expect(bodies(c2, chat.conversationId).filter((b) => b === 'written while offline')).toHaveLength(1);
  });

  it('surfaces a permanent refusal on the outbox item instead of dropping it', async () => {
    const srv = await bootServer();
    const dana = await srv.current.createSpecialist({ displayName: 'Dana' });
    const c = openConsole(join(tempDir(), 'e.db'), srv);
    await c.login(dana);
    const r = await c.service.acceptChat({ conversationId: randomUUID() });
    expect(r.ok).toBe(false);
    const items = await c.service.getOutbox({});
    expect(items.ok && items.value).toEqual([expect.objectContaining({ kind: 'chat:accept', state: 'failed', error: expect.objectContaining({ code: expect.any(String) }) })]);
  });

  it('runs chat and ticket commands through the outbox and notifies about a message in an unfocused chat', async () => {
    const srv = await bootServer();
    const dana = await srv.current.createSpecialist({ displayName: 'Dana' });
    const c = openConsole(join(tempDir(), 'f.db'), srv);
    await c.login(dana);
    const notes: string[] = [];
    c.service.on('notification', (n) => notes.push(n.title));
    const badges: number[] = [];
    c.service.on('unread', (u) => badges.push(u.badge));
    const chat = await requestChat(srv);
    await c.until('chat', () => c.cache.conversations.get(chat.conversationId)?.specialist?.id === dana.specialist.id);
    await c.until('assignment notification', () => notes.includes('New chat assigned'));
    // Past the coalescing window, so the next notification is not folded into the first.
    await srv.current.clock.advance(3_000);
    await c.service.setFocus({ conversationId: null, windowFocused: false });
    await callOk<Message>(chat.socket, 'message:send', { clientId: randomUUID(), body: 'hello?' });
    await c.until('notification', () => notes.includes('Message from casey@example.com'));
    expect(badges.at(-1)).toBeGreaterThanOrEqual(1);
    await c.service.markRead({ conversationId: chat.conversationId });
    expect(badges.at(-1)).toBe(0);

    const box = await c.service.insertDropBox({ conversationId: chat.conversationId, label: 'A screenshot please' });
    expect(box.ok && box.value.label).toBe('A screenshot please');
    const boxes = await c.service.listDropBoxes({ conversationId: chat.conversationId });
    expect(boxes.ok && boxes.value.map((b) => b.label)).toEqual(['A screenshot please']);

    const png = readFileSync(new URL('../../../../assets/icon-512.png', import.meta.url)).toString('base64');
    const attached = await c.service.attachFile({ conversationId: chat.conversationId, fileName: 'screen.png', dataBase64: png });
    expect(attached.ok && attached.value.pending).toBe(true);
    await c.until('attachment confirmed', () =>
      c.cache.messages.page(chat.conversationId, undefined, 100).some((m) => !m.pending && m.attachments[0]?.contentType === 'image/png'),
    );

    const ended = await c.service.endChat({ conversationId: chat.conversationId });
    expect(ended.ok && ended.value.state).toBe('ended');
    expect(c.cache.conversations.get(chat.conversationId)?.state).toBe('ended');

    const ticketId = ended.ok ? (ended.value.ticketId ?? 0) : 0;
    const comment = await c.service.addTicketComment({ ticketId, body: 'Checked the encoder settings', internal: true });
    expect(comment.ok && comment.value.internal).toBe(true);
    const updated = await c.service.updateTicket({ ticketId, patch: { status: 'awaiting_reply' } });
    expect(updated.ok && updated.value.status).toBe('awaiting_reply');
    await c.until('ticket cached', () => c.cache.tickets.get(ticketId)?.status === 'awaiting_reply');
    const mine = await c.service.listTickets({ status: ['awaiting_reply'], mine: true, limit: 50 });
    expect(mine.ok && mine.value.map((t) => t.id)).toContain(ticketId);
    expect(c.cache.outbox.list()).toEqual([]);
  });

  it('handles several chats at once, each with its own ordered messages', async () => {
    const srv = await bootServer();
    const dana = await srv.current.createSpecialist({ displayName: 'Dana', maxConcurrentChats: 4 });
    const c = openConsole(join(tempDir(), 'g.db'), srv);
    await c.login(dana);
    const chats = await Promise.all([requestChat(srv, 'first chat'), requestChat(srv, 'second chat'), requestChat(srv, 'third chat')]);
    await c.until('three chats', () => chats.every((chat) => c.cache.conversations.get(chat.conversationId)?.specialist?.id === dana.specialist.id));
    await Promise.all(
      chats.flatMap((chat, i) => [
        callOk<Message>(chat.socket, 'message:send', { clientId: randomUUID(), body: `visitor ${i}` }),
        c.service.sendMessage({ conversationId: chat.conversationId, body: `reply ${i}`, internal: false }),
      ]),
    );
    await c.until('all confirmed', () => c.cache.outbox.unsentCount() === 0 && chats.every((chat, i) => bodies(c, chat.conversationId).includes(`visitor ${i}`)));
    for (const [i, chat] of chats.entries()) {
      const mine = c.cache.messages.page(chat.conversationId, undefined, 100);
      expect(mine.every((m) => !m.pending)).toBe(true);
      expect(mine.map((m) => m.body).filter((b) => /^(visitor|reply) \d$/.test(b)).sort()).toEqual([`reply ${i}`, `visitor ${i}`]);
      expect(mine.map((m) => m.seq)).toEqual([...mine.map((m) => m.seq)].sort((a, b) => a - b));
    }
  });

  it('asks for a new login when the stored refresh token is refused, keeping the cache', async () => {
    const srv = await bootServer();
    const c = openConsole(join(tempDir(), 'h.db'), srv);
    c.cache.syncState.set('serverUrl', srv.current.url);
    c.cache.syncState.set('refreshToken', testSecrets.seal('x'.repeat(40)));
    const sessions: (string | null)[] = [];
    c.service.on('session', (s) => sessions.push(s.serverUrl));
    expect(c.service.resume()).toBe(true);
    await c.until('token dropped', () => c.cache.syncState.get('refreshToken') === null);
    const session = await c.service.getSession({});
    expect(session.ok && session.value.connection).toBe('offline');
    expect(sessions.at(-1)).toBe(srv.current.url);
  });
});
