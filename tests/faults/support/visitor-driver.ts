// A customer at the support page: the real widget client (src-server/widget/src/visitor-client.ts, socket.io with
// its own reconnection, event sequencer, gap re-reads and outbox) running in Node, writing at a steady pace.
import { createVisitorClient, type VisitorClient } from '../../../src-server/widget/src/visitor-client';
import { timeline } from '../../../src-server/widget/src/chat-view';
import type { Message } from '../../../src-shared/message';

export interface VisitorDriver {
  readonly name: string;
  readonly client: VisitorClient;
  conversationId(): string;
  /** Bodies in the order this customer wrote them. */
  readonly written: string[];
  /** Writes `count` messages, one every `everyMs`, whatever the connection (unsent ones wait in the outbox). */
  write(count: number, everyMs: number, stillRunning: () => boolean): Promise<void>;
  /** Times the connection was lost after it had been up. */
  drops(): number;
  /** Messages waiting in the outbox. */
  outboxSize(): number;
  /** Messages the server refused for good (shown to the customer as not sent). */
  refused(): number;
  refusedBodies(): string[];
  /** Why the server refused them, as the customer was told. */
  refusedReasons(): string[];
  /** Nothing left in the outbox and nothing refused for good. */
  allSent(): boolean;
  /** The transcript as the window draws it: messages in timeline order. */
  transcript(): Message[];
  dispose(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startVisitor(name: string, origin: string, departmentId: string): Promise<VisitorDriver> {
  const client = createVisitorClient(origin);
  const written: string[] = [];
  let drops = 0;
  client.store.subscribe((next, prev) => {
    if (next.connection === 'reconnecting' && prev.connection !== 'reconnecting') drops++;
  });
  const deadline = Date.now() + 30_000;
  while (client.store.getState().connection !== 'online') {
    if (Date.now() > deadline) throw new Error(`${name}: widget never came online at ${origin}`);
    await sleep(50);
  }
  const requested = await client.requestChat({ email: `${name}@faults.test`, departmentId, question: `Question from ${name}`, context: { eid: 'faults' } });
  if (!requested.ok) throw new Error(`${name}: chat request refused: ${requested.error.message}`);
  const chat = client.store.getState().chat;
  if (!chat) throw new Error(`${name}: no chat after the request`);
  const conversationId = chat.conversation.id;
  return {
    name,
    client,
    conversationId: () => conversationId,
    written,
    async write(count, everyMs, stillRunning) {
      for (let k = 0; k < count && stillRunning(); k++) {
        const body = `${name}#${k}`;
        written.push(body);
        client.sendMessage(body);
        await sleep(everyMs);
      }
    },
    drops: () => drops,
    outboxSize: () => client.store.getState().chat?.outbox.length ?? 0,
    refused: () => client.store.getState().chat?.failed.length ?? 0,
    refusedBodies: () => client.store.getState().chat?.failed.map((f) => f.body) ?? [],
    refusedReasons: () => client.store.getState().chat?.failed.map((f) => f.reason) ?? [],
    allSent() {
      const c = client.store.getState().chat;
      return c !== null && c.outbox.length === 0 && c.failed.length === 0;
    },
    transcript() {
      const c = client.store.getState().chat;
      if (!c) return [];
      return timeline(c).flatMap((item) => (item.kind === 'message' ? [item.message] : []));
    },
    dispose: () => client.dispose(),
  };
}
