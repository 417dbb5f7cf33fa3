// Chat messages: inserted with a per-conversation seq, unique per (conversation, client id) so retries find the original.
import type { Message } from '../../src-shared/message';
import type { Attachment } from '../../src-shared/attachment';
import type { Db, MessagesTable } from './schema';
import { flag, fromJson, toJson } from './json';
import { hotSql, runHot } from './events';

// The statements every chat message runs, written once (see hotSql); the rest of the module builds queries with Kysely.
const INSERT_MESSAGE = hotSql(
  'insert into "messages" ("id", "client_id", "conversation_id", "seq", "author_kind", "author_id", "author_name", "body", "attachments_json", "internal", "created_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
);
const FIND_BY_CLIENT_ID = hotSql('select * from "messages" where "conversation_id" = ? and "client_id" = ?');
const RESERVE_SEQ = hotSql(
  'update "conversations" set "last_seq" = "last_seq" + 1, "last_activity_at" = ? where "id" = ? and "state" != ? returning "last_seq", "department_id", "specialist_id", "visitor_email"',
);

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
  await runHot(db, INSERT_MESSAGE, [
    m.id,
    m.clientId,
    m.conversationId,
    m.seq,
    m.authorKind,
    m.authorId,
    m.authorName,
    m.body,
    toJson(m.attachments),
    flag(m.internal),
    m.createdAt,
  ]);
}

export async function findMessageByClientId(db: Db, conversationId: string, clientId: string): Promise<Message | null> {
  const [r] = await runHot<MessagesTable>(db, FIND_BY_CLIENT_ID, [conversationId, clientId]);
  return r ? toMessage(r) : null;
}

/**
 * The visitor's hot path in one statement: reserves the next seq of a conversation that has not ended and
 * returns what the message's event scope needs; null when the conversation is missing or ended.
 */
export async function reserveSeqIfOpen(db: Db, conversationId: string, now: number): Promise<{ seq: number; departmentId: string; specialistId: string | null; visitorEmail: string } | null> {
  const [r] = await runHot<{ last_seq: number; department_id: string; specialist_id: string | null; visitor_email: string }>(db, RESERVE_SEQ, [now, conversationId, 'ended']);
  return r ? { seq: Number(r.last_seq), departmentId: r.department_id, specialistId: r.specialist_id, visitorEmail: r.visitor_email } : null;
}

/** Whether a message the visitor sees (not an internal note) of this conversation carries the attachment. */
export async function isAttachmentSentToVisitor(db: Db, conversationId: string, attachmentId: string): Promise<boolean> {
  // attachments_json is JSON.stringify of Attachment[]: `"id":"<uuid>"` narrows the rows, parsing decides.
  const rows = await db
    .selectFrom('messages')
    .select('attachments_json')
    .where('conversation_id', '=', conversationId)
    .where('internal', '=', 0)
    .where('attachments_json', 'like', `%"id":"${attachmentId.replace(/[%_\\]/g, '')}"%`)
    .execute();
  return rows.some((r) => fromJson<Attachment[]>(r.attachments_json).some((a) => a.id === attachmentId));
}

/** The transcript in seq order; visitors and emails never get internal notes. */
export async function listMessages(db: Db, conversationId: string, opts: { includeInternal: boolean }): Promise<Message[]> {
  let q = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
  if (!opts.includeInternal) q = q.where('internal', '=', 0);
  const rows = await q.orderBy('seq').execute();
  return rows.map(toMessage);
}
