// The shape of one numbered cache migration and the runner that applies pending ones (PRAGMA user_version).
import type Database from 'better-sqlite3';
import { migration001Entities } from './001-entities';
import { migration002Outbox } from './002-outbox';
import { migration003Search } from './003-search';
import { migration004History } from './004-history';
import { migration005OutboxLanes } from './005-outbox-lanes';
import { migration006Canned } from './006-canned';

export interface Migration {
  version: number;
  name: string;
  /** SQL run inside one transaction together with the user_version bump. */
  up: string;
}

export const migrations: readonly Migration[] = [migration001Entities, migration002Outbox, migration003Search, migration004History, migration005OutboxLanes, migration006Canned];

export const latestVersion = (): number => migrations[migrations.length - 1]?.version ?? 0;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the current version, up to `target` (tests stop midway to test each step). */
export function migrate(db: Database.Database, target = latestVersion()): number {
  const current = schemaVersion(db);
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
