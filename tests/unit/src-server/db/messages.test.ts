import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openSqlite, type DbHandle } from '../../../../src-server/db/connection';
import { migrate } from '../../../../src-server/db/migrations';
import { upsertDepartment } from '../../../../src-server/db/departments';
import { insertConversation, updateConversation, getConversation } from '../../../../src-server/db/conversations';
import { findMessageByClientId, insertMessage, listMessages, reserveSeqIfOpen } from '../../../../src-server/db/messages';
import { defaultDepartments } from '../../../../src-server/seed';
import type { Message } from '../../../../src-shared/message';

const now = 1_700_000_000_000;
let dir: string;
let handle: DbHandle;
let conversationId: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-messages-'));
  handle = openSqlite(join(dir, 'db.sqlite'));
  await migrate(handle.db, 'sqlite', 0);
  for (const d of defaultDepartments) await upsertDepartment(handle.db, d);
  conversationId = randomUUID();
  await insertConversation(handle.db, { id: conversationId, clientId: randomUUID(), departmentId: 'finance', visitorEmail: 'v@example.com', question: 'q', context: { pid: 'p' }, tokenHash: randomUUID(), now });
});
afterEach(async () => {
  await handle.close();
  await rm(dir, { recursive: true, force: true });
});

const message = (over: Partial<Message>): Message => ({
  id: randomUUID(),
  clientId: randomUUID(),
  conversationId,
  seq: 1,
  authorKind: 'visitor',
  authorId: null,
  authorName: 'v@example.com',
  body: 'hello',
  attachments: [],
  internal: false,
  createdAt: now,
  ...over,
});

describe('reserveSeqIfOpen', () => {
  it('hands out consecutive seqs per conversation with what the event scope needs, and records the activity time', async () => {
    const first = await reserveSeqIfOpen(handle.db, conversationId, now + 5);
    const second = await reserveSeqIfOpen(handle.db, conversationId, now + 9);
    expect(first).toEqual({ seq: 1, departmentId: 'finance', specialistId: null, visitorEmail: 'v@example.com' });
    expect(second?.seq).toBe(2);
    const other = randomUUID();
    await insertConversation(handle.db, { id: other, clientId: randomUUID(), departmentId: 'finance', visitorEmail: 'w@example.com', question: 'q', context: {}, tokenHash: randomUUID(), now });
    expect((await reserveSeqIfOpen(handle.db, other, now))?.seq).toBe(1);
  });

  it('refuses an ended or unknown conversation', async () => {
    await updateConversation(handle.db, conversationId, { state: 'ended', endedAt: now, endReason: 'visitor_left' });
    expect(await reserveSeqIfOpen(handle.db, conversationId, now)).toBeNull();
    expect(await reserveSeqIfOpen(handle.db, randomUUID(), now)).toBeNull();
    expect((await getConversation(handle.db, conversationId))?.state).toBe('ended');
  });
});

describe('messages', () => {
  it('finds a message again by its client id, with every field as written', async () => {
    const m = message({ attachments: [], internal: false, seq: 1 });
    await insertMessage(handle.db, m);
    expect(await findMessageByClientId(handle.db, conversationId, m.clientId)).toEqual(m);
    expect(await findMessageByClientId(handle.db, conversationId, randomUUID())).toBeNull();
  });

  it('rejects a second message with the same client id in a conversation', async () => {
    const m = message({ seq: 1 });
    await insertMessage(handle.db, m);
    await expect(insertMessage(handle.db, message({ clientId: m.clientId, seq: 2 }))).rejects.toThrow();
  });

  it('keeps internal notes out of the visitor transcript', async () => {
    await insertMessage(handle.db, message({ seq: 1 }));
    await insertMessage(handle.db, message({ seq: 2, internal: true, authorKind: 'specialist', body: 'note' }));
    expect((await listMessages(handle.db, conversationId, { includeInternal: false })).map((m) => m.seq)).toEqual([1]);
    expect((await listMessages(handle.db, conversationId, { includeInternal: true })).map((m) => m.seq)).toEqual([1, 2]);
  });
});
