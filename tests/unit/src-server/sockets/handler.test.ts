import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { z } from 'zod';
import pino from 'pino';
import { ok, type Result } from '../../../../src-shared/result';
import { bindEvents } from '../../../../src-server/sockets/handler';

const schemas = { echo: z.object({ n: z.number() }), boom: z.object({}), typing: z.object({ typing: z.boolean() }) };

function setup() {
  const socket = new EventEmitter();
  const calls: string[] = [];
  bindEvents(
    socket,
    schemas,
    {
      echo: async ({ n }) => ok(n * 2),
      boom: async () => {
        throw new Error('bug');
      },
      typing: async ({ typing }) => (calls.push(`typing ${typing}`), ok(null)),
    },
    { log: pino({ level: 'silent' }), optionalAck: ['typing'] },
  );
  const emit = (event: string, ...args: unknown[]) =>
    new Promise<Result<unknown>>((resolve) => {
      socket.emit(event, ...args, resolve);
    });
  return { socket, calls, emit };
}

describe('bindEvents', () => {
  it('validates, runs the handler and acks its Result', async () => {
    const { emit } = setup();
    expect(await emit('echo', { n: 21 })).toEqual({ ok: true, value: 42 });
  });

  it('answers bad and missing payloads with bad_request without running the handler', async () => {
    const { emit } = setup();
    for (const payload of [[{ n: 'x' }], ['text'], [null], []]) {
      expect(await emit('echo', ...payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });

  it('turns a throwing handler into an internal error without details', async () => {
    const { emit } = setup();
    expect(await emit('boom', {})).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong on the server.' } });
  });

  it('ignores events without an ack, except those whose ack is optional', async () => {
    const { socket, calls } = setup();
    socket.emit('echo', { n: 1 });
    socket.emit('typing', { typing: true });
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual(['typing true']);
  });

  it('survives an ack callback that throws', async () => {
    const { socket } = setup();
    expect(() =>
      socket.emit('echo', { n: 1 }, () => {
        throw new Error('client bug');
      }),
    ).not.toThrow();
    await new Promise((r) => setImmediate(r));
  });
});

describe('bindEvents rate limit', () => {
  it('answers rate_limited beyond the burst until tokens refill', async () => {
    let now = 0;
    const socket = new EventEmitter();
    bindEvents(socket, schemas, { echo: async ({ n }) => ok(n), boom: async () => ok(null), typing: async () => ok(null) }, {
      log: pino({ level: 'silent' }),
      now: () => now,
      rateLimit: { perSecond: 2, burst: 3 },
    });
    const emit = () => new Promise<Result<unknown>>((resolve) => socket.emit('echo', { n: 1 }, resolve));
    const first = await Promise.all([emit(), emit(), emit(), emit()]);
    expect(first.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(first[3]).toMatchObject({ error: { code: 'rate_limited' } });
    now += 500; // one token back
    expect((await emit()).ok).toBe(true);
    expect((await emit()).ok).toBe(false);
  });
});
