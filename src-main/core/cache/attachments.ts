// Attachment metadata for messages, ticket comments and drop boxes (bytes stay on the server).
import type Database from 'better-sqlite3';
import type { Attachment } from '../../../src-shared/attachment';

export type AttachmentOwner = 'message' | 'comment' | 'dropbox';

export function createAttachmentsRepo(db: Database.Database) {
  const insertStmt = db.prepare(`
    INSERT INTO attachments (id, owner_kind, owner_id, file_name, size, content_type, sha256, uploaded_by, created_at)
    VALUES (@id, @ownerKind, @ownerId, @fileName, @size, @contentType, @sha256, @uploadedBy, @createdAt)
    ON CONFLICT DO NOTHING`);
  const deleteStmt = db.prepare('DELETE FROM attachments WHERE owner_kind = ? AND owner_id = ?');
  const forOwnersStmt = db.prepare(`
    SELECT owner_id AS ownerId, id, file_name AS fileName, size, content_type AS contentType, sha256,
           uploaded_by AS uploadedBy, created_at AS createdAt
    FROM attachments WHERE owner_kind = ? AND owner_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id`);
  const getStmt = db.prepare(`
    SELECT id, file_name AS fileName, size, content_type AS contentType, sha256, uploaded_by AS uploadedBy, created_at AS createdAt
    FROM attachments WHERE id = ? LIMIT 1`);
  return {
    /** Metadata of one attachment the cache has seen (any owner). */
    get(id: string): Attachment | null {
      return (getStmt.get(id) as Attachment | undefined) ?? null;
    },
    /** Replaces the owner's attachment list (drop boxes gain files over time). */
    setFor(ownerKind: AttachmentOwner, ownerId: string, attachments: readonly Attachment[]): void {
      deleteStmt.run(ownerKind, ownerId);
      for (const a of attachments) insertStmt.run({ ...a, ownerKind, ownerId });
    },
    addFor(ownerKind: AttachmentOwner, ownerId: string, attachments: readonly Attachment[]): void {
      for (const a of attachments) insertStmt.run({ ...a, ownerKind, ownerId });
    },
    forOwners(ownerKind: AttachmentOwner, ownerIds: readonly string[]): Map<string, Attachment[]> {
      const out = new Map<string, Attachment[]>();
      if (ownerIds.length === 0) return out;
      for (const row of forOwnersStmt.all(ownerKind, JSON.stringify(ownerIds)) as (Attachment & { ownerId: string })[]) {
        const { ownerId, ...a } = row;
        const list = out.get(ownerId) ?? [];
        list.push(a as Attachment);
        out.set(ownerId, list);
      }
      return out;
    },
  };
}
export type AttachmentsRepo = ReturnType<typeof createAttachmentsRepo>;
