// Fuzzes every HTTP route of src-server/http/*.ts against the real server in-process: bodies from the shared schemas
// (valid-shaped and mutated), raw bodies, content types, methods, params, queries, tokens and multipart uploads.
// Never a 5xx, every error body a Result, nothing crashes; afterwards the server is healthy and serves a chat.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertStillServing } from './support/fuzz-server';
import { httpCases } from './support/http-cases';
import { HttpDriver } from './support/http-driver';
import { Tally } from './support/tally';
import { scale } from './support/scale';
import { useFreshFuzzServer } from './support/fresh-server';

const fresh = useFreshFuzzServer();

describe('HTTP routes fuzzed from the shared schemas', () => {
  it('every route, valid-shaped and mutated, answers below 500 with Result error bodies; the server stays up and serves a chat', async () => {
    const tally = new Tally('HTTP routes', (kind) => /\[([^\]]+)\]$/.exec(kind)?.[1] ?? kind);
    const driver = new HttpDriver(fresh.fz.server.url, tally);
    const started = Date.now();
    const seed = scale.seed + 100;
    await fc.assert(
      fc.asyncProperty(httpCases(fresh.fz.known), async (c) => {
        await driver.send(c);
      }),
      { seed, numRuns: scale.runs },
    );
    console.log(tally.report({ scale: scale.name, seed, runs: scale.runs, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
    await assertStillServing(fresh.fz.server);
    expect(fresh.crashes).toEqual([]);
    expect(tally.failureSignatures()).toEqual([]);
  });

  // Node's HTTP parser answers oversized headers itself, before Fastify sees the request: today with an empty body
  // (being fixed on the server). The property says what the protocol promises, so it fails until then.
  it('a request with headers over 16 KB is answered 431 with a Result body', async () => {
    const tally = new Tally('headers over 16 KB');
    const driver = new HttpDriver(fresh.fz.server.url, tally);
    for (const path of ['/health', '/api/departments', '/api/auth/login']) {
      await driver.send({ route: `GET ${path}`, form: 'params', method: 'GET', path, headers: { 'x-padding': 'a'.repeat(20_000) } });
    }
    console.log(tally.report());
    await assertStillServing(fresh.fz.server);
    expect(fresh.crashes).toEqual([]);
    expect([...tally.answers.keys()].every((k) => k.startsWith('431 '))).toBe(true);
    expect(tally.failureSignatures()).toEqual([]);
  });
});
