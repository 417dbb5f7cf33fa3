import { afterEach, describe, expect, it, vi } from 'vitest';
import { newClientId } from '../../../../../src-server/widget/src/client-id';

const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newClientId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes a v4 UUID the server accepts as a client id', () => {
    expect(newClientId()).toMatch(v4);
  });

  it('still makes v4 UUIDs where crypto.randomUUID is missing (page served over plain http)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    const ids = new Set(Array.from({ length: 50 }, () => newClientId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(v4);
  });
});
