// Mail under faults: every outbox row must reach the SMTP listener, once. Rows and received mails meet on the
// Message-ID the server derives from the row (outboxMessageId), the same on every attempt.
import { outboxMessageId } from '../../../src-server/email/mail-delivery';
import type { ReceivedMail } from '../../support/smtp-sink';
import type { StoreReader } from './store-reader';

export interface MailCount {
  kind: string;
  rows: number;
  delivered: number;
  /** Rows not (yet) received at all. */
  missing: number;
  /** Receptions beyond the first of one row (a node killed between the SMTP answer and its commit). */
  repeated: number;
  failedForGood: number;
}

export async function countMail(store: StoreReader, received: readonly ReceivedMail[], mailFrom: string, kinds?: readonly string[]): Promise<MailCount[]> {
  const byId = new Map<string, number>();
  for (const m of received) if (m.parsed.messageId) byId.set(`<${m.parsed.messageId.replace(/^<|>$/g, '')}>`, (byId.get(`<${m.parsed.messageId.replace(/^<|>$/g, '')}>`) ?? 0) + 1);
  const out = new Map<string, MailCount>();
  for (const row of await store.mailRows()) {
    if (kinds && !kinds.includes(row.kind)) continue;
    const c = out.get(row.kind) ?? { kind: row.kind, rows: 0, delivered: 0, missing: 0, repeated: 0, failedForGood: 0 };
    const n = byId.get(outboxMessageId(row, mailFrom)) ?? 0;
    c.rows++;
    if (n > 0) c.delivered++;
    else c.missing++;
    c.repeated += Math.max(0, n - 1);
    if (row.status === 'failed') c.failedForGood++;
    out.set(row.kind, c);
  }
  return [...out.values()];
}

/** Waits until every row of `kinds` was received (or `ms` is over) and returns the count. */
export async function settleMail(store: StoreReader, received: readonly ReceivedMail[], mailFrom: string, kinds: readonly string[], ms: number): Promise<MailCount[]> {
  const until = Date.now() + ms;
  for (;;) {
    const c = await countMail(store, received, mailFrom, kinds);
    if (c.every((k) => k.missing === 0) || Date.now() > until) return c;
    await new Promise((r) => setTimeout(r, 500));
  }
}
