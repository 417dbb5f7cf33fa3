import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type DbHandle } from '../../../../src-server/db/connection';
import { migrate, currentVersion, LATEST_VERSION } from '../../../../src-server/db/migrations';
import { repositoryRoundTrip } from './repository-round-trip';

let dir: string;
let handle: DbHandle;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-mig-'));
  handle = openSqlite(join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await handle.close();
  await rm(dir, { recursive: true, force: true });
});

async function indexNames(table: string): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = ${table}`.execute(handle.db);
  return r.rows.map((row) => row.name);
}

describe('SQLite migrations', () => {
  it('migration 1 creates the core tables from an empty database', async () => {
    expect(await migrate(handle.db, 'sqlite', 0, 1)).toEqual([1]);
    expect(await currentVersion(handle.db)).toBe(1);
    await handle.db.insertInto('departments').values({ id: 'd', name: 'D', description: '', schedule_json: '{}', routing: 'auto', product: null, position: 0 }).execute();
  });

  it('migration 2 applies on top of version 1 and keeps its data', async () => {
    await migrate(handle.db, 'sqlite', 0, 1);
    await handle.db.insertInto('departments').values({ id: 'd', name: 'D', description: '', schedule_json: '{}', routing: 'auto', product: null, position: 0 }).execute();
    expect(await migrate(handle.db, 'sqlite', 0, 2)).toEqual([2]);
    expect(await handle.db.selectFrom('departments').select('id').execute()).toEqual([{ id: 'd' }]);
    await handle.db.insertInto('mail_log').values({ kind: 'k', to_address: 'a@b.c', subject: 's', ticket_id: null, file_name: null, status: 'sent', created_at: 1 }).execute();
  });

  it('migration 3 adds the presence lease to existing specialists', async () => {
    await migrate(handle.db, 'sqlite', 0, 2);
    await handle.db.insertInto('departments').values({ id: 'd', name: 'D', description: '', schedule_json: '{}', routing: 'auto', product: null, position: 0 }).execute();
    await (handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto('specialists')
      .values({ id: 's', email: 'e@x.co', display_name: 'S', role: 'agent', status: 'offline', max_concurrent_chats: 1, password_hash: 'h', created_at: 1, idle_since: 1 })
      .execute();
    expect(await migrate(handle.db, 'sqlite', 0, 3)).toEqual([3]);
    expect(await handle.db.selectFrom('specialists').select(['id', 'online_until']).execute()).toEqual([{ id: 's', online_until: null }]);
  });

  it('migration 4 stamps existing tickets with their last update and adds the automation jobs table', async () => {
    await migrate(handle.db, 'sqlite', 0, 3);
    const raw = handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await raw.insertInto('departments').values({ id: 'd', name: 'D', description: '', schedule_json: '{}', routing: 'auto', product: null, position: 0 }).execute();
    await raw
      .insertInto('tickets')
      .values({ subject: 's', status: 'awaiting_reply', channel: 'email', department_id: 'd', requester_email: 'a@b.co', created_at: 1, updated_at: 77 })
      .execute();
    expect(await migrate(handle.db, 'sqlite', 0, 4)).toEqual([4]);
    expect(await handle.db.selectFrom('tickets').select(['status', 'status_changed_at']).execute()).toEqual([{ status: 'awaiting_reply', status_changed_at: 77 }]);
    await handle.db.insertInto('automation_jobs').values({ id: 'j', ticket_id: 1, kind: 'reminder', ordinal: 1, status: 'awaiting_reply', status_since: 77, due_at: 100 }).execute();
  });

  it('migration 5 adds incidents and their ticket links on top of version 4 and keeps tickets', async () => {
    await migrate(handle.db, 'sqlite', 0, 4);
    const raw = handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await raw.insertInto('departments').values({ id: 'd', name: 'D', description: '', schedule_json: '{}', routing: 'auto', product: null, position: 0 }).execute();
    await raw
      .insertInto('tickets')
      .values({ subject: 's', status: 'open', channel: 'email', department_id: 'd', requester_email: 'a@b.co', created_at: 1, updated_at: 2, status_changed_at: 2 })
      .execute();
    expect(await migrate(handle.db, 'sqlite', 0, 5)).toEqual([5]);
    expect(await handle.db.selectFrom('tickets').select(['id', 'status']).execute()).toEqual([{ id: 1, status: 'open' }]);
    await handle.db.insertInto('incidents').values({ id: 'i', title: 't', category: 'streaming', eid: null, state: 'open', notice_id: null, created_by: 's', created_at: 3, resolved_at: null, resolution_note: null }).execute();
    await handle.db.insertInto('incident_tickets').values({ incident_id: 'i', ticket_id: 1, linked_at: 3 }).execute();
    await expect(handle.db.insertInto('incident_tickets').values({ incident_id: 'i', ticket_id: 1, linked_at: 4 }).execute()).rejects.toThrow();
  });

  it('migration 6 drops the unused events_department index on top of version 5 and keeps the event log', async () => {
    await migrate(handle.db, 'sqlite', 0, 5);
    await handle.db
      .insertInto('events')
      .values({ at: 1, type: 'notice.updated', payload_json: '{"notice":null}', conversation_id: null, department_id: 'd', specialist_id: null, visitor_visible: 1 })
      .execute();
    expect(await indexNames('events')).toContain('events_department');
    expect(await migrate(handle.db, 'sqlite', 0, 6)).toEqual([6]);
    expect(await indexNames('events')).not.toContain('events_department');
    expect(await indexNames('events')).toContain('events_conversation');
    expect(await handle.db.selectFrom('events').select(['seq', 'department_id']).execute()).toEqual([{ seq: 1, department_id: 'd' }]);
  });

  it('migration 7 adds the mail outbox on top of version 6, keeps mail_log rows and extends them into an attempt log', async () => {
    await migrate(handle.db, 'sqlite', 0, 6);
    const raw = handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await raw.insertInto('mail_log').values({ kind: 'chat_recap', to_address: 'a@b.co', subject: 's', ticket_id: null, file_name: null, status: 'sent', created_at: 1 }).execute();
    expect(await migrate(handle.db, 'sqlite', 0, 7)).toEqual([7]);
    expect(await handle.db.selectFrom('mail_log').select(['kind', 'status', 'outbox_id', 'attempt', 'error']).execute()).toEqual([
      { kind: 'chat_recap', status: 'sent', outbox_id: null, attempt: null, error: null },
    ]);
    const row = { idempotency_key: 'k', kind: 'email_ack', to_address: 'a@b.co', subject: 's', body: 't', ticket_id: null, created_at: 5, next_attempt_at: 5 };
    await handle.db.insertInto('mail_outbox').values(row).execute();
    expect(await handle.db.selectFrom('mail_outbox').select(['status', 'attempts', 'claimed_by', 'sent_at']).execute()).toEqual([{ status: 'queued', attempts: 0, claimed_by: null, sent_at: null }]);
    await expect(handle.db.insertInto('mail_outbox').values(row).execute()).rejects.toThrow(/UNIQUE/);
    expect(await indexNames('mail_outbox')).toContain('mail_outbox_due');
  });

  it('migration 8 adds incident reports (one per ticket and key) and key states on top of version 7 and keeps incidents', async () => {
    await migrate(handle.db, 'sqlite', 0, 7);
    await handle.db.insertInto('incidents').values({ id: 'i', title: 't', category: 'streaming', eid: null, state: 'open', notice_id: null, created_by: 's', created_at: 3, resolved_at: null, resolution_note: null }).execute();
    expect(await migrate(handle.db, 'sqlite', 0, 8)).toEqual([8]);
    expect(await handle.db.selectFrom('incidents').select('id').execute()).toEqual([{ id: 'i' }]);
    await handle.db.insertInto('incident_reports').values({ ticket_id: 1, key: 'k', at: 5 }).execute();
    await handle.db.insertInto('incident_reports').values({ ticket_id: 2, key: 'k', at: 5 }).execute();
    await expect(handle.db.insertInto('incident_reports').values({ ticket_id: 1, key: 'k', at: 6 }).execute()).rejects.toThrow(/UNIQUE/);
    await handle.db.insertInto('incident_keys').values({ key: 'k', open: 0, latest_at: 5, version: 1 }).execute();
    await expect(handle.db.insertInto('incident_keys').values({ key: 'k', open: 1, latest_at: 6, version: 1 }).execute()).rejects.toThrow(/UNIQUE/);
    expect(await indexNames('incident_reports')).toEqual(expect.arrayContaining(['incident_reports_key_at', 'incident_reports_at']));
  });

  it('migration 9 adds the login audit on top of version 8, keeps the mail outbox and indexes it by address', async () => {
    await migrate(handle.db, 'sqlite', 0, 8);
    const mail = { idempotency_key: 'k', kind: 'email_ack', to_address: 'a@b.co', subject: 's', body: 't', ticket_id: null, created_at: 5, next_attempt_at: 5 };
    await handle.db.insertInto('mail_outbox').values(mail).execute();
    expect(await migrate(handle.db, 'sqlite', 0, 9)).toEqual([9]);
    expect(await handle.db.selectFrom('mail_outbox').select('idempotency_key').execute()).toEqual([{ idempotency_key: 'k' }]);
    await handle.db.insertInto('login_attempts').values({ email: 'a@b.co', address: '203.0.113.1', at: 6, success: 0 }).execute();
    expect(await handle.db.selectFrom('login_attempts').select(['id', 'email', 'address', 'at', 'success']).execute()).toEqual([{ id: 1, email: 'a@b.co', address: '203.0.113.1', at: 6, success: 0 }]);
    expect(await indexNames('login_attempts')).toEqual(expect.arrayContaining(['login_attempts_email_address_at', 'login_attempts_at']));
    expect(await indexNames('mail_outbox')).toContain('mail_outbox_to_created');
  });

  it('migration 10 adds greetings, account activity, canned responses and the admin audit on top of version 9 and keeps departments and accounts', async () => {
    await migrate(handle.db, 'sqlite', 0, 9);
    const raw = handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await raw.insertInto('departments').values({ id: 'd', name: 'D', description: '', schedule_json: '{}', routing: 'auto', product: null, position: 0 }).execute();
    await raw
      .insertInto('specialists')
      .values({ id: 's', email: 'e@x.co', display_name: 'S', role: 'agent', status: 'offline', max_concurrent_chats: 1, password_hash: 'h', created_at: 1, idle_since: 1 })
      .execute();
    expect(await migrate(handle.db, 'sqlite', 0, 10)).toEqual([10]);
    expect(await handle.db.selectFrom('departments').select(['id', 'greeting']).execute()).toEqual([{ id: 'd', greeting: '' }]);
    expect(await handle.db.selectFrom('specialists').select(['id', 'active']).execute()).toEqual([{ id: 's', active: 1 }]);

    const canned = (id: string, department_id: string | null, shortcut: string) => ({ id, department_id, shortcut, title: 't', body: 'b', updated_at: 1 });
    await handle.db.insertInto('canned_responses').values([canned('c1', null, 'hi'), canned('c2', 'd', 'hi')]).execute();
    // Unique within a department and among the shared ones, which a plain unique index would not enforce (NULLs differ).
    await expect(handle.db.insertInto('canned_responses').values(canned('c3', null, 'hi')).execute()).rejects.toThrow(/UNIQUE/);
    await expect(handle.db.insertInto('canned_responses').values(canned('c4', 'd', 'hi')).execute()).rejects.toThrow(/UNIQUE/);
    await expect(handle.db.insertInto('canned_responses').values(canned('c5', 'nope', 'hi')).execute()).rejects.toThrow(/FOREIGN KEY/);

    const entry = { at: 5, actor_id: null, actor_name: 'command line', action: 'department.update', target: 'd', changes_json: '[]' };
    await handle.db.insertInto('admin_audit').values([entry, { ...entry, actor_id: 's' }]).execute();
    expect(await handle.db.selectFrom('admin_audit').select(['id', 'actor_id']).orderBy('id').execute()).toEqual([
      { id: 1, actor_id: null },
      { id: 2, actor_id: 's' },
    ]);
  });

  it('migration 11 adds the inbound mail store (raw bytes kept exactly) on top of version 10 and keeps the admin audit', async () => {
    await migrate(handle.db, 'sqlite', 0, 10);
    await handle.db.insertInto('admin_audit').values({ at: 5, actor_id: null, actor_name: 'command line', action: 'a', target: 't', changes_json: '[]' }).execute();
    expect(await migrate(handle.db, 'sqlite', 0, 11)).toEqual([11]);
    expect(await handle.db.selectFrom('admin_audit').select('action').execute()).toEqual([{ action: 'a' }]);
    const raw = Buffer.from([0x46, 0x00, 0xff, 0x0d, 0x0a]);
    await handle.db.insertInto('inbound_mail').values({ received_at: 6, envelope_from: '', envelope_to: 'tech@s.example', department_id: 'd', raw, status: 'received' }).execute();
    const row = await handle.db.selectFrom('inbound_mail').select(['id', 'raw', 'status', 'reason', 'ticket_id']).executeTakeFirstOrThrow();
    expect({ ...row, raw: Buffer.from(row.raw) }).toEqual({ id: 1, raw, status: 'received', reason: null, ticket_id: null });
    expect(await indexNames('inbound_mail')).toEqual(expect.arrayContaining(['inbound_mail_status_received', 'inbound_mail_received']));
  });

  it('is idempotent at the latest version', async () => {
    await migrate(handle.db, 'sqlite', 0);
    expect(await migrate(handle.db, 'sqlite', 0)).toEqual([]);
    expect(await currentVersion(handle.db)).toBe(LATEST_VERSION);
  });

  it('repositories round-trip on SQLite', async () => {
    await migrate(handle.db, 'sqlite', 0);
    await repositoryRoundTrip(handle.db);
  });
});
