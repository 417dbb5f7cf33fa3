// Attachment metadata and the generated storage name of its bytes under DATA_DIR/files.
import type { Attachment } from '../../src-shared/attachment';
import { sql, type Selectable } from 'kysely';
import type { Db, AttachmentsTable } from './schema';

export interface StoredAttachment {
  attachment: Attachment;
  conversationId: string | null;
  ticketId: number | null;
  storageName: string;
  /** The portal customer holding the file for a request not yet submitted (migration 12); absent: none. */
  portalOwner?: string | null;
}

const toStored = (r: Selectable<AttachmentsTable>): StoredAttachment => ({
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
  portalOwner: r.portal_owner,
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
      portal_owner: s.portalOwner ?? null,
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

/**
 * Deletes, in one statement, up to `limit` customer comment-page uploads made before `before` that no comment
 * carries, and returns their storage names so the caller removes the bytes. A comment holds its files in
 * `attachments_json` and lands on the link's own ticket, or on the follow-up a comment on a Closed ticket starts;
 * both are checked. The reference test sits in the DELETE itself, so two nodes sweeping at once (or a comment
 * committed in between) never remove a file a comment shows: each row is deleted once, by whichever node gets it.
 */
export async function deleteUnsentCommentUploads(db: Db, before: number, limit: number): Promise<string[]> {
  const rows = await db
    .deleteFrom('attachments')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('attachments as c')
        .select('c.id')
        .where('c.conversation_id', 'is', null)
        .where('c.uploaded_by', '=', 'customer')
        .where('c.created_at', '<', before)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('ticket_comments as tc')
                .select('tc.seq')
                .where((tc) =>
                  tc.or([
                    tc('tc.ticket_id', '=', tc.ref('c.ticket_id')),
                    tc('tc.ticket_id', 'in', tc.selectFrom('tickets as f').select('f.id').whereRef('f.follow_up_of', '=', 'c.ticket_id')),
                  ]),
                )
                // Attachment ids are UUIDs, so a substring match on the stored JSON cannot hit another file.
                .where(sql<boolean>`tc.attachments_json like '%' || c.id || '%'`),
            ),
          ),
        )
        .orderBy('c.created_at')
        .limit(limit),
    )
    .returning('storage_name')
    .execute();
  return rows.map((r) => r.storage_name);
}
