// Conversations (chats): state, assignee, visitor token hash and the per-conversation message counter.
import type { Conversation } from '../../src-shared/conversation';
import type { Db, ConversationsTable } from './schema';
import { fromJson, toJson } from './json';

type Row = ConversationsTable & { specialist_name: string | null };

const toConversation = (r: Row): Conversation => ({
  id: r.id,
  departmentId: r.department_id,
  visitorEmail: r.visitor_email,
  question: r.question,
  context: fromJson(r.context_json),
  state: r.state as Conversation['state'],
  specialist: r.specialist_id ? { id: r.specialist_id, displayName: r.specialist_name ?? '' } : null,
  ticketId: r.ticket_id === null ? null : Number(r.ticket_id),
  queuedAt: Number(r.queued_at),
  assignedAt: r.assigned_at === null ? null : Number(r.assigned_at),
  firstResponseAt: r.first_response_at === null ? null : Number(r.first_response_at),
  endedAt: r.ended_at === null ? null : Number(r.ended_at),
  endReason: r.end_reason as Conversation['endReason'],
  lastSeq: Number(r.last_seq),
});

function select(db: Db) {
  return db
    .selectFrom('conversations as c')
    .leftJoin('specialists as s', 's.id', 'c.specialist_id')
    .selectAll('c')
    .select('s.display_name as specialist_name');
}

export async function getConversation(db: Db, id: string): Promise<Conversation | null> {
  const r = await select(db).where('c.id', '=', id).executeTakeFirst();
  return r ? toConversation(r) : null;
}

export async function findConversationByTokenHash(db: Db, hash: string): Promise<Conversation | null> {
  const r = await select(db).where('c.visitor_token_hash', '=', hash).executeTakeFirst();
  return r ? toConversation(r) : null;
}

export async function findConversationByClientId(db: Db, clientId: string): Promise<Conversation | null> {
  const r = await select(db).where('c.client_id', '=', clientId).executeTakeFirst();
  return r ? toConversation(r) : null;
}

/** Queued and in-progress chats, oldest first; optionally only some departments. */
export async function listOpenConversations(db: Db, departmentIds?: readonly string[]): Promise<Conversation[]> {
  let q = select(db).where('c.state', '!=', 'ended');
  if (departmentIds) {
    if (departmentIds.length === 0) return [];
    q = q.where('c.department_id', 'in', departmentIds);
  }
  const rows = await q.orderBy('c.queued_at').orderBy('c.ticket_id').execute();
  return rows.map(toConversation);
}

export async function listQueued(db: Db, departmentId?: string): Promise<Conversation[]> {
  let q = select(db).where('c.state', '=', 'queued');
  if (departmentId) q = q.where('c.department_id', '=', departmentId);
  // Ticket ids grow with arrival, so they order chats queued in the same millisecond.
  const rows = await q.orderBy('c.queued_at').orderBy('c.ticket_id').execute();
  return rows.map(toConversation);
}

export async function listAssignedTo(db: Db, specialistId: string): Promise<Conversation[]> {
  const rows = await select(db).where('c.specialist_id', '=', specialistId).where('c.state', 'in', ['assigned', 'active']).orderBy('c.queued_at').execute();
  return rows.map(toConversation);
}

export interface NewConversation {
  id: string;
  clientId: string;
  departmentId: string;
  visitorEmail: string;
  question: string;
  context: Conversation['context'];
  tokenHash: string;
  now: number;
}

export async function insertConversation(db: Db, c: NewConversation): Promise<void> {
  await db
    .insertInto('conversations')
    .values({
      id: c.id,
      client_id: c.clientId,
      department_id: c.departmentId,
      visitor_email: c.visitorEmail,
      question: c.question,
      context_json: toJson(c.context),
      state: 'queued',
      specialist_id: null,
      ticket_id: null,
      visitor_token_hash: c.tokenHash,
      queued_at: c.now,
      assigned_at: null,
      first_response_at: null,
      ended_at: null,
      end_reason: null,
      last_seq: 0,
      last_activity_at: c.now,
    })
    .execute();
}

export type ConversationPatch = Partial<{
  state: Conversation['state'];
  specialistId: string | null;
  departmentId: string;
  ticketId: number;
  queuedAt: number;
  assignedAt: number | null;
  firstResponseAt: number;
  endedAt: number;
  endReason: Conversation['endReason'];
  lastActivityAt: number;
}>;

export async function updateConversation(db: Db, id: string, p: ConversationPatch): Promise<void> {
  const set: Partial<ConversationsTable> = {};
  if (p.state !== undefined) set.state = p.state;
  if (p.specialistId !== undefined) set.specialist_id = p.specialistId;
  if (p.departmentId !== undefined) set.department_id = p.departmentId;
  if (p.ticketId !== undefined) set.ticket_id = p.ticketId;
  if (p.queuedAt !== undefined) set.queued_at = p.queuedAt;
  if (p.assignedAt !== undefined) set.assigned_at = p.assignedAt;
  if (p.firstResponseAt !== undefined) set.first_response_at = p.firstResponseAt;
  if (p.endedAt !== undefined) set.ended_at = p.endedAt;
  if (p.endReason !== undefined) set.end_reason = p.endReason;
  if (p.lastActivityAt !== undefined) set.last_activity_at = p.lastActivityAt;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('conversations').set(set).where('id', '=', id).execute();
}

/** Reserves the next message seq of a conversation (inside the caller's transaction). */
export async function nextMessageSeq(db: Db, id: string, now: number): Promise<number> {
  const r = await db
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_activity_at: now }))
    .where('id', '=', id)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(r.last_seq);
}

export async function lastActivity(db: Db): Promise<{ id: string; lastActivityAt: number; state: string }[]> {
  const rows = await db.selectFrom('conversations').select(['id', 'last_activity_at', 'state']).where('state', 'in', ['assigned', 'active']).execute();
  return rows.map((r) => ({ id: r.id, lastActivityAt: Number(r.last_activity_at), state: r.state }));
}

/** Chats waiting per department, zero included (metrics); one grouped query over the queued rows. */
export async function countQueuedByDepartment(db: Db): Promise<{ departmentId: string; waiting: number }[]> {
  const rows = await db
    .selectFrom('departments as d')
    .leftJoin('conversations as c', (j) => j.onRef('c.department_id', '=', 'd.id').on('c.state', '=', 'queued'))
    .select((eb) => ['d.id as departmentId', eb.fn.count('c.id').as('waiting')])
    .groupBy('d.id')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ departmentId: r.departmentId, waiting: Number(r.waiting) }));
}
