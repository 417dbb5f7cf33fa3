import { afterEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../../src-main/core/cache/open-cache';
import { createCannedQueries } from '../../../../src-main/core/canned-queries';
import type { FromServer } from '../../../../src-main/core/server-first-queries';
import { err, ok, type Result } from '../../../../src-shared/result';
import type { CannedResponse } from '../../../../src-shared/canned-response';

let cache: Cache;
afterEach(() => cache?.close());

const hello: CannedResponse = { id: '40000000-0000-4000-8000-000000000001', departmentId: null, shortcut: 'hello', title: 'Greeting', body: 'Hi', updatedAt: 1 };
const stale: CannedResponse = { ...hello, id: '40000000-0000-4000-8000-000000000009', shortcut: 'old' };

const server = (answer: Result<unknown> | null): FromServer => (async () => answer) as FromServer;

describe('listCanned', () => {
  it('answers the server list online and replaces the cached one with it', async () => {
    cache = openCache(':memory:');
    cache.canned.upsert(stale);
    const r = await createCannedQueries({ cache, fromServer: server(ok([hello])) }).listCanned({});
    expect(r).toEqual(ok([hello]));
    expect(cache.canned.list()).toEqual([hello]);
  });

  it('answers the cached list when the server cannot be asked', async () => {
    cache = openCache(':memory:');
    cache.canned.upsert(hello);
    expect(await createCannedQueries({ cache, fromServer: server(null) }).listCanned({})).toEqual(ok([hello]));
  });

  it('passes a refusal through and keeps the cache', async () => {
    cache = openCache(':memory:');
    cache.canned.upsert(hello);
    const refusal = err('forbidden', 'no');
    expect(await createCannedQueries({ cache, fromServer: server(refusal) }).listCanned({})).toEqual(refusal);
    expect(cache.canned.list()).toEqual([hello]);
  });
});
