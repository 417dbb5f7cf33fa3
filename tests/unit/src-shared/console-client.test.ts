import { describe, expect, it } from 'vitest';
import { createConsoleClient } from '../../../src-shared/console-client';
import { framePipe } from '../../support/frame-pipe';
import { fakeTime } from '../src-main/fake-time';

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A core that answers every call with the method name it received. */
function echoCore(pipe = framePipe()) {
  pipe.b.onFrame((raw) => {
    const frame = raw as { id: number; method: string };
    pipe.b.send({ type: 'result', id: frame.id, result: { ok: true, value: frame.method } });
  });
  return pipe;
}

describe('console protocol client', () => {
  it('sends a call as a frame and resolves with the result frame of the same id', async () => {
    const time = fakeTime();
    const client = createConsoleClient({ timers: time.timers });
    const pipe = echoCore();
    client.attach(pipe.a);
    const r = await client.api.getSettings({});
    expect(r).toEqual({ ok: true, value: 'getSettings' });
    expect(pipe.sent.aToB).toEqual([{ type: 'call', id: 1, method: 'getSettings', input: {} }]);
  });

  it('delivers pushed events to listeners, and keeps them across a new transport', async () => {
    const time = fakeTime();
    const client = createConsoleClient({ timers: time.timers });
    const seen: unknown[] = [];
    client.api.on('typing', (p) => seen.push(p));
    const first = framePipe();
    client.attach(first.a);
    first.b.send({ type: 'event', event: 'typing', payload: { conversationId: 'c1', typing: true } });
    await flush();
    const second = framePipe();
    client.attach(second.a);
    second.b.send({ type: 'event', event: 'typing', payload: { conversationId: 'c1', typing: false } });
    await flush();
    expect(seen).toEqual([
      { conversationId: 'c1', typing: true },
      { conversationId: 'c1', typing: false },
    ]);
  });

  it('holds a call made before any transport and sends it when one is attached', async () => {
    const time = fakeTime();
    const client = createConsoleClient({ timers: time.timers, waitForTransportMs: 5_000 });
    const answer = client.api.getSession({});
    time.advance(4_000);
    client.attach(echoCore().a);
    expect(await answer).toEqual({ ok: true, value: 'getSession' });
  });

  it('answers offline when no transport comes within the wait', async () => {
    const time = fakeTime();
    const client = createConsoleClient({ timers: time.timers, waitForTransportMs: 5_000 });
    const answer = client.api.getSession({});
    time.advance(5_000);
    expect(await answer).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('answers offline for a call in flight when its transport closes (the core died)', async () => {
    const time = fakeTime();
    const client = createConsoleClient({ timers: time.timers });
    const silent = framePipe();
    client.attach(silent.a);
    const answer = client.api.getSession({});
    silent.b.close();
    expect(await answer).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(client.isAttached()).toBe(false);
  });

  it('answers unavailable when the core never answers', async () => {
    const time = fakeTime();
    const client = createConsoleClient({ timers: time.timers, callTimeoutMs: 30_000 });
    client.attach(framePipe().a);
    const answer = client.api.getSession({});
    time.advance(30_000);
    expect(await answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('drops frames that are not console-protocol frames and reports them', async () => {
    const time = fakeTime();
    const bad: unknown[] = [];
    const client = createConsoleClient({ timers: time.timers, onBadFrame: (raw) => bad.push(raw) });
    const seen: unknown[] = [];
    client.api.on('typing', (p) => seen.push(p));
    client.api.on('reconnected', (p) => seen.push(p));
    const pipe = framePipe();
    client.attach(pipe.a);
    pipe.injectToA({ type: 'event', event: 'constructor', payload: {} });
    // Only the client itself raises `reconnected`; a core that sends it is ignored.
    pipe.injectToA({ type: 'event', event: 'reconnected', payload: {} });
    pipe.injectToA({ type: 'result', id: 'x', result: { ok: true, value: 1 } });
    pipe.injectToA('hello');
    await flush();
    expect(bad).toHaveLength(3);
    expect(seen).toEqual([]);
  });

  it('tells reattach listeners when a transport replaces another, not on the first one', async () => {
    const time = fakeTime();
    const client = createConsoleClient({ timers: time.timers });
    let reattached = 0;
    let reconnectedEvents = 0;
    client.onReattach(() => reattached++);
    client.api.on('reconnected', () => reconnectedEvents++);
    client.attach(framePipe().a);
    expect([reattached, reconnectedEvents]).toEqual([0, 0]);
    client.attach(framePipe().a);
    expect([reattached, reconnectedEvents]).toEqual([1, 1]);
  });
});
