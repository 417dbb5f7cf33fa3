// Cached drop boxes (upload slots in chats) with their attachment metadata.
import type Database from 'better-sqlite3';
import type { DropBox } from '../../../src-shared/drop-box';
import type { AttachmentsRepo } from './attachments';

export function createDropBoxesRepo(db: Database.Database, attachments: AttachmentsRepo) {
  const upsertStmt = db.prepare(
    'INSERT INTO drop_boxes (id, conversation_id, created_at, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
  );
  const listStmt = db.prepare('SELECT data FROM drop_boxes WHERE conversation_id = ? ORDER BY created_at, id').pluck();
  return {
    upsert(d: DropBox): void {
      upsertStmt.run(d.id, d.conversationId, d.createdAt, JSON.stringify(d));
      attachments.setFor('dropbox', d.id, d.attachments);
    },
    listFor(conversationId: string): DropBox[] {
      return (listStmt.all(conversationId) as string[]).map((s) => JSON.parse(s) as DropBox);
    },
  };
}
export type DropBoxesRepo = ReturnType<typeof createDropBoxesRepo>;
