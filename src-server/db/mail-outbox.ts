// The mail outbox: every outgoing mail as a row, queued in the transaction that causes it, claimed once across
// nodes, marked sent / retried / failed for good; plus its counts for the lead dashboard.
import { sql, type Selectable } from 'kysely';
import { mailKindSchema, type MailKind, type MailOutboxStats } from '../../src-shared/mail-delivery';
import type { Db, MailOutboxTable } from './schema';

export interface NewOutboxMail {
  /** Names the cause ("chat_recap:<conversation id>"); a second enqueue with the same key inserts nothing. */
  key: string;
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  ticketId: number | null;
  /** The signed reply address of the ticket's department (src-server/email/ticket-mail-headers.ts). */
  replyTo?: string | null;
  /** Threading: the "<…>" id this mail answers, and the ids of the conversation so far (oldest first). */
  inReplyTo?: string | null;
  references?: readonly string[];
  /** The one-click unsubscribe URL (List-Unsubscribe, RFC 8058) of mail someone subscribed to (status updates). */
  listUnsubscribe?: string | null;
}

export interface OutboxMail extends Omit<NewOutboxMail, 'key'> {
  id: number;
  key: string;
  status: 'queued' | 'sent' | 'failed';
  /** Attempts begun so far (counted at claim time, so an attempt cut short by a crash still counts). */
  attempts: number;
  lastError: string | null;
  createdAt: number;
  nextAttemptAt: number;
  sentAt: number | null;
}

type Row = Selectable<MailOutboxTable>;

const statusOf = (s: string): OutboxMail['status'] => (s === 'sent' || s === 'failed' ? s : 'queued');

function toMail(r: Row): OutboxMail {
  return {
    id: Number(r.id),
    key: r.idempotency_key,
    // The kind is checked at the edge of the database like any other input.
    kind: mailKindSchema.parse(r.kind),
    to: r.to_address,
    subject: r.subject,
    text: r.body,
    ticketId: r.ticket_id === null ? null : Number(r.ticket_id),
    replyTo: r.reply_to,
    inReplyTo: r.in_reply_to,
    references: r.references_ids ? r.references_ids.split(' ') : [],
    listUnsubscribe: r.list_unsubscribe,
    status: statusOf(r.status),
    attempts: Number(r.attempts),
    lastError: r.last_error,
    createdAt: Number(r.created_at),
    nextAttemptAt: Number(r.next_attempt_at),
    sentAt: r.sent_at === null ? null : Number(r.sent_at),
  };
}

/** Inserts the mails due now; keys already present are left alone. Call it inside the causing change's transaction. */
export async function enqueueMails(db: Db, mails: readonly NewOutboxMail[], now: number): Promise<void> {
  if (mails.length === 0) return;
  await db
    .insertInto('mail_outbox')
    .values(
      mails.map((m) => ({
        idempotency_key: m.key,
        kind: m.kind,
        to_address: m.to,
        subject: m.subject,
        body: m.text,
        ticket_id: m.ticketId,
        reply_to: m.replyTo ?? null,
        in_reply_to: m.inReplyTo ?? null,
        references_ids: m.references && m.references.length > 0 ? m.references.join(' ') : null,
        list_unsubscribe: m.listUnsubscribe ?? null,
        created_at: now,
        next_attempt_at: now,
      })),
    )
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

/** Queued rows due at `now` and not held by a live claim (a claim older than `claimedBefore` has expired). */
export async function listDueMails(db: Db, now: number, claimedBefore: number, limit: number): Promise<OutboxMail[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_at', '<', claimedBefore)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toMail);
}

/**
 * True only for the one node whose conditional UPDATE took the row: it must still be queued, due, and unclaimed
 * or held by an expired claim. The attempt is counted here, so (nodeId, claimedAt) identifies this claim.
 */
export async function claimMail(db: Db, id: number, nodeId: string, now: number, claimedBefore: number): Promise<boolean> {
  const res = await db
    .updateTable('mail_outbox')
    .set((eb) => ({ claimed_by: nodeId, claimed_at: now, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_at', '<', claimedBefore)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function getMail(db: Db, id: number): Promise<OutboxMail | null> {
  const r = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toMail(r) : null;
}

export type AttemptResult = { status: 'sent'; at: number } | { status: 'queued'; nextAttemptAt: number; error: string } | { status: 'failed'; error: string };

/** Records how this claim ended and releases it; false (nothing written) when the claim is no longer ours. */
export async function finishClaim(db: Db, id: number, claim: { nodeId: string; claimedAt: number }, result: AttemptResult): Promise<boolean> {
  const values =
    result.status === 'sent'
      ? { status: 'sent', sent_at: result.at, last_error: null }
      : result.status === 'queued'
        ? { status: 'queued', next_attempt_at: result.nextAttemptAt, last_error: result.error }
        : { status: 'failed', last_error: result.error };
  const res = await db
    .updateTable('mail_outbox')
    .set({ ...values, claimed_by: null, claimed_at: null })
    .where('id', '=', id)
    .where('claimed_by', '=', claim.nodeId)
    .where('claimed_at', '=', claim.claimedAt)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * When the next queued row can be claimed (null when none is queued): its next attempt, or for a row another node
 * holds, when that claim expires. An idle node sleeps until then instead of polling a row it cannot take.
 */
export async function nextDueAt(db: Db, claimLeaseMs: number): Promise<number | null> {
  const r = await db
    .selectFrom('mail_outbox')
    .select(sql<number | null>`min(case when claimed_by is null then next_attempt_at else claimed_at + ${claimLeaseMs} end)`.as('at'))
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return r?.at === null || r?.at === undefined ? null : Number(r.at);
}

/** The ticket's mails that went out (their Message-IDs follow from id and queue time: outboxMessageId), oldest first. */
export async function sentMailsForTicket(db: Db, ticketId: number): Promise<{ id: number; createdAt: number; sentAt: number }[]> {
  const rows = await db.selectFrom('mail_outbox').select(['id', 'created_at', 'sent_at']).where('ticket_id', '=', ticketId).where('status', '=', 'sent').orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), createdAt: Number(r.created_at), sentAt: Number(r.sent_at ?? r.created_at) }));
}

export async function listMailsForTicket(db: Db, ticketId: number): Promise<OutboxMail[]> {
  const rows = await db.selectFrom('mail_outbox').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
  return rows.map(toMail);
}

/** Queued and not failed yet, queued again after a failed attempt, and failed for good (all of history). */
export async function outboxStats(db: Db): Promise<MailOutboxStats> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select((eb) => ['status', eb.fn.countAll().as('n'), eb.fn.sum(eb.case().when('last_error', 'is not', null).then(1).else(0).end()).as('tried')])
    .where('status', 'in', ['queued', 'failed'])
    .groupBy('status')
    .execute();
  const out: MailOutboxStats = { queued: 0, retrying: 0, failed: 0 };
  for (const r of rows) {
    if (r.status === 'failed') out.failed = Number(r.n);
    else {
      out.retrying = Number(r.tried ?? 0);
      out.queued = Number(r.n) - out.retrying;
    }
  }
  return out;
}

/** Mails of `kinds` queued to `to` after `since` (sent, queued or failed: each one was an attempt to mail them). */
export async function countMailsTo(db: Db, to: string, kinds: readonly MailKind[], since: number): Promise<number> {
  const r = await db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('to_address', '=', to)
    .where('created_at', '>', since)
    .where('kind', 'in', [...kinds])
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
