import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCache, type Cache } from '../../../../src-main/core/cache/open-cache';
import { createOutbox, type OutboxTransport } from '../../../../src-main/core/outbox';
import { err, ok, type Result } from '../../../../src-shared/result';
import { fakeTime } from '../fake-time';

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

const flush = () => new Promise((r) => setImmediate(r));

describe('outbox', () => {
  it('keeps an action queued while offline and sends it once on reconnect with its client id', async () => {
    const cache = openCache(':memory:');
    open.push(cache);
    const time = fakeTime();
    const { transport, sent } = scriptedTransport();
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
    const cache = openCache(':memory:');
    open.push(cache);
    const time = fakeTime();
    const { transport, sent } = scriptedTransport([err('unavailable', 'restarting'), ok('done')]);
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
    const cache = openCache(':memory:');
    open.push(cache);
    const time = fakeTime();
    const { transport, sent } = scriptedTransport([err('conflict', 'already accepted'), ok('second')]);
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
    const cache = openCache(':memory:');
    open.push(cache);
    const time = fakeTime();
    const { transport, sent } = scriptedTransport();
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
    const cache = openCache(':memory:');
    open.push(cache);
    const time = fakeTime();
    const { transport } = scriptedTransport();
    transport.connected = false;
    const outbox = createOutbox({ repo: cache.outbox, transport, clock: time.clock, timers: time.timers });
    const clientId = outbox.enqueue('chat:end', { conversationId: 'c' }, 'End');
    const waited = outbox.waitFor(clientId, 3000);
    time.advance(3000);
    expect((await waited).ok).toBe(false);
    expect(outbox.unsent()).toBe(1);
  });

  it('sends an item that was backing off as soon as the connection comes back', async () => {
    const cache = openCache(':memory:');
    open.push(cache);
    const time = fakeTime();
    const { transport, sent } = scriptedTransport([err('unavailable', 'down'), ok('up')]);
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
});
