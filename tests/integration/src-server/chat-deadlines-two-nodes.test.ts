// Chat deadlines on two server nodes sharing one database: a chat busy on one node is never ended as idle by
// the other (which restarted while it was in progress and so knows it only from the database), and the chats
// of a specialist whose node went away are requeued by the node that is left — once.
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { Message } from '../../../src-shared/message';
import { startServer, type TestServer } from '../../support/start-server';
import { callOk } from '../../support/socket-clients';
import { listMessages } from '../../../src-server/db/messages';
import { getConversation } from '../../../src-server/db/conversations';
import { waitUntil } from '../../support/wait-until';

const IDLE = 90_000;
const GRACE = 30_000;
const LEASE = 15_000;
const SWEEP = 10_000;
const ENV = {
  SECRET: 'shared-secret-of-the-cluster-0123456789',
  CHAT_IDLE_TIMEOUT_MS: String(IDLE),
  SPECIALIST_GRACE_MS: String(GRACE),
  CHAT_SWEEP_INTERVAL_MS: String(SWEEP),
};

let nodes: TestServer[] = [];
afterEach(async () => {
  for (const n of nodes) await n.stop();
  nodes = [];
});

/**
 * Real clocks of two machines agree within milliseconds, and a live node renews its specialists' presence
 * leases every few seconds: the fake clocks move together, in steps, with each node's heartbeat in between.
 */
async function advanceAll(ms: number): Promise<void> {
  const step = LEASE / 3;
  for (let left = ms; left > 0; left -= step) {
    await Promise.all(nodes.map((n) => n.clock.advance(Math.min(step, left))));
    await Promise.all(nodes.map((n) => n.app.chat.heartbeat()));
  }
}
const settle = () => new Promise((r) => setTimeout(r, 300));

const ask = () => ({ clientId: randomUUID(), email: 'v@example.com', departmentId: 'technical', question: 'Help please' });

describe('chat deadlines across two nodes', () => {
  it('a node that knows a chat only from the database does not end it as idle while it is busy on the other node', async () => {
    const a = await startServer({ env: ENV });
    nodes.push(a);
    const dana = await a.connectSpecialist({ departmentIds: ['technical'] });
    const v = await a.connectVisitor();
    const chat = await callOk<VisitorChatState>(v.socket, 'chat:request', ask());
    // Node B starts while the chat is in progress: everything it knows of it comes from the database.
    const b = await startServer({ env: ENV, dataDir: a.dataDir });
    nodes.push(b);
    await advanceAll(IDLE - 1000);
    // The chat moves on node A only.
    await callOk(v.socket, 'message:send', { clientId: randomUUID(), body: 'still there?' });
    await advanceAll(IDLE - 1000);
    await settle();
    let transcript: Message[] = await listMessages(a.app.ctx.db, chat.conversation.id, { includeInternal: true });
    expect(transcript.some((m) => m.body.includes('period of inactivity'))).toBe(false);

    // Quiet for the whole timeout since: it ends, once, whichever node gets there first.
    // (Without Redis between these nodes, the visitor on A hears of it only if A was the one: read the database.)
    await advanceAll(2000);
    await waitUntil(async () => (await getConversation(a.app.ctx.db, chat.conversation.id))?.state === 'ended', 'the chat to end');
    expect((await getConversation(a.app.ctx.db, chat.conversation.id))?.endReason).toBe('idle_timeout');
    await advanceAll(1000);
    await settle();
    transcript = await listMessages(a.app.ctx.db, chat.conversation.id, { includeInternal: true });
    expect(transcript.filter((m) => m.body.includes('period of inactivity'))).toHaveLength(1);
    void dana;
  });

  it('requeues the chats of a specialist whose node went away, on the node that is left, once', async () => {
    const a = await startServer({ env: ENV });
    const b = await startServer({ env: ENV, dataDir: a.dataDir });
    nodes.push(a, b);
    await a.connectSpecialist({ departmentIds: ['technical'] });
    const v = await b.connectVisitor();
    const chat = await callOk<VisitorChatState>(v.socket, 'chat:request', ask());
    expect(chat.conversation.specialist).not.toBeNull();
    // Node A goes away; nothing of it runs any more (its in-memory timers, if it had any, are gone with it).
    // Node B never saw the specialist's socket: it finds the lapsed lease on its periodic sweep.
    await a.stop();
    nodes = [b];
    await b.clock.advance(GRACE + SWEEP + 1);
    const requeued = await v.inbox.nextEvent('conversation.updated', (e) => e.payload.state === 'queued' && e.payload.specialist === null);
    expect(requeued.payload.id).toBe(chat.conversation.id);
    await b.clock.advance(GRACE);
    await settle();
    const transcript = await listMessages(b.app.ctx.db, chat.conversation.id, { includeInternal: true });
    expect(transcript.filter((m) => m.body.startsWith('Your specialist was disconnected'))).toHaveLength(1);
  });
});
