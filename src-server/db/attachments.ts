// Attachment metadata and the generated storage name of its bytes under DATA_DIR/files.
import type { Attachment } from '../../src-shared/attachment';
import type { Db, AttachmentsTable } from './schema';

export interface StoredAttachment {
  attachment: Attachment;
  conversationId: string | null;
  ticketId: number | null;
  storageName: string;
}

const toStored = (r: AttachmentsTable): StoredAttachment => ({
  attachment: {
    id: r.id,
    fileName: r.file_name,
    size: Number(r.size),
    contentType: r.content_type,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by as Attachment['uploadedBy'],
    createdAt: Number(r.created_at),
  },
  conversationId: r.conversation_id,
  ticketId: r.ticket_id === null ? null : Number(r.ticket_id),
  storageName: r.storage_name,
});

export async function insertAttachment(db: Db, s: StoredAttachment): Promise<void> {
  const a = s.attachment;
  await db
    .insertInto('attachments')
    .values({
      id: a.id,
      conversation_id: s.conversationId,
      ticket_id: s.ticketId,
      file_name: a.fileName,
      size: a.size,
      content_type: a.contentType,
      sha256: a.sha256,
      uploaded_by: a.uploadedBy,
      storage_name: s.storageName,
      created_at: a.createdAt,
    })
    .execute();
}

export async function getAttachment(db: Db, id: string): Promise<StoredAttachment | null> {
  const r = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toStored(r) : null;
}

export async function getAttachments(db: Db, ids: readonly string[]): Promise<StoredAttachment[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('attachments').selectAll().where('id', 'in', ids).execute();
  return rows.map(toStored);
}
