// The inbound mail store: a raw mail recorded on acceptance, its outcome once processed, and the admin's listing.
import type { Db } from './schema';

export type InboundMailStatus = 'received' | 'processed' | 'ignored' | 'failed';

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
  ticketId: number | null;
  processedAt: number;
}

/** A listing row: everything but the raw bytes, which can be large. */
export interface InboundMailSummary {
  id: number;
  receivedAt: number;
  envelopeFrom: string;
  envelopeTo: string;
  departmentId: string;
  status: InboundMailStatus;
  reason: string | null;
  messageId: string | null;
  fromAddress: string | null;
  ticketId: number | null;
  size: number;
}

/** Stored with status 'received'; the listener answers 250 only after this resolves. */
export async function recordAcceptedMail(db: Db, m: AcceptedMail): Promise<number> {
  const row = await db
    .insertInto('inbound_mail')
    .values({ received_at: m.receivedAt, envelope_from: m.envelopeFrom, envelope_to: m.envelopeTo, department_id: m.departmentId, raw: m.raw, status: 'received' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function recordInboundOutcome(db: Db, id: number, o: InboundMailOutcome): Promise<void> {
  await db
    .updateTable('inbound_mail')
    .set({ status: o.status, reason: o.reason, message_id: o.messageId, from_address: o.fromAddress, ticket_id: o.ticketId, processed_at: o.processedAt })
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

export async function listInboundMail(db: Db, opts: { status?: InboundMailStatus; last: number }): Promise<InboundMailSummary[]> {
  let q = db
    .selectFrom('inbound_mail')
    .select(['id', 'received_at', 'envelope_from', 'envelope_to', 'department_id', 'status', 'reason', 'message_id', 'from_address', 'ticket_id'])
    .select((eb) => eb.fn<number>('length', ['raw']).as('size'));
  if (opts.status) q = q.where('status', '=', opts.status);
  const rows = await q.orderBy('id', 'desc').limit(opts.last).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    receivedAt: Number(r.received_at),
    envelopeFrom: r.envelope_from,
    envelopeTo: r.envelope_to,
    departmentId: r.department_id,
    status: r.status,
    reason: r.reason,
    messageId: r.message_id,
    fromAddress: r.from_address,
    ticketId: r.ticket_id === null ? null : Number(r.ticket_id),
    size: Number(r.size),
  }));
}
