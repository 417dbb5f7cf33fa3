// The numbered migrations in order, and the runner that applies the missing ones in one transaction each.
import { type Kysely, sql } from 'kysely';
import type { Database, DialectName } from '../schema';
import { withStartupLock } from '../startup-lock';
import { initial } from './0001_initial';
import { mailLog } from './0002_mail_log';
import { presenceLease } from './0003_presence_lease';
import { ticketAutomation } from './0004_ticket_automation';
import { incidents } from './0005_incidents';
import { dropUnusedEventIndex } from './0006_drop_unused_event_index';
import { mailOutbox } from './0007_mail_outbox';
import { incidentReports } from './0008_incident_reports';
import { loginAttempts } from './0009_login_attempts';
import { administration } from './0010_administration';
import { inboundMail } from './0011_inbound_mail';
import { customerPortal } from './0012_customer_portal';
import { statusSubscriptions } from './0013_status_subscriptions';
import { helpCenter } from './0014_help_center';
import { helpSearchSpeed } from './0015_help_search_speed';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

export const migrations: readonly Migration[] = [initial, mailLog, presenceLease, ticketAutomation, incidents, dropUnusedEventIndex, mailOutbox, incidentReports, loginAttempts, administration, inboundMail, customerPortal, statusSubscriptions, helpCenter, helpSearchSpeed];
export const LATEST_VERSION = migrations.length;

async function ensureVersionTable(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'bigint', (c) => c.notNull())
    .execute();
}

async function appliedVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('schema_migrations').select(sql<number>`max(version)`.as('v')).executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function currentVersion(db: Kysely<Database>): Promise<number> {
  await ensureVersionTable(db);
  return appliedVersion(db);
}

/** Readiness probe: the applied version, without creating anything (throws while the database is unreachable). */
export async function schemaVersion(db: Kysely<Database>): Promise<number> {
  return appliedVersion(db).catch((e: unknown) => {
    if (/schema_migrations/.test(String(e))) return 0;
    throw e;
  });
}

/**
 * Applies migrations above the current version up to `target` (default: latest); returns the versions applied.
 * Several nodes may start at once on one database: on PostgreSQL the run holds the start-up lock
 * (startup-lock.ts), and every migration re-reads the version inside its own transaction and skips what
 * another node applied meanwhile (on SQLite those transactions begin IMMEDIATE, so the read is under the write lock).
 */
export async function migrate(db: Kysely<Database>, dialect: DialectName, now: number, target = LATEST_VERSION): Promise<number[]> {
  return withStartupLock(db, dialect, (locked) => migrateOn(locked, dialect, now, target));
}

async function migrateOn(db: Kysely<Database>, dialect: DialectName, now: number, target: number): Promise<number[]> {
  const from = await currentVersion(db);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= from || m.version > target) continue;
    const ran = await db.transaction().execute(async (trx) => {
      if ((await appliedVersion(trx)) >= m.version) return false;
      await m.up(trx as unknown as Kysely<unknown>, dialect);
      await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: now }).execute();
      return true;
    });
    if (ran) applied.push(m.version);
  }
  return applied;
}
