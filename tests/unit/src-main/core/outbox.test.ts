import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCache, type Cache } from '../../../../src-main/core/cache/open-cache';
import { createOutbox, type OutboxTransport } from '../../../../src-main/core/outbox';
import { err, ok, type Result } from '../../../../src-shared/result';
import { fakeTime } from '../fake-time';
import { MAX_TRANSIENT_FAILURES } from '../../../../src-main/core/outbox-retry';

const open: Cache[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A transport whose answers the test scripts; records what was sent. */
function scriptedTransport(answers: Result<unknown>[] = []) {
  const sent: { kind: string; payload: { clientId: string } }[] = [];
  const transport: OutboxTransport & { connected: boolean } = {
    connected: true,
    isConnected() {
      return this.connected;
    },
    async send(kind, payload) {
      sent.push({ kind, payload: payload as { clientId: string } });
      return answers.shift() ?? ok({ echoed: true });
    },
  };
  return { transport, sent };
}

/** An in-memory cache, a fake clock and a scripted transport: what most outbox tests start from. */
function world(answers: Result<unknown>[] = []) {
  const cache = openCache(':memory:');
  open.push(cache);
  return { cache, time: fakeTime(), ...scriptedTransport(answers) };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('outbox', () => {
  it('keeps an action queued while offline and sends it once on reconnect with its client id', async () => {
    const { cache, time, transport, sent } = world();
    transport.connected = false;
    const delivered: string[] = [];
    const outbox = createOutbox({ repo: cache.outbox, transport, clock: time.clock, timers: time.timers, onDelivered: (i) => delivered.push(i.clientId) });
    const clientId = outbox.enqueue('chat:end', { conversationId: 'c' }, 'End chat');
    await flush();
    expect(sent).toEqual([]);
    expect(outbox.list()[0]).toMatchObject({ clientId, state: 'pending', attempts: 0 });
    transport.connected = true;
    outbox.kick();
    await flush();
    expect(sent).toEqual([{ kind: 'chat:end', payload: { conversationId: 'c', clientId } }]);
    expect(delivered).toEqual([clientId]);
    expect(outbox.list()).toEqual([]);
  });

  it('retries a transient failure after a backoff with the same client id', async () => {
    const { cache, time, transport, sent } = world([err('unavailable', 'restarting'), ok('done')]);
    const outbox = createOutbox({ repo: cache.outbox, transport, clock: time.clock, timers: time.timers, random: () => 0 });
    const clientId = outbox.enqueue('message:send', { body: 'hi' }, 'Send');
    await flush();
    expect(outbox.list()[0]).toMatchObject({ state: 'pending', attempts: 1, error: { code: 'unavailable' } });
    expect(outbox.nextRetryAt()).toBe(time.clock.now() + 500);
    time.advance(499);
    await flush();
    expect(sent).toHaveLength(1);
    time.advance(1);
    await flush();
    expect(sent.map((s) => s.payload.clientId)).toEqual([clientId, clientId]);
    expect(outbox.list()).toEqual([]);
  });

  it('marks a permanently refused action failed with its error and goes on with the next', async () => {
    const { cache, time, transport, sent } = world([err('conflict', 'already accepted'), ok('second')]);
    const failed: string[] = [];
    const outbox = createOutbox({ repo: cache.outbox, transport, clock: time.clock, timers: time.timers, onFailed: (_i, e) => failed.push(e.code) });
    const first = outbox.enqueue('chat:accept', { conversationId: 'a' }, 'Accept');
    const waited = outbox.waitFor(first, 10_000);
    outbox.enqueue('chat:accept', { conversationId: 'b' }, 'Accept');
    await flush();
    await flush();
    expect(await waited).toEqual(err('conflict', 'already accepted'));
    expect(failed).toEqual(['conflict']);
    expect(sent).toHaveLength(2);
    expect(outbox.list()).toEqual([expect.objectContaining({ clientId: first, state: 'failed', error: { code: 'conflict', message: 'already accepted' } })]);
    expect(outbox.unsent()).toBe(0);
  });

  it('sends queued actions in the order they were taken', async () => {
    const { cache, time, transport, sent } = world();
    transport.connected = false;
    const outbox = createOutbox({ repo: cache.outbox, transport, clock: time.clock, timers: time.timers });
    for (const body of ['one', 'two', 'three']) outbox.enqueue('message:send', { body }, body);
    transport.connected = true;
    outbox.kick();
    for (let i = 0; i < 4; i++) await flush();
    expect(sent.map((s) => (s.payload as unknown as { body: string }).body)).toEqual(['one', 'two', 'three']);
  });

  it('delivers an action queued before an app restart, including one caught mid-send', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    dirs.push(dir);
    const file = join(dir, 'cache.db');
    const time = fakeTime();
    const first = openCache(file);
    const hanging: OutboxTransport = { isConnected: () => true, send: () => new Promise(() => undefined) };
    const before = createOutbox({ repo: first.outbox, transport: hanging, clock: time.clock, timers: time.timers });
    const clientId = before.enqueue('ticket:comment', { ticketId: 1, body: 'note' }, 'Comment');
    await flush();
    expect(before.list()[0]?.state).toBe('sending');
    before.stop();
    first.close();

    const second = openCache(file);
    open.push(second);
    const { transport, sent } = scriptedTransport();
    const after = createOutbox({ repo: second.outbox, transport, clock: time.clock, timers: time.timers });
    after.recover();
    after.kick();
    await flush();
    expect(sent.map((s) => s.payload.clientId)).toEqual([clientId]);
    expect(after.list()).toEqual([]);
  });

  it('answers a waiting caller with offline when the server does not confirm in time, keeping the item', async () => {
    const { cache, time, transport } = world();
    transport.connected = false;
    const outbox = createOutbox({ repo: cache.outbox, transport, clock: time.clock, timers: time.timers });
    const clientId = outbox.enqueue('chat:end', { conversationId: 'c' }, 'End');
    const waited = outbox.waitFor(clientId, 3000);
    time.advance(3000);
    expect((await waited).ok).toBe(false);
    expect(outbox.unsent()).toBe(1);
  });

  it('sends an item that was backing off as soon as the connection comes back', async () => {
    const { cache, time, transport, sent } = world([err('unavailable', 'down'), ok('up')]);
    const outbox = createOutbox({ repo: cache.outbox, transport, clock: time.clock, timers: time.timers, random: () => 0.99 });
    outbox.enqueue('chat:end', { conversationId: 'c' }, 'End');
    await flush();
    expect(sent).toHaveLength(1);
    expect(outbox.nextRetryAt()).toBeGreaterThan(time.clock.now());
    outbox.reconnected();
    await flush();
    expect(sent).toHaveLength(2);
    expect(outbox.list()).toEqual([]);
  });

  it('keeps sending another chat while one chat\'s item fails transiently forever, then marks that item failed', async () => {
    const cache = openCache(':memory:');
    open.push(cache);
    const time = fakeTime();
    const sent: string[] = [];
    const transport: OutboxTransport = {
      isConnected: () => true,
      async send(_kind, payload) {
        const p = payload as { conversationId: string; body: string };
        sent.push(p.body);
        return p.conversationId === 'stuck' ? err('internal', 'Something went wrong on the server.') : ok({ body: p.body });
      },
    };
    const failed: string[] = [];
    const outbox = createOutbox({ repo: cache.outbox, transport, clock: time.clock, timers: time.timers, random: () => 0, onFailed: (i) => failed.push(i.clientId) });
    const stuck = outbox.enqueue('message:send', { conversationId: 'stuck', body: 'stuck 1' }, 'Send');
    const waited = outbox.waitFor(stuck, 3_600_000);
    outbox.enqueue('message:send', { conversationId: 'stuck', body: 'stuck 2' }, 'Send');
    for (const body of ['fine 1', 'fine 2', 'fine 3']) outbox.enqueue('message:send', { conversationId: 'fine', body }, 'Send');
    for (let i = 0; i < 6; i++) await flush();
    // The other chat went out in order, without waiting for the stuck one.
    expect(sent.filter((b) => b.startsWith('fine'))).toEqual(['fine 1', 'fine 2', 'fine 3']);
    for (let i = 0; i < MAX_TRANSIENT_FAILURES + 2; i++) {
      time.advance(60_000);
      for (let j = 0; j < 4; j++) await flush();
    }
    // Retried with backoff, then given up on: failed, with a reason, and the caller is told.
    expect(sent.filter((b) => b === 'stuck 1')).toHaveLength(MAX_TRANSIENT_FAILURES);
    expect(failed).toEqual([stuck]);
    expect((await waited).ok).toBe(false);
    const items = outbox.list();
    expect(items[0]).toMatchObject({ clientId: stuck, state: 'failed', attempts: MAX_TRANSIENT_FAILURES, error: { code: 'internal', message: expect.stringMatching(/retry or discard/) } });
    // Its chat's next message waits behind it (order within a chat), and goes once the specialist discards it.
    expect(sent).not.toContain('stuck 2');
    expect(items[1]).toMatchObject({ state: 'pending' });
    outbox.discard(stuck);
    await flush();
    expect(sent).toContain('stuck 2');
  });

  it('gives up on a send that never answers at its deadline; other chats never wait for it', async () => {
    const cache = openCache(':memory:');
    open.push(cache);
    const time = fakeTime();
    const sent: string[] = [];
    const transport: OutboxTransport = {
      isConnected: () => true,
      send(_kind, payload) {
        const p = payload as { conversationId: string; body: string };
        sent.push(p.body);
        // The first try of h1 never gets an answer (a lost ack, a dead socket that has not noticed yet).
        return p.body === 'h1' && sent.filter((b) => b === 'h1').length === 1 ? new Promise(() => undefined) : Promise.resolve(ok(null));
      },
    };
    const outbox = createOutbox({ repo: cache.outbox, transport, clock: time.clock, timers: time.timers, random: () => 0, sendDeadlineMs: 5_000 });
    outbox.enqueue('message:send', { conversationId: 'hung', body: 'h1' }, 'Send');
    outbox.enqueue('message:send', { conversationId: 'hung', body: 'h2' }, 'Send');
    outbox.enqueue('message:send', { conversationId: 'other', body: 'o1' }, 'Send');
    await flush();
    expect(sent).toEqual(['h1', 'o1']);
    expect(outbox.list().map((i) => i.state)).toEqual(['sending', 'pending']);
    time.advance(5_000);
    await flush();
    expect(outbox.list()[0]).toMatchObject({ state: 'pending', attempts: 1, error: { code: 'unavailable' } });
    time.advance(1_000);
    for (let i = 0; i < 4; i++) await flush();
    expect(sent).toEqual(['h1', 'o1', 'h1', 'h2']);
    await flush();
    expect(outbox.list()).toEqual([]);
  });

  it('does not count a dropped link against an item, and sends it as soon as the connection is back', async () => {
    const cache = openCache(':memory:');
    open.push(cache);
    const time = fakeTime();
    const { transport, sent } = scriptedTransport(Array.from({ length: MAX_TRANSIENT_FAILURES + 2 }, () => err('offline', 'dropped')));
    const outbox = createOutbox({ repo: cache.outbox, transport, clock: time.clock, timers: time.timers, random: () => 0 });
    outbox.enqueue('chat:end', { conversationId: 'c' }, 'End');
    for (let i = 0; i < MAX_TRANSIENT_FAILURES + 2; i++) {
      await flush();
      outbox.reconnected();
    }
    await flush();
    expect(sent.length).toBe(MAX_TRANSIENT_FAILURES + 3);
    expect(outbox.list()).toEqual([]);
  });
});
