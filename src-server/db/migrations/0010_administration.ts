// Migration 10: administration. A greeting per department, an activity flag per account, the team's shared canned
// responses, and the audit trail every administrative change leaves.
import { sql, type Kysely } from 'kysely';
import type { Migration } from './index';

export const administration: Migration = {
  version: 10,
  name: 'administration',
  async up(db: Kysely<unknown>, dialect) {
    const serial = dialect === 'sqlite' ? ('integer' as const) : ('bigserial' as const);
    // Empty: the default greeting (src-shared/department.ts DEFAULT_GREETING), so existing departments keep theirs.
    await db.schema.alterTable('departments').addColumn('greeting', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('specialists').addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)).execute();

    await db.schema
      .createTable('canned_responses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Null: shared by every specialist. Departments are never deleted, so no cascade is needed.
      .addColumn('department_id', 'text', (c) => c.references('departments.id'))
      .addColumn('shortcut', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    // A plain unique (department_id, shortcut) would let shared ones repeat: NULLs never compare equal in a unique
    // index, on SQLite and PostgreSQL alike. Department ids are non-empty slugs, so '' stands for "shared" here.
    await sql`create unique index canned_responses_scope_shortcut on canned_responses (coalesce(department_id, ''), shortcut)`.execute(db);

    await db.schema
      .createTable('admin_audit')
      .addColumn('id', serial, (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('at', 'bigint', (c) => c.notNull())
      // Null: the command line (npm run admin), which acts as no account.
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('changes_json', 'text', (c) => c.notNull())
      .execute();
  },
};
