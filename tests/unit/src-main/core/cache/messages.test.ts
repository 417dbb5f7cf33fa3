import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openCache, type Cache } from '../../../../../src-main/core/cache/open-cache';
import { message } from '../../entity-fixtures';

let cache: Cache;
afterEach(() => cache?.close());

describe('messages repository', () => {
  it('applies the same server message twice as one row', () => {
    cache = openCache(':memory:');
    const m = message();
    expect(cache.messages.apply(m)).toBe('inserted');
    expect(cache.messages.apply(m)).toBe('unchanged');
    expect(cache.messages.page(m.conversationId, undefined, 50)).toHaveLength(1);
  });

  it('confirms a pending message when the server echoes its client id', () => {
    cache = openCache(':memory:');
    const conversationId = randomUUID();
    const clientId = randomUUID();
    cache.messages.insertPending(message({ id: clientId, clientId, conversationId, seq: 0, body: 'pending words' }));
    expect(cache.messages.page(conversationId, undefined, 50)[0]?.pending).toBe(true);
    const confirmed = message({ clientId, conversationId, seq: 7, body: 'pending words' });
    expect(cache.messages.apply(confirmed)).toBe('confirmed');
    const [row] = cache.messages.page(conversationId, undefined, 50);
    expect(row).toMatchObject({ id: confirmed.id, seq: 7 });
    expect(row?.pending).toBeUndefined();
    expect(cache.search.search('pending', 10)).toHaveLength(1);
  });

  it('pages older messages before a seq, oldest first', () => {
    cache = openCache(':memory:');
    const conversationId = randomUUID();
    cache.transaction(() => {
      for (let seq = 1; seq <= 10; seq++) cache.messages.apply(message({ conversationId, seq }));
    });
    expect(cache.messages.page(conversationId, 6, 3).map((m) => m.seq)).toEqual([3, 4, 5]);
  });

  it('removing a pending message also removes it from search', () => {
    cache = openCache(':memory:');
    const clientId = randomUUID();
    cache.messages.insertPending(message({ id: clientId, clientId, body: 'zebra crossing' }));
    expect(cache.messages.removePending(clientId)).toBe(true);
    expect(cache.search.search('zebra', 10)).toEqual([]);
  });

  it('keeps attachment metadata with the message', () => {
    cache = openCache(':memory:');
    const attachment = {
      id: randomUUID(),
      fileName: 'shot.png',
      size: 10,
      contentType: 'image/png',
      sha256: 'a'.repeat(64),
      uploadedBy: 'visitor' as const,
      createdAt: 5,
    };
    const m = message({ attachments: [attachment] });
    cache.messages.apply(m);
    expect(cache.messages.page(m.conversationId, undefined, 10)[0]?.attachments).toEqual([attachment]);
  });
});

describe('cache wipe', () => {
  it('forgets messages, search entries and the cursor', () => {
    cache = openCache(':memory:');
    cache.messages.apply(message({ body: 'confidential words' }));
    cache.syncState.setCursor(40);
    cache.syncState.set('me', '{}');
    cache.wipe();
    expect(cache.search.search('confidential', 5)).toEqual([]);
    expect(cache.syncState.cursor()).toBe(0);
    expect(cache.syncState.get('me')).toBeNull();
  });
});
