// The numbered migrations in order, and the runner that applies the missing ones in one transaction each.
import { type Kysely, sql } from 'kysely';
import type { Database, DialectName } from '../schema';
import { initial } from './0001_initial';
import { mailLog } from './0002_mail_log';
import { presenceLease } from './0003_presence_lease';
import { ticketAutomation } from './0004_ticket_automation';
import { incidents } from './0005_incidents';
import { dropUnusedEventIndex } from './0006_drop_unused_event_index';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

export const migrations: readonly Migration[] = [initial, mailLog, presenceLease, ticketAutomation, incidents, dropUnusedEventIndex];
export const LATEST_VERSION = migrations.length;

export async function currentVersion(db: Kysely<Database>): Promise<number> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'bigint', (c) => c.notNull())
    .execute();
  const row = await db.selectFrom('schema_migrations').select(sql<number>`max(version)`.as('v')).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Applies migrations above the current version up to `target` (default: latest); returns the versions applied. */
export async function migrate(db: Kysely<Database>, dialect: DialectName, now: number, target = LATEST_VERSION): Promise<number[]> {
  const from = await currentVersion(db);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= from || m.version > target) continue;
    await db.transaction().execute(async (trx) => {
      await m.up(trx as unknown as Kysely<unknown>, dialect);
      await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: now }).execute();
    });
    applied.push(m.version);
  }
  return applied;
}
