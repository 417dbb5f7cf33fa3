// The inbound mail store: a raw mail recorded on acceptance, its outcome once processed, and the listings of it.
import type { InboundMailStatus, InboundMailSummary } from '../../src-shared/inbound-mail';
import type { Db } from './schema';

export type { InboundMailStatus, InboundMailSummary };

export interface AcceptedMail {
  receivedAt: number;
  envelopeFrom: string;
  envelopeTo: string;
  departmentId: string;
  raw: Buffer;
}

export interface InboundMailOutcome {
  status: Exclude<InboundMailStatus, 'received'>;
  reason: string | null;
  messageId: string | null;
  fromAddress: string | null;
  subject: string | null;
  ticketId: number | null;
  processedAt: number;
}

/** A stored mail with its raw bytes (one mail, or one ticket's few). */
export type InboundMailWithRaw = InboundMailSummary & { raw: Buffer };

const SUMMARY_COLUMNS = ['id', 'received_at', 'envelope_from', 'envelope_to', 'department_id', 'status', 'reason', 'message_id', 'from_address', 'subject', 'ticket_id'] as const;

interface SummaryRow {
  id: number;
  received_at: number;
  envelope_from: string;
  envelope_to: string;
  department_id: string;
  status: InboundMailStatus;
  reason: string | null;
  message_id: string | null;
  from_address: string | null;
  subject: string | null;
  ticket_id: number | null;
  size: number;
}

const toSummary = (r: SummaryRow): InboundMailSummary => ({
  id: Number(r.id),
  receivedAt: Number(r.received_at),
  envelopeFrom: r.envelope_from,
  envelopeTo: r.envelope_to,
  departmentId: r.department_id,
  status: r.status,
  reason: r.reason,
  messageId: r.message_id,
  fromAddress: r.from_address,
  subject: r.subject,
  ticketId: r.ticket_id === null ? null : Number(r.ticket_id),
  size: Number(r.size),
});

/** Stored with status 'received'; the listener answers 250 only after this resolves. */
export async function recordAcceptedMail(db: Db, m: AcceptedMail): Promise<number> {
  const row = await db
    .insertInto('inbound_mail')
    .values({ received_at: m.receivedAt, envelope_from: m.envelopeFrom, envelope_to: m.envelopeTo, department_id: m.departmentId, raw: m.raw, status: 'received' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Takes the mail for processing in the caller's transaction: true only while its status is one of `from`. The
 * UPDATE comes first so PostgreSQL holds the row lock for the whole transaction (a second processor of the same
 * mail waits, then finds it done); SQLite's single writer gives the same.
 */
export async function takeInboundMail(db: Db, id: number, from: readonly InboundMailStatus[], now: number): Promise<boolean> {
  const res = await db.updateTable('inbound_mail').set({ processed_at: now }).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function recordInboundOutcome(db: Db, id: number, o: InboundMailOutcome): Promise<void> {
  await db
    .updateTable('inbound_mail')
    .set({ status: o.status, reason: o.reason, message_id: o.messageId, from_address: o.fromAddress, subject: o.subject, ticket_id: o.ticketId, processed_at: o.processedAt })
    .where('id', '=', id)
    .execute();
}

export async function inboundMailRaw(db: Db, id: number): Promise<Buffer | null> {
  const row = await db.selectFrom('inbound_mail').select('raw').where('id', '=', id).executeTakeFirst();
  return row ? Buffer.from(row.raw) : null;
}

/** Mails accepted but not yet processed (a crash between 250 and the outcome): the restart pass takes them up. */
export async function unprocessedInboundMail(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('inbound_mail').select('id').where('status', '=', 'received').orderBy('id').execute();
  return rows.map((r) => Number(r.id));
}

/** Whether another mail with this Message-ID already became a ticket or a comment (the same mail delivered twice). */
export async function messageIdProcessed(db: Db, messageId: string, exceptId: number): Promise<boolean> {
  const r = await db.selectFrom('inbound_mail').select('id').where('message_id', '=', messageId).where('status', '=', 'processed').where('id', '!=', exceptId).executeTakeFirst();
  return r !== undefined;
}

/** The Message-IDs of the mails on a ticket with when they arrived, oldest first (threading our replies after them). */
export async function inboundMessageIdsForTicket(db: Db, ticketId: number): Promise<{ messageId: string; at: number }[]> {
  const rows = await db.selectFrom('inbound_mail').select(['message_id', 'received_at']).where('ticket_id', '=', ticketId).where('status', '=', 'processed').orderBy('id').execute();
  return rows.flatMap((r) => (r.message_id ? [{ messageId: r.message_id, at: Number(r.received_at) }] : []));
}

export async function listInboundMail(db: Db, opts: { status?: InboundMailStatus; last: number }): Promise<InboundMailSummary[]> {
  let q = db
    .selectFrom('inbound_mail')
    .select(SUMMARY_COLUMNS)
    .select((eb) => eb.fn<number>('length', ['raw']).as('size'));
  if (opts.status) q = q.where('status', '=', opts.status);
  const rows = await q.orderBy('id', 'desc').limit(opts.last).execute();
  return rows.map(toSummary);
}

export async function getInboundMail(db: Db, id: number): Promise<InboundMailWithRaw | null> {
  const r = await db
    .selectFrom('inbound_mail')
    .select([...SUMMARY_COLUMNS, 'raw'])
    .select((eb) => eb.fn<number>('length', ['raw']).as('size'))
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { ...toSummary(r), raw: Buffer.from(r.raw) } : null;
}

/** The mails that became this ticket or comments on it, oldest first. */
export async function inboundMailForTicket(db: Db, ticketId: number): Promise<InboundMailWithRaw[]> {
  const rows = await db
    .selectFrom('inbound_mail')
    .select([...SUMMARY_COLUMNS, 'raw'])
    .select((eb) => eb.fn<number>('length', ['raw']).as('size'))
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...toSummary(r), raw: Buffer.from(r.raw) }));
}
