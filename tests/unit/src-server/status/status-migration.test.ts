// Migration 13 on top of version 12: keeps the mail outbox, adds its List-Unsubscribe column and the subscriptions.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type DbHandle } from '../../../../src-server/db/connection';
import { migrate } from '../../../../src-server/db/migrations';

let dir: string;
let handle: DbHandle;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-mig13-'));
  handle = openSqlite(join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await handle.close();
  await rm(dir, { recursive: true, force: true });
});

it('migration 13 adds status subscriptions (one per address, unique token hash) on top of version 12 and keeps queued mail', async () => {
  await migrate(handle.db, 'sqlite', 0, 12);
  await handle.db
    .insertInto('mail_outbox')
    .values({ idempotency_key: 'k', kind: 'portal_sign_in', to_address: 'a@b.co', subject: 's', body: 'b', ticket_id: null, created_at: 1, next_attempt_at: 1 })
    .execute();
  expect(await migrate(handle.db, 'sqlite', 0, 13)).toEqual([13]);
  expect(await handle.db.selectFrom('mail_outbox').select(['idempotency_key', 'list_unsubscribe']).execute()).toEqual([{ idempotency_key: 'k', list_unsubscribe: null }]);
  await handle.db.insertInto('status_subscriptions').values({ email: 'a@b.co', created_at: 1, unsubscribe_token_hash: 'h1' }).execute();
  await expect(handle.db.insertInto('status_subscriptions').values({ email: 'a@b.co', created_at: 2, unsubscribe_token_hash: 'h2' }).execute()).rejects.toThrow(/UNIQUE/);
  await expect(handle.db.insertInto('status_subscriptions').values({ email: 'c@b.co', created_at: 2, unsubscribe_token_hash: 'h1' }).execute()).rejects.toThrow(/UNIQUE/);
});
