import { afterEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../../../src-main/core/cache/open-cache';
import { ticket } from '../../entity-fixtures';

let cache: Cache;
afterEach(() => cache?.close());

describe('tickets repo', () => {
  it('filters escalated tickets (and the rest) offline', () => {
    cache = openCache(':memory:');
    cache.tickets.upsert(ticket({ id: 1 }));
    cache.tickets.upsert(ticket({ id: 2, escalation: { category: 'streaming', note: '', at: 5, by: '10000000-0000-4000-8000-000000000001' } }));
    expect(cache.tickets.list({ limit: 10, escalated: true }).map((t) => t.id)).toEqual([2]);
    expect(cache.tickets.list({ limit: 10, escalated: false }).map((t) => t.id)).toEqual([1]);
    expect(cache.tickets.list({ limit: 10 }).map((t) => t.id)).toEqual([2, 1]);
  });
});
