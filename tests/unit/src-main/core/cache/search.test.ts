import { afterEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../../../src-main/core/cache/open-cache';
import { toFtsQuery } from '../../../../../src-main/core/cache/search';
import { conversation, message, ticket } from '../../entity-fixtures';

let cache: Cache;
afterEach(() => cache?.close());

describe('toFtsQuery', () => {
  it('quotes every word and makes the last one a prefix', () => {
    expect(toFtsQuery('black screen')).toBe('"black" "screen"*');
  });
  it('neutralises FTS operators and quotes typed by the user', () => {
    expect(toFtsQuery('a" OR b NEAR(')).toBe('"a" "OR" "b" "NEAR("*');
  });
  it('returns null for input without letters or digits', () => {
    expect(toFtsQuery(' -- ')).toBeNull();
  });
  it('accepts a ticket number written with #', () => {
    expect(toFtsQuery('#1042')).toBe('"1042"*');
  });
});

describe('search repository', () => {
  it('finds a word from a message with the match marked in the snippet', () => {
    cache = openCache(':memory:');
    const c = conversation({ visitorEmail: 'ann@example.com' });
    cache.conversations.upsert(c);
    cache.messages.apply(message({ conversationId: c.id, body: 'the projector keeps flickering today' }));
    const hits = cache.search.search('projector', 10);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'message', conversationId: c.id, title: 'Chat with ann@example.com' });
    expect(hits[0]?.snippet).toContain('\u0002projector\u0003');
  });

  it('finds tickets by subject, requester and ticket number', () => {
    cache = openCache(':memory:');
    cache.tickets.upsert(ticket({ id: 1042, subject: 'Invoice missing', requesterEmail: 'bob@corp.example' }));
    expect(cache.search.search('invoice', 10)[0]).toMatchObject({ kind: 'ticket', ticketId: 1042 });
    expect(cache.search.search('bob@corp', 10)[0]?.ticketId).toBe(1042);
    expect(cache.search.search('#1042', 10)[0]?.ticketId).toBe(1042);
  });

  it('reindexes a ticket whose subject changed', () => {
    cache = openCache(':memory:');
    cache.tickets.upsert(ticket({ id: 7, subject: 'Old words' }));
    cache.tickets.upsert(ticket({ id: 7, subject: 'New phrasing' }));
    expect(cache.search.search('old', 10)).toEqual([]);
    expect(cache.search.search('phrasing', 10)).toHaveLength(1);
  });

  it('ranks only within the newest matches when a word is very common', () => {
    cache = openCache(':memory:');
    const c = conversation();
    cache.transaction(() => {
      for (let seq = 1; seq <= 5100; seq++) cache.messages.apply(message({ conversationId: c.id, seq, body: `common word ${seq}` }));
    });
    const hits = cache.search.search('common', 100);
    expect(hits).toHaveLength(100);
    // Rows older than the 5,000 newest matches are outside the ranking window.
    expect(hits.every((h) => !/ (\d{1,2}|100)$/.test(h.snippet.replaceAll('\u0002', '').replaceAll('\u0003', '')))).toBe(true);
  });
});

describe('search while typing', () => {
  it('finds a half-typed last word as a prefix, and whole words exactly', () => {
    cache = openCache(':memory:');
    const c = conversation();
    cache.messages.apply(message({ conversationId: c.id, seq: 1, body: 'streaming keeps stalling' }));
    cache.messages.apply(message({ conversationId: c.id, seq: 2, body: 'the stream is fine' }));
    expect(cache.search.search('strea', 10)).toHaveLength(2);
    expect(cache.search.search('stream', 10).map((h) => h.snippet)).toEqual(expect.arrayContaining(['the \u0002stream\u0003 is fine']));
  });
});
