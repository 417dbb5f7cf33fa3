// Chat messages: inserted with a per-conversation seq, unique per (conversation, client id) so retries find the original.
import type { Message } from '../../src-shared/message';
import type { Attachment } from '../../src-shared/attachment';
import type { Db, MessagesTable } from './schema';
import { flag, fromJson, toJson } from './json';

const toMessage = (r: MessagesTable): Message => ({
  id: r.id,
  clientId: r.client_id,
  conversationId: r.conversation_id,
  seq: Number(r.seq),
  authorKind: r.author_kind as Message['authorKind'],
  authorId: r.author_id,
  authorName: r.author_name,
  body: r.body,
  attachments: fromJson<Attachment[]>(r.attachments_json),
  internal: Number(r.internal) === 1,
  createdAt: Number(r.created_at),
});

export async function insertMessage(db: Db, m: Message): Promise<void> {
  await db
    .insertInto('messages')
    .values({
      id: m.id,
      client_id: m.clientId,
      conversation_id: m.conversationId,
      seq: m.seq,
      author_kind: m.authorKind,
      author_id: m.authorId,
      author_name: m.authorName,
      body: m.body,
      attachments_json: toJson(m.attachments),
      internal: flag(m.internal),
      created_at: m.createdAt,
    })
    .execute();
}

export async function findMessageByClientId(db: Db, conversationId: string, clientId: string): Promise<Message | null> {
  const r = await db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId).where('client_id', '=', clientId).executeTakeFirst();
  return r ? toMessage(r) : null;
}

/** The transcript in seq order; visitors and emails never get internal notes. */
export async function listMessages(db: Db, conversationId: string, opts: { includeInternal: boolean }): Promise<Message[]> {
  let q = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
  if (!opts.includeInternal) q = q.where('internal', '=', 0);
  const rows = await q.orderBy('seq').execute();
  return rows.map(toMessage);
}
