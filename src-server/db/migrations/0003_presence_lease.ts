// Migration 3: a presence lease per specialist, so every server node knows who is connected to any node.
import type { Kysely } from 'kysely';
import type { Migration } from './index';

export const presenceLease: Migration = {
  version: 3,
  name: 'presence_lease',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('specialists').addColumn('online_until', 'bigint').execute();
  },
};
