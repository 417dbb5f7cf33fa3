// Migration 5: each outbox item's lane (its chat, ticket or incident), so one lane's stuck item delays only its lane.
// Rows queued before it get their lane from the outbox on start (outbox.recover), which owns the rule.
import type { Migration } from './migration';

export const migration005OutboxLanes: Migration = {
  version: 5,
  name: 'outbox-lanes',
  up: `
    ALTER TABLE outbox ADD COLUMN lane TEXT NOT NULL DEFAULT '';
  `,
};
