// The edges docs/protocol.md promises to answer: oversized events, reserved event names, and every HTTP error body a Result.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import { EVENT_MAX_BYTES, FRAME_MAX_BYTES } from '../../../src-shared/protocol/frame-limits';
import { startServer, type TestServer } from '../../support/start-server';
import { call, callOk } from '../../support/socket-clients';
import { ackBody, connectRaw } from '../../support/raw-socket-io';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

/** Writes raw bytes to the HTTP port and resolves with the whole answer once the server closes or goes quiet. */
function rawHttp(text: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(text));
    let data = '';
    const done = () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), headers: head.toLowerCase(), body });
      socket.destroy();
    };
    socket.setTimeout(2_000, done);
    socket.on('data', (d) => {
      data += d.toString();
      if (/\r\n\r\n/.test(data) && /content-length: (\d+)/i.test(data)) {
        const length = Number(/content-length: (\d+)/i.exec(data)?.[1]);
        if (Buffer.byteLength(data.split('\r\n\r\n').slice(1).join('\r\n\r\n')) >= length) done();
      }
    });
    socket.on('end', done);
    socket.on('error', reject);
  });
}

describe('socket frame size', () => {
  it('an event over the per-event limit is answered too_large and the socket stays usable', async () => {
    await server.connectSpecialist();
    const v = await server.connectVisitor();
    await callOk<VisitorChatState>(v.socket, 'chat:request', { clientId: randomUUID(), email: 'big@example.com', departmentId: 'technical', question: 'Big' });
    const r = await call(v.socket, 'message:send', { clientId: randomUUID(), body: 'x'.repeat(EVENT_MAX_BYTES + 10) });
    expect(r).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(v.socket.connected).toBe(true);
    expect((await call(v.socket, 'message:send', { clientId: randomUUID(), body: 'small again' })).ok).toBe(true);
  });

  it('an event just under the per-event limit is read and validated as usual', async () => {
    const v = await server.connectVisitor();
    const r = await call(v.socket, 'events:since', { since: 0, padding: 'x'.repeat(EVENT_MAX_BYTES - 200) });
    expect(r.ok).toBe(true);
  });

  it('a frame over the hard cap closes the connection, as documented', async () => {
    const raw = await connectRaw(server.url, '/visitor');
    raw.send(`2/visitor,1["events:since",{"since":0,"p":"${'x'.repeat(FRAME_MAX_BYTES)}"}]`);
    expect(await raw.closed).toBe(1009);
  });
});

describe('reserved event names', () => {
  const reserved = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener', 'error'];

  it.each(reserved)('"%s" with an ack is answered bad_request and the connection stays open', async (name) => {
    const raw = await connectRaw(server.url, '/visitor');
    raw.send(`2/visitor,7[${JSON.stringify(name)},{}]`);
    expect(ackBody(await raw.next('3/visitor,7['))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    raw.send('2/visitor,8["events:since",{"since":0}]');
    expect(ackBody(await raw.next('3/visitor,8['))).toMatchObject({ ok: true });
    raw.close();
  });

  it('reserved names without an ack (and spelled with JSON escapes) are ignored; the server and the connection survive', async () => {
    const raw = await connectRaw(server.url, '/visitor');
    raw.send('2/visitor,["error",{}]');
    raw.send('2/visitor,["conn\\u0065ct"]');
    raw.send('2/visitor,["disconnect"]');
    raw.send('2/visitor,9["events:since",{"since":0}]');
    expect(ackBody(await raw.next('3/visitor,9['))).toMatchObject({ ok: true });
    raw.close();
    const again = await server.connectVisitor();
    expect(again.socket.connected).toBe(true);
  });

  it.each(['null', '{}', '[]', 'true'])('an event named %s (not a string) is answered bad_request and the connection stays open', async (name) => {
    const raw = await connectRaw(server.url, '/visitor');
    raw.send(`2/visitor,7[${name},{}]`);
    expect(ackBody(await raw.next('3/visitor,7['))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    raw.send(`2/visitor,[${name}]`);
    raw.send('2/visitor,8["events:since",{"since":0}]');
    expect(ackBody(await raw.next('3/visitor,8['))).toMatchObject({ ok: true });
    raw.close();
  });

  it('the /agent namespace answers them too', async () => {
    const dana = await server.connectSpecialist();
    const raw = await connectRaw(server.url, '/agent', { auth: { token: dana.tokens.accessToken } });
    expect(raw.connectAnswer).toMatch(/^0\/agent,/);
    raw.send('2/agent,3["newListener",{}]');
    expect(ackBody(await raw.next('3/agent,3['))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    raw.send('2/agent,4["error"]');
    expect(ackBody(await raw.next('3/agent,4['))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    raw.send('2/agent,5["events:since",{"since":0}]');
    expect(ackBody(await raw.next('3/agent,5['))).toMatchObject({ ok: true });
    raw.close();
  });
});

describe('HTTP error bodies are Results', () => {
  const isResultError = (body: string, code: string) => expect(JSON.parse(body)).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });

  it('431: request headers too large', async () => {
    const r = await rawHttp(`GET /api/departments HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(r.status).toBe(431);
    expect(r.headers).toContain('content-type: application/json');
    isResultError(r.body, 'too_large');
  });

  it('400: a request that is not HTTP', async () => {
    const r = await rawHttp('GARBAGE\r\n\r\n');
    expect(r.status).toBe(400);
    isResultError(r.body, 'bad_request');
  });

  it('400: a malformed URL', async () => {
    const res = await fetch(`${server.url}/api/comment/%E0%A4%A?sig=x`);
    expect(res.status).toBe(400);
    isResultError(await res.text(), 'bad_request');
  });

  it('404: an unknown path, and a known path with another method', async () => {
    for (const [method, path] of [['GET', '/api/nothing-here'], ['DELETE', '/api/auth/login'], ['PUT', '/support']] as const) {
      const res = await fetch(`${server.url}${path}`, { method });
      expect(res.status).toBe(404);
      isResultError(await res.text(), 'not_found');
    }
  });

  it('400: malformed JSON; 415: a body type the endpoint does not read; 413: a body over the limit', async () => {
    const bad = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(bad.status).toBe(400);
    isResultError(await bad.text(), 'bad_request');
    const xml = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<a/>' });
    expect(xml.status).toBe(415);
    isResultError(await xml.text(), 'unsupported_type');
    const big = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(big.status).toBe(413);
    isResultError(await big.text(), 'too_large');
  });
});
