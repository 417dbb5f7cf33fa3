// Reads the truth straight from the database the nodes share (PostgreSQL, or the SQLite file read-only), with
// plain SQL so the suite checks the stored rows, not the server's own reading of them.
import Database from 'better-sqlite3';
import pg from 'pg';
import type { StoredMessage } from './tally';

export interface StoredConversation {
  id: string;
  departmentId: string;
  state: string;
  endReason: string | null;
  endedAt: number | null;
  /** created_at of its newest message from a person (the idle-end notice itself is a system message). */
  lastMessageAt: number | null;
}

export interface StoreReader {
  messages(conversationIds: readonly string[]): Promise<StoredMessage[]>;
  conversations(ids: readonly string[]): Promise<StoredConversation[]>;
  /** Reminder jobs done, and how many are still waiting. */
  reminderJobs(): Promise<{ done: number; open: number }>;
  /** Mail outbox rows by kind and status. */
  mailRows(): Promise<{ id: number; kind: string; to: string; status: string; ticketId: number | null; createdAt: number }[]>;
  close(): Promise<void>;
}

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

function reader(query: Query, placeholder: (i: number) => string, close: () => Promise<void>): StoreReader {
  const list = (n: number) => Array.from({ length: n }, (_, i) => placeholder(i + 1)).join(', ');
  return {
    async messages(ids) {
      if (ids.length === 0) return [];
      const rows = await query(`select id, conversation_id, seq, body, internal from messages where conversation_id in (${list(ids.length)}) order by conversation_id, seq`, [...ids]);
      return rows.map((r) => ({ id: String(r.id), conversationId: String(r.conversation_id), seq: Number(r.seq), body: String(r.body), internal: Boolean(Number(r.internal)) }));
    },
    async conversations(ids) {
      if (ids.length === 0) return [];
      const rows = await query(
        `select c.id, c.department_id, c.state, c.end_reason, c.ended_at, (select max(m.created_at) from messages m where m.conversation_id = c.id and m.author_kind <> 'system') as last_message_at
         from conversations c where c.id in (${list(ids.length)})`,
        [...ids],
      );
      const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
      return rows.map((r) => ({
        id: String(r.id),
        departmentId: String(r.department_id),
        state: String(r.state),
        endReason: r.end_reason === null ? null : String(r.end_reason),
        endedAt: num(r.ended_at),
        lastMessageAt: num(r.last_message_at),
      }));
    },
    async reminderJobs() {
      const rows = await query(`select count(done_at) as done, count(*) - count(done_at) as open from automation_jobs where kind = 'reminder'`, []);
      return { done: Number(rows[0]?.done ?? 0), open: Number(rows[0]?.open ?? 0) };
    },
    async mailRows() {
      const rows = await query('select id, kind, to_address, status, ticket_id, created_at from mail_outbox order by id', []);
      return rows.map((r) => ({ id: Number(r.id), kind: String(r.kind), to: String(r.to_address), status: String(r.status), ticketId: r.ticket_id === null ? null : Number(r.ticket_id), createdAt: Number(r.created_at) }));
    },
    close,
  };
}

export async function postgresReader(url: string): Promise<StoreReader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return reader(
    async (sql, params) => (await client.query(sql, params)).rows as Record<string, unknown>[],
    (i) => `$${i}`,
    () => client.end(),
  );
}

export function sqliteReader(file: string): StoreReader {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return reader(
    (sql, params) => Promise.resolve(db.prepare(sql).all(...params) as Record<string, unknown>[]),
    () => '?',
    async () => void db.close(),
  );
}
