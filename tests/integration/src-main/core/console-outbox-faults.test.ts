// The console's outbox and session against the real server under faults: a link frozen past the ping timeout
// while the specialist keeps replying (the server drops the console and requeues its chats), and two token
// refreshes at once.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { callOk } from '../../../support/socket-clients';
import { startFaultProxy, type FaultProxy } from '../../../support/fault-proxy';
import { waitUntil } from '../../../support/wait-until';
import type { VisitorChatState } from '../../../../src-shared/protocol/visitor';
import type { Clock } from '../../../../src-main/core/clock';
import { harness } from './console-harness';

const h = harness();
const proxies: FaultProxy[] = [];
afterEach(async () => {
  for (const p of proxies.splice(0)) await p.close();
  await h.cleanup();
});
type Srv = Awaited<ReturnType<typeof h.bootServer>>;

/** The server's fake time, moving on in real time: backoff deadlines fall due without the test advancing anything. */
function movingClock(srv: Srv): Clock {
  const t0 = Date.now();
  return { now: () => srv.clock.now() + (Date.now() - t0) };
}

async function requestChat(srv: Srv, n: number): Promise<string> {
  const visitor = await srv.current.connectVisitor();
  const state = await callOk<VisitorChatState & { token: string }>(visitor.socket, 'chat:request', {
    clientId: randomUUID(),
    email: `visitor${n}@example.com`,
    departmentId: 'technical',
    question: `Question ${n}`,
    context: {},
  });
  return state.conversation.id;
}

const bodiesOnServer = async (srv: Srv, conversationId: string) =>
  (await srv.current.app.ctx.db.selectFrom('messages').select(['body', 'seq']).where('conversation_id', '=', conversationId).orderBy('seq').execute()).map((m) => m.body);

describe('console outbox under faults', () => {
  it('after a freeze past the ping timeout: replies to chats still its own go out at once, replies to requeued chats fail with the reason, nothing stays pending', async () => {
    const srv = await h.bootServer({ env: { SOCKET_PING_INTERVAL_MS: '300', SOCKET_PING_TIMEOUT_MS: '300', SPECIALIST_GRACE_MS: '1000' } });
    const proxy = await startFaultProxy({ port: srv.current.port });
    proxies.push(proxy);
    const url = `http://127.0.0.1:${proxy.port}`;
    const viaProxy = { clock: srv.clock, get current() { return { ...srv.current, url }; } };
    const dana = await srv.current.createSpecialist({ displayName: 'Dana', maxConcurrentChats: 4 });
    const c = h.openConsole(join(h.tempDir(), 'frozen.db'), viaProxy, { clock: movingClock(srv) });
    await c.login(dana);
    const chats: string[] = [];
    for (let n = 0; n < 4; n++) chats.push(await requestChat(srv, n));
    await c.until('four chats', () => chats.every((id) => c.cache.conversations.get(id)?.specialist?.id === dana.specialist.id));
    // Someone to take over, with room for two of the four chats.
    const bob = await srv.current.connectSpecialist({ displayName: 'Bob', maxConcurrentChats: 2 });
    const agents = () => srv.current.app.io.of('/agent').sockets.size;
    const before = agents();

    proxy.pause('both');
    // The specialist keeps typing while frozen: 12 replies per chat.
    const written = new Map<string, string[]>(chats.map((id) => [id, []]));
    for (let n = 0; n < 12; n++) {
      for (const [i, id] of chats.entries()) {
        const body = `reply ${n} in chat ${i}`;
        written.get(id)!.push(body);
        const r = await c.service.sendMessage({ conversationId: id, body, internal: false });
        expect(r.ok).toBe(true);
      }
    }
    // The server drops the silent console (ping timeout); after the grace period its chats go back to the queue
    // and Bob takes two of them.
    await waitUntil(() => agents() < before, 'the server to drop the frozen console');
    // The grace period runs on the server's fake clock, from when it has noted the disconnect: step it until it lapses.
    const bobsChats = async () => (await srv.current.app.ctx.db.selectFrom('conversations').select('id').where('specialist_id', '=', bob.specialist.id).execute()).length;
    await waitUntil(async () => {
      await srv.current.clock.advance(250);
      return (await bobsChats()) === 2;
    }, 'Bob to take two chats');
    // Thawed, onto a slow link (each round trip ≥ 200 ms, like a loaded server): a console that sends one action at a
    // time spends 48 round trips on the replies to Bob's chats before any of its own go out.
    proxy.delay('both', 100);
    proxy.resume('both');
    const thawed = Date.now();
    await c.online();

    const owner = async (id: string) =>
      (await srv.current.app.ctx.db.selectFrom('conversations').select('specialist_id').where('id', '=', id).executeTakeFirstOrThrow()).specialist_id;
    // Back online, the two chats left in the queue are routed to Dana again.
    await waitUntil(async () => (await Promise.all(chats.map(owner))).filter((o) => o === dana.specialist.id).length === 2, 'two chats back with Dana', 10_000);
    const mine: string[] = [];
    const bobs: string[] = [];
    for (const id of chats) ((await owner(id)) === dana.specialist.id ? mine : bobs).push(id);
    expect(bobs).toHaveLength(2);

    // Every reply to a chat still hers reaches the server, in order — without waiting behind the refusals.
    await waitUntil(async () => {
      for (const id of mine) {
        const stored = (await bodiesOnServer(srv, id)).filter((b) => b.startsWith('reply '));
        if (stored.length < 12) return false;
      }
      return true;
    }, 'replies to her own chats delivered', 20_000);
    const ownDelivered = Date.now() - thawed;
    console.log(`replies to her own chats delivered ${ownDelivered} ms after the thaw`);
    for (const id of mine) expect((await bodiesOnServer(srv, id)).filter((b) => b.startsWith('reply '))).toEqual(written.get(id));
    // 12 round trips per lane, in parallel; one action at a time would need about 46 (≥ 9 s) first.
    expect(ownDelivered).toBeLessThan(6_000);

    // The others end up failed with the server's reason; nothing is left pending.
    await c.until('outbox settled', () => c.cache.outbox.unsentCount() === 0, 20_000);
    const items = c.cache.outbox.list();
    expect(items).toHaveLength(24);
    for (const item of items) {
      expect(bobs).toContain((item.payload as { conversationId: string }).conversationId);
      expect(item).toMatchObject({ state: 'failed', error: { code: 'forbidden', message: expect.stringMatching(/assigned specialist/) } });
    }
    for (const id of bobs) expect((await bodiesOnServer(srv, id)).filter((b) => b.startsWith('reply '))).toEqual([]);
    // The console's cache shows her own replies as sent, not pending.
    for (const id of mine) expect(c.cache.messages.page(id, undefined, 1000).filter((m) => m.pending)).toEqual([]);
  });

  it('two token refreshes at once share one: the session survives and both callers get a token', async () => {
    const srv = await h.bootServer();
    const dana = await srv.current.createSpecialist({ displayName: 'Dana' });
    const c = h.openConsole(join(h.tempDir(), 'refresh.db'), srv);
    await c.login(dana);
    const chat = await requestChat(srv, 1);
    await c.until('chat', () => c.cache.conversations.get(chat)?.specialist?.id === dana.specialist.id);
    // The access token is now past its refresh margin: the next handshake and the next upload both need a refresh.
    await srv.current.clock.advance(15 * 60_000);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
    const upload = c.service.attachFile({ conversationId: chat, fileName: 'a.png', dataBase64: png });
    c.service.reconnectNow();
    const uploaded = await upload;
    expect(uploaded.ok).toBe(true);
    await c.online();
    expect(c.cache.syncState.get('refreshToken')).not.toBeNull();
    const session = await c.service.getSession({});
    expect(session.ok && session.value.connection).toBe('online');
    await c.until('attachment confirmed', () => c.cache.messages.page(chat, undefined, 100).some((m) => !m.pending && m.attachments.length === 1));
  });
});
