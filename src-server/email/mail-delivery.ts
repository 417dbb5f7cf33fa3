// One delivery pass over the mail outbox on this node: claim each due row, send it, record the attempt (mail_log,
// ticket audit, live event) and either mark it sent, schedule its retry, or fail it for good. Safe on every node.
import type { Logger } from 'pino';
import { MAIL_AUDIT_FIELD, type MailAttempt } from '../../src-shared/mail-delivery';
import type { TicketAuditEntry } from '../../src-shared/ticket';
import type { Db } from '../db/schema';
import { claimMail, finishClaim, getMail, listDueMails, type AttemptResult, type OutboxMail } from '../db/mail-outbox';
import { recordMail } from '../db/mail-log';
import { getTicket, insertAudit } from '../db/tickets';
import { appendEvent, type LoggedEvent } from '../db/events';
import type { MailDelivery, OutgoingMail } from './mailer';
import { afterFailure, classifyMailError, type RetryPolicy } from './mail-retry';

export interface DeliveryDeps {
  /** Reads (due rows); every write goes through `write` (the server's write queue). */
  db: Db;
  write<T>(job: (trx: Db) => Promise<T>): Promise<T>;
  mailer: { send(mail: OutgoingMail): Promise<MailDelivery> };
  clock: { now(): number };
  log: Logger;
  publish(events: LoggedEvent[]): void;
  /** Unique per server process; stored as claimed_by. */
  nodeId: string;
  /** MAIL_FROM: its domain names the Message-IDs. */
  mailFrom: string;
  policy: RetryPolicy;
  /** A claim older than this is presumed dead (its node was killed mid-send) and the row is taken over. */
  claimLeaseMs?: number;
  batchSize?: number;
  /** [0, 1); Math.random by default, fixed in tests. */
  random?: () => number;
}

export interface DeliveryReport {
  due: number;
  claimed: number;
  /** Another node claimed the row first. */
  lostClaims: number;
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Longer than any one send can take: the SMTP transport gives up after 30 s connecting, 30 s waiting for the
 * greeting and 60 s of silence (mailer.ts). Only a node that died mid-send leaves a claim this old.
 */
export const DEFAULT_MAIL_CLAIM_LEASE_MS = 10 * 60_000;
export const DEFAULT_MAIL_BATCH_SIZE = 20;

/** `<switchboard.outbox.42.lrx5k2@example.com>`: the row id (and its queue time, so two installations differ), same on every attempt. */
export function outboxMessageId(mail: Pick<OutboxMail, 'id' | 'createdAt'>, mailFrom: string): string {
  return `<switchboard.outbox.${mail.id}.${mail.createdAt.toString(36)}@${messageIdDomain(mailFrom)}>`;
}

/** MAIL_FROM's domain: the right-hand side of our Message-IDs (the inbound classifier knows our own mail by it). */
export function messageIdDomain(mailFrom: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'switchboard.local';
}

const ticketScope = (t: { departmentId: string; assigneeId: string | null }) => ({ conversationId: null, departmentId: t.departmentId, specialistId: t.assigneeId, visitorVisible: false });

/**
 * Exactly once per row, with one honest gap: the row is marked sent in the transaction right after the SMTP
 * server accepted the message. A crash (or a lost database) between that accept and that commit leaves the row
 * claimed; when the claim expires another pass sends that one row again. The repeat carries the same Message-ID,
 * so a receiving system that dedupes by it shows the mail once. Nothing else can send a row twice: the claim is
 * a conditional UPDATE only one node wins, and a row is never claimed while its claim is live.
 */
export async function deliverDueMail(deps: DeliveryDeps): Promise<DeliveryReport> {
  const report: DeliveryReport = { due: 0, claimed: 0, lostClaims: 0, sent: 0, retrying: 0, failed: 0 };
  const lease = deps.claimLeaseMs ?? DEFAULT_MAIL_CLAIM_LEASE_MS;
  const start = deps.clock.now();
  const due = await listDueMails(deps.db, start, start - lease, deps.batchSize ?? DEFAULT_MAIL_BATCH_SIZE);
  report.due = due.length;
  for (const candidate of due) {
    const claimedAt = deps.clock.now();
    const mail = await deps.write(async (trx) => ((await claimMail(trx, candidate.id, deps.nodeId, claimedAt, claimedAt - lease)) ? getMail(trx, candidate.id) : null));
    if (!mail) {
      report.lostClaims++;
      continue;
    }
    report.claimed++;
    const outcome = await attempt(deps, mail, claimedAt);
    report[outcome]++;
  }
  if (report.claimed > 0) deps.log.info({ ...report, nodeId: deps.nodeId }, 'mail delivery pass');
  return report;
}

async function attempt(deps: DeliveryDeps, mail: OutboxMail, claimedAt: number): Promise<'sent' | 'retrying' | 'failed'> {
  const log = deps.log.child({ outboxId: mail.id, ticketId: mail.ticketId, mailKind: mail.kind, attempt: mail.attempts });
  let delivery: MailDelivery | null = null;
  let failure: { code: string; permanent: boolean } | null = null;
  try {
    delivery = await deps.mailer.send({
      kind: mail.kind,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ticketId: mail.ticketId,
      messageId: outboxMessageId(mail, deps.mailFrom),
      replyTo: mail.replyTo ?? null,
      inReplyTo: mail.inReplyTo ?? null,
      references: mail.references ?? [],
      listUnsubscribe: mail.listUnsubscribe ?? null,
    });
  } catch (e) {
    failure = classifyMailError(e);
  }
  // ---- a crash here, after the SMTP server accepted the message, is the one way this row can be sent again ----
  const now = deps.clock.now();
  let result: AttemptResult;
  let audit: MailAttempt;
  if (delivery) {
    result = { status: 'sent', at: now };
    audit = { kind: mail.kind, attempt: mail.attempts, outcome: 'sent', error: null, nextAttemptAt: null };
  } else {
    const error = failure?.code ?? 'ERROR';
    const next = afterFailure({ attempt: mail.attempts, queuedAt: mail.createdAt, now, permanent: failure?.permanent ?? false }, deps.policy, (deps.random ?? Math.random)());
    result = next.kind === 'retry' ? { status: 'queued', nextAttemptAt: next.at, error } : { status: 'failed', error };
    audit = { kind: mail.kind, attempt: mail.attempts, outcome: next.kind === 'retry' ? 'retrying' : 'failed', error, nextAttemptAt: next.kind === 'retry' ? next.at : null };
  }
  const events = await deps.write(async (trx) => {
    if (!(await finishClaim(trx, mail.id, { nodeId: deps.nodeId, claimedAt }, result))) return null;
    await recordMail(trx, {
      kind: mail.kind,
      to: mail.to,
      subject: mail.subject,
      ticketId: mail.ticketId,
      fileName: delivery?.fileName ?? null,
      status: delivery?.status ?? 'failed',
      now,
      outboxId: mail.id,
      attempt: mail.attempts,
      error: audit.error,
    });
    return mail.ticketId === null ? [] : auditAttempt(trx, mail.ticketId, audit, now);
  });
  if (events === null) {
    // Our claim outlived its lease and another node took the row: it decides; if we sent, it may send again.
    log.warn({ sent: delivery !== null }, 'mail claim lost before the attempt was recorded');
  } else {
    deps.publish(events);
  }
  if (delivery) log.info({ transport: delivery.status }, 'mail delivered');
  else if (audit.outcome === 'retrying') log.warn({ error: audit.error, nextAttemptAt: audit.nextAttemptAt }, 'mail delivery failed; will retry');
  else log.error({ error: audit.error }, 'mail delivery failed for good');
  return audit.outcome;
}

/** The attempt in the ticket's audit trail, and its live event for the consoles. */
async function auditAttempt(trx: Db, ticketId: number, attempt: MailAttempt, now: number): Promise<LoggedEvent[]> {
  const ticket = await getTicket(trx, ticketId);
  if (!ticket) return [];
  const entry: TicketAuditEntry = { ticketId, at: now, actorKind: 'system', actorId: null, field: MAIL_AUDIT_FIELD, from: null, to: attempt };
  await insertAudit(trx, [entry]);
  return [await appendEvent(trx, 'ticket.audit', entry, now, ticketScope(ticket))];
}
