// The attempt log of the mail outbox: one row per delivery attempt (sent over SMTP, written to the file outbox, or failed).
import type { Db } from './schema';

export interface MailLogEntry {
  kind: string;
  to: string;
  subject: string;
  ticketId: number | null;
  fileName: string | null;
  status: 'sent' | 'written' | 'failed';
  now: number;
  /** The mail_outbox row and its 1-based attempt number. */
  outboxId: number;
  attempt: number;
  /** Short error code of a failed attempt (never the transport's text). */
  error: string | null;
}

export async function recordMail(db: Db, e: MailLogEntry): Promise<void> {
  await db
    .insertInto('mail_log')
    .values({
      kind: e.kind,
      to_address: e.to,
      subject: e.subject,
      ticket_id: e.ticketId,
      file_name: e.fileName,
      status: e.status,
      created_at: e.now,
      outbox_id: e.outboxId,
      attempt: e.attempt,
      error: e.error,
    })
    .execute();
}

export interface LoggedMail {
  kind: string;
  to: string;
  subject: string;
  ticketId: number | null;
  fileName: string | null;
  status: string;
  outboxId: number | null;
  attempt: number | null;
  error: string | null;
}

export async function listMail(db: Db): Promise<LoggedMail[]> {
  const rows = await db.selectFrom('mail_log').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    kind: r.kind,
    to: r.to_address,
    subject: r.subject,
    ticketId: r.ticket_id === null ? null : Number(r.ticket_id),
    fileName: r.file_name,
    status: r.status,
    outboxId: r.outbox_id === null ? null : Number(r.outbox_id),
    attempt: r.attempt === null ? null : Number(r.attempt),
    error: r.error,
  }));
}
