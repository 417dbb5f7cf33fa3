// The core's end of the console protocol, over an in-memory MessagePort-like pipe: what a window (or a
// careless or hostile page) sends is validated before it reaches the service, and events are pushed.
import { describe, expect, it } from 'vitest';
import { serveConsole, type ServedService } from '../../../../src-main/core/console-endpoint';
import type { ConsoleEventName } from '../../../../src-shared/console-api';
import { ok } from '../../../../src-shared/result';
import { framePipe } from '../../../support/frame-pipe';

const flush = () => new Promise((r) => setTimeout(r, 5));

/** A service that records calls and can push events; every method answers ok(null). */
function recordingService() {
  const calls: { method: string; input: unknown }[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const service = new Proxy({} as ServedService, {
    get: (_t, method: string) =>
      method === 'on'
        ? (event: string, l: (p: unknown) => void) => {
            const set = listeners.get(event) ?? new Set();
            set.add(l);
            listeners.set(event, set);
            return () => set.delete(l);
          }
        : async (input: unknown) => {
            calls.push({ method, input });
            return ok(null);
          },
  });
  const push = (event: ConsoleEventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  const subscribers = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);
  return { service, calls, push, subscribers };
}

function served() {
  const rec = recordingService();
  const pipe = framePipe();
  serveConsole(rec.service, pipe.b);
  return { ...rec, pipe, answers: () => pipe.sent.bToA };
}

describe('console endpoint', () => {
  it('passes a good call to the service with parsed input (defaults applied) and answers its id', async () => {
    const { pipe, calls, answers } = served();
    const conversationId = '6f1c2a7e-3b1d-4c55-9a51-0a4c0d1e2f3a';
    pipe.a.send({ type: 'call', id: 7, method: 'sendMessage', input: { conversationId, body: 'hi\r\nthere' } });
    await flush();
    expect(calls).toEqual([{ method: 'sendMessage', input: { conversationId, body: 'hi\nthere', internal: false } }]);
    expect(answers()).toEqual([{ type: 'result', id: 7, result: { ok: true, value: null } }]);
  });

  it('refuses bad arguments with field-level issues, without reaching the service', async () => {
    const { pipe, calls, answers } = served();
    pipe.a.send({ type: 'call', id: 1, method: 'sendMessage', input: { conversationId: 'nope', body: '' } });
    await flush();
    expect(calls).toEqual([]);
    const answer = answers()[0] as { result: { ok: boolean; error: { code: string; issues: { path: string }[] } } };
    expect(answer.result.error.code).toBe('bad_request');
    expect(answer.result.error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['conversationId', 'body']));
  });

  it('answers not_found for a method the contract does not have, including inherited names', async () => {
    const { pipe, calls, answers } = served();
    pipe.a.send({ type: 'call', id: 1, method: 'dropDatabase', input: {} });
    pipe.a.send({ type: 'call', id: 2, method: 'toString', input: {} });
    pipe.a.send({ type: 'call', id: 3, method: '__proto__', input: {} });
    await flush();
    expect(calls).toEqual([]);
    expect(answers()).toEqual([1, 2, 3].map((id) => ({ type: 'result', id, result: { ok: false, error: expect.objectContaining({ code: 'not_found' }) } })));
  });

  it('answers a frame that is not a call with bad_request, echoing its id when it has one', async () => {
    const { pipe, calls, answers } = served();
    pipe.injectToB({ id: 4, method: 'getSettings' });
    pipe.injectToB('garbage');
    pipe.injectToB({ type: 'call', id: -1, method: 'getSettings', input: {} });
    await flush();
    expect(calls).toEqual([]);
    expect(answers()).toEqual([
      { type: 'result', id: 4, result: { ok: false, error: expect.objectContaining({ code: 'bad_request' }) } },
      { type: 'result', id: null, result: { ok: false, error: expect.objectContaining({ code: 'bad_request' }) } },
      { type: 'result', id: null, result: { ok: false, error: expect.objectContaining({ code: 'bad_request' }) } },
    ]);
  });

  it('pushes change events, and stops (unsubscribing) when the connection closes', async () => {
    const { pipe, push, answers, subscribers } = served();
    push('typing', { conversationId: 'c', typing: true });
    await flush();
    expect(answers()).toEqual([{ type: 'event', event: 'typing', payload: { conversationId: 'c', typing: true } }]);
    expect(subscribers()).toBeGreaterThan(10);
    pipe.a.close();
    await flush();
    expect(subscribers()).toBe(0);
  });
});
