import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type DbHandle } from '../../../../src-server/db/connection';
import { migrate } from '../../../../src-server/db/migrations';
import { claimMail, enqueueMails } from '../../../../src-server/db/mail-outbox';
import { claimJob, insertJobs, listDueJobs } from '../../../../src-server/db/automation-jobs';
import { releaseEarlierClaims } from '../../../../src-server/db/earlier-claims';
import { upsertDepartment } from '../../../../src-server/db/departments';
import { insertTicket } from '../../../../src-server/db/tickets';
import { makeTicket } from '../../../support/entity-factories';

let dir: string;
let handle: DbHandle;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-earlier-claims-'));
  handle = openSqlite(join(dir, 'db.sqlite'));
  await migrate(handle.db, 'sqlite', 0);
});
afterEach(async () => {
  await handle.close();
  await rm(dir, { recursive: true, force: true });
});

const mail = (key: string) => ({ key, kind: 'chat_recap' as const, to: 'c@example.com', subject: 's', text: 't', ticketId: null });
const job = (id: string) => ({ id, ticketId: 1, kind: 'reminder' as const, ordinal: 1, status: 'awaiting_reply' as const, statusSince: 0, dueAt: 10 });

describe('releaseEarlierClaims', () => {
  it('hands back only the unfinished claims this identity took before it started', async () => {
    const db = handle.db;
    await upsertDepartment(db, { id: 'technical', name: 'Technical', description: '', schedule: { zone: 'UTC', weekly: [], holidays: [] }, routing: 'auto', product: null, position: 0 });
    const { id: _id, ...ticket } = makeTicket({ departmentId: 'technical' });
    await insertTicket(db, { ...ticket, clientId: null });
    await enqueueMails(db, [mail('a'), mail('b'), mail('c')], 10);
    await insertJobs(db, [job('j1'), job('j2')]);
    // Before the restart at 100: this identity claimed mail 1 and job j1 (then died); another node holds mail 2.
    expect(await claimMail(db, 1, 'host:4080', 50, 0)).toBe(true);
    expect(await claimMail(db, 2, 'host:4081', 50, 0)).toBe(true);
    expect(await claimJob(db, 'j1', 'host:4080', 50)).toBe(true);
    // After the restart, the new run of the same identity already claimed mail 3 and job j2: those are live.
    expect(await claimMail(db, 3, 'host:4080', 120, 0)).toBe(true);
    expect(await claimJob(db, 'j2', 'host:4080', 120)).toBe(true);

    expect(await releaseEarlierClaims(db, 'host:4080', 100)).toEqual({ mails: 1, jobs: 1 });
    const holders = await db.selectFrom('mail_outbox').select(['id', 'claimed_by']).orderBy('id').execute();
    expect(holders.map((r) => [Number(r.id), r.claimed_by])).toEqual([
      [1, null],
      [2, 'host:4081'],
      [3, 'host:4080'],
    ]);
    // The released job can be claimed again at once, by any node; the live one stays held.
    expect((await listDueJobs(db, 200, 10)).map((j) => j.id)).toEqual(['j1']);
    expect(await releaseEarlierClaims(db, 'host:4080', 100)).toEqual({ mails: 0, jobs: 0 });
  });
});
