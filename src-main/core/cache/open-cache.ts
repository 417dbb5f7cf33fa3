// Opens the console's local SQLite cache (WAL), migrates it, and hands out the repositories.
import Database from 'better-sqlite3';
import { migrate } from './migrations/migration';
import { createAttachmentsRepo } from './attachments';
import { createConversationsRepo } from './conversations';
import { createDepartmentsRepo } from './departments';
import { createDropBoxesRepo } from './drop-boxes';
import { createMessagesRepo } from './messages';
import { createOutboxItemsRepo } from './outbox-items';
import { createSearchRepo } from './search';
import { createSpecialistsRepo } from './specialists';
import { createSyncStateRepo } from './sync-state';
import { createTicketsRepo } from './tickets';
import { createTicketAuditRepo } from './ticket-audit';
import { createIncidentsRepo } from './incidents';
import { createCannedRepo } from './canned';

export function openCache(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across app crashes in WAL mode; only an OS crash may lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // 64 MB page cache: the UUID indexes of a million messages are random-access; the 2 MB default thrashes.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  migrate(db);
  const attachments = createAttachmentsRepo(db);
  return {
    db,
    attachments,
    departments: createDepartmentsRepo(db),
    specialists: createSpecialistsRepo(db),
    conversations: createConversationsRepo(db),
    messages: createMessagesRepo(db, attachments),
    tickets: createTicketsRepo(db, attachments),
    ticketAudit: createTicketAuditRepo(db),
    incidents: createIncidentsRepo(db),
    canned: createCannedRepo(db),
    dropBoxes: createDropBoxesRepo(db, attachments),
    syncState: createSyncStateRepo(db),
    outbox: createOutboxItemsRepo(db),
    search: createSearchRepo(db),
    /**
     * Forgets everything cached (another specialist or another server is signing in on this machine):
     * their chats must not show, and the cursor must start again from 0.
     */
    wipe(): void {
      db.transaction(() => {
        for (const table of ['departments', 'specialists', 'conversations', 'messages', 'tickets', 'ticket_comments', 'drop_boxes', 'attachments', 'outbox', 'kv', 'ticket_audit', 'incidents', 'canned']) {
          db.prepare(`DELETE FROM ${table}`).run();
        }
        db.prepare(`INSERT INTO messages_fts (messages_fts) VALUES ('delete-all')`).run();
        db.prepare('DELETE FROM tickets_fts').run();
        db.prepare('UPDATE sync_state SET cursor = 0').run();
      })();
    },
    /** Runs `fn` in one transaction (multi-row writes are never split). */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    close(): void {
      db.close();
    },
  };
}
export type Cache = ReturnType<typeof openCache>;
