import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type DbHandle } from '../../../../src-server/db/connection';
import { migrate } from '../../../../src-server/db/migrations';
import { getInboundMail, inboundMailForTicket, inboundMailRaw, listInboundMail, messageIdProcessed, recordAcceptedMail, recordInboundOutcome, takeInboundMail, unprocessedInboundMail } from '../../../../src-server/db/inbound-mail';

let dir: string;
let handle: DbHandle;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-inbound-'));
  handle = openSqlite(join(dir, 'db.sqlite'));
  await migrate(handle.db, 'sqlite', 0);
});
afterEach(async () => {
  await handle.close();
  await rm(dir, { recursive: true, force: true });
});

const accepted = (raw: string, receivedAt: number) => ({ receivedAt, envelopeFrom: 'ann@c.example', envelopeTo: 'tech@s.example', departmentId: 'technical', raw: Buffer.from(raw) });

describe('inbound mail store', () => {
  it('keeps the raw bytes of an accepted mail until processed, then records the outcome', async () => {
    const id = await recordAcceptedMail(handle.db, accepted('From: a\r\n\r\n\x00\xff', 1));
    expect(await inboundMailRaw(handle.db, id)).toEqual(Buffer.from('From: a\r\n\r\n\x00\xff'));
    expect(await unprocessedInboundMail(handle.db)).toEqual([id]);
    await recordInboundOutcome(handle.db, id, { status: 'failed', reason: 'no From', messageId: null, fromAddress: null, subject: null, ticketId: null, processedAt: 2 });
    expect(await unprocessedInboundMail(handle.db)).toEqual([]);
    expect(await inboundMailRaw(handle.db, id)).not.toBeNull();
  });
  it('lists newest first, by status, without the raw bytes', async () => {
    const a = await recordAcceptedMail(handle.db, accepted('one', 1));
    const b = await recordAcceptedMail(handle.db, accepted('three', 2));
    await recordInboundOutcome(handle.db, a, { status: 'processed', reason: null, messageId: '<m@x>', fromAddress: 'ann@c.example', subject: 'Printer', ticketId: 4, processedAt: 3 });
    const all = await listInboundMail(handle.db, { last: 10 });
    expect(all.map((m) => [m.id, m.status, m.size])).toEqual([[b, 'received', 5], [a, 'processed', 3]]);
    expect(all[1]).toMatchObject({ ticketId: 4, messageId: '<m@x>', subject: 'Printer' });
    expect(all[0]).not.toHaveProperty('raw');
    expect((await listInboundMail(handle.db, { status: 'processed', last: 10 })).map((m) => m.id)).toEqual([a]);
    expect((await listInboundMail(handle.db, { last: 1 })).map((m) => m.id)).toEqual([b]);
  });
  it('takes a mail for processing only while it has one of the expected statuses', async () => {
    const id = await recordAcceptedMail(handle.db, accepted('one', 1));
    expect(await takeInboundMail(handle.db, id, ['failed'], 2)).toBe(false);
    expect(await takeInboundMail(handle.db, id, ['received'], 2)).toBe(true);
    await recordInboundOutcome(handle.db, id, { status: 'ignored', reason: 'Auto-Submitted: auto-replied', messageId: null, fromAddress: null, subject: 'Away', ticketId: null, processedAt: 2 });
    expect(await takeInboundMail(handle.db, id, ['received', 'failed'], 3)).toBe(false);
  });
  it('finds a Message-ID already processed on another row, and a ticket\'s mails oldest first with their bytes', async () => {
    const a = await recordAcceptedMail(handle.db, accepted('first', 1));
    const b = await recordAcceptedMail(handle.db, accepted('second', 2));
    await recordInboundOutcome(handle.db, a, { status: 'processed', reason: null, messageId: '<m@x>', fromAddress: 'ann@c.example', subject: 's', ticketId: 7, processedAt: 3 });
    expect(await messageIdProcessed(handle.db, '<m@x>', b)).toBe(true);
    expect(await messageIdProcessed(handle.db, '<m@x>', a)).toBe(false);
    await recordInboundOutcome(handle.db, b, { status: 'processed', reason: null, messageId: '<n@x>', fromAddress: 'ann@c.example', subject: 'Re: s', ticketId: 7, processedAt: 4 });
    const mails = await inboundMailForTicket(handle.db, 7);
    expect(mails.map((m) => [m.id, m.raw.toString()])).toEqual([[a, 'first'], [b, 'second']]);
    expect((await getInboundMail(handle.db, b))?.subject).toBe('Re: s');
  });
});
