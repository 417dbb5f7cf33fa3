// The widget after a reconnect whose chat:resume failed for now (a timeout under load, the server busy): it must not
// send its waiting messages on a connection not bound to the chat — the server refuses those as unauthorized, for
// good — but bind again and then send them. Against a small socket.io server that plays the support server's part.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createVisitorClient, type VisitorClient } from '../../../../src-server/widget/src/visitor-client';
import { makeConversation } from '../../../support/entity-factories';
import { waitUntil } from '../../../support/wait-until';

const TOKEN = 't'.repeat(40);
let http: HttpServer;
let io: Server;
let client: VisitorClient | null = null;
afterEach(async () => {
  client?.dispose();
  client = null;
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

describe('visitor client: resume before sending', () => {
  it('a resume that fails for now is tried again, and no message is sent on an unbound connection', async () => {
    const conversation = makeConversation({ state: 'active' });
    const state = { conversation, messages: [], dropBoxes: [], queuePosition: null, cursor: 0 };
    let resumes = 0;
    const stored: string[] = [];
    const refusedUnbound: string[] = [];
    http = createServer();
    io = new Server(http);
    io.of('/visitor').on('connection', (socket) => {
      let bound = false;
      socket.on('chat:request', (_input: unknown, ack: (r: unknown) => void) => {
        bound = true;
        ack({ ok: true, value: { ...state, token: TOKEN } });
      });
      socket.on('chat:resume', (_input: unknown, ack: (r: unknown) => void) => {
        resumes++;
        // The first resume after the reconnect fails as a busy server answers; the next one binds.
        if (resumes === 1) return ack({ ok: false, error: { code: 'unavailable', message: 'busy' } });
        bound = true;
        ack({ ok: true, value: state });
      });
      socket.on('message:send', (input: { clientId: string; body: string }, ack: (r: unknown) => void) => {
        if (!bound) {
          refusedUnbound.push(input.body);
          return ack({ ok: false, error: { code: 'unauthorized', message: 'Resume your chat first.' } });
        }
        stored.push(input.body);
        ack({ ok: true, value: { id: crypto.randomUUID(), clientId: input.clientId, conversationId: conversation.id, seq: stored.length, authorKind: 'visitor', authorId: null, authorName: 'You', body: input.body, attachments: [], internal: false, createdAt: Date.now() } });
      });
      socket.on('events:since', (_input: unknown, ack: (r: unknown) => void) => ack({ ok: true, value: { events: [], cursor: 0, hasMore: false } }));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

    client = createVisitorClient(origin);
    const c = client;
    await waitUntil(() => c.store.getState().connection === 'online', 'online', 10_000);
    expect((await c.requestChat({ email: 'a@example.com', departmentId: 'technical', question: 'q', context: {} })).ok).toBe(true);
    // The server drops the connection (a restart); the widget reconnects and writes meanwhile.
    io.of('/visitor').disconnectSockets();
    c.sendMessage('written while reconnecting');
    // Stored on the server, and its ack back at the widget (the outbox empties when the ack is in).
    await waitUntil(() => stored.includes('written while reconnecting') && c.store.getState().chat?.outbox.length === 0, 'the message stored and acknowledged after the second resume', 15_000);
    expect(resumes).toBe(2);
    expect(refusedUnbound).toEqual([]);
    expect(c.store.getState().chat?.failed).toEqual([]);
    expect(c.store.getState().chat?.outbox).toEqual([]);
  }, 30_000);
});
