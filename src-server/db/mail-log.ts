// The record of every email the server sent or wrote to its file outbox.
import type { Db } from './schema';

export interface MailLogEntry {
  kind: string;
  to: string;
  subject: string;
  ticketId: number | null;
  fileName: string | null;
  status: 'sent' | 'written' | 'failed';
  now: number;
}

export async function recordMail(db: Db, e: MailLogEntry): Promise<void> {
  await db
    .insertInto('mail_log')
    .values({ kind: e.kind, to_address: e.to, subject: e.subject, ticket_id: e.ticketId, file_name: e.fileName, status: e.status, created_at: e.now })
    .execute();
}

export async function listMail(db: Db): Promise<{ kind: string; to: string; subject: string; ticketId: number | null; fileName: string | null; status: string }[]> {
  const rows = await db.selectFrom('mail_log').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ kind: r.kind, to: r.to_address, subject: r.subject, ticketId: r.ticket_id === null ? null : Number(r.ticket_id), fileName: r.file_name, status: r.status }));
}
