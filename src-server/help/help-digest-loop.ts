// The daily digest: every HELP_DIGEST_CHECK_MS each node looks for followers (delivery `daily`) whose items wait and
// whose last digest is a day old, and queues one help_digest mail per follower in the transaction that removes the
// items it lists and stamps last_digest_at. Nothing lives in memory: a restart or a second node loses or doubles nothing.
import type { Logger } from 'pino';
import type { Clock, TimerHandle } from '../clock';
import type { Db } from '../db/schema';
import type { WriteJob } from '../db/write-queue';
import { enqueueMails } from '../db/mail-outbox';
import { digestItemsOf, dueDigestEmails, lastDigestAt, markDigestSent } from '../db/help-follows';
import { digestArticles, digestMail } from './help-digest-mail';
import { helpUnsubscribePageUrl, helpUnsubscribeToken, helpUnsubscribeUrl } from './help-unsubscribe';

export const DIGEST_EVERY_MS = 24 * 3600_000;
/** Followers read per page; each gets its own transaction (the write queue groups a page's into few commits). */
const PAGE = 100;

export interface DigestDeps {
  db: Db;
  /** The node's write queue: on PostgreSQL its advisory lock serialises every node's writers. */
  write<T>(job: WriteJob<T>): Promise<T>;
  clock: Clock;
  log: Logger;
  /** Read per pass: PUBLIC_URL is what every mailed link starts with. */
  publicUrl(): string;
  secret: string;
  /** Wakes this node's mail delivery after a digest was queued. */
  wake(): void;
}

/** `help-digest:<email>:<UTC day>`: with the day stamp re-checked under the write lock, a node racing us queues nothing. */
export const digestKey = (email: string, now: number): string => `help-digest:${email}:${new Date(now).toISOString().slice(0, 10)}`;

/**
 * One follower's digest in one transaction. The due check is repeated inside it: another node may have sent this
 * digest since our read (PostgreSQL serialises the writers, so it sees that node's stamp). True when a mail was queued.
 */
export async function sendDigest(trx: Db, deps: { publicUrl: string; secret: string }, email: string, now: number): Promise<boolean> {
  const last = await lastDigestAt(trx, email);
  if (last !== null && last > now - DIGEST_EVERY_MS) return false;
  const items = await digestItemsOf(trx, email);
  if (items.length === 0) return false;
  const articles = digestArticles(items);
  const ids = items.map((i) => i.id);
  // Only articles taken down since: nothing to tell, and the day is not used up.
  if (articles.length === 0) {
    await markDigestSent(trx, email, ids, last ?? 0);
    return false;
  }
  const token = helpUnsubscribeToken(deps.secret, email, { kind: 'all' });
  const { subject, text } = digestMail({ articles, publicUrl: deps.publicUrl, unsubscribePage: helpUnsubscribePageUrl(deps.publicUrl, token) });
  await enqueueMails(trx, [{ key: digestKey(email, now), kind: 'help_digest', to: email, subject, text, ticketId: null, listUnsubscribe: helpUnsubscribeUrl(deps.publicUrl, token) }], now);
  await markDigestSent(trx, email, ids, now);
  return true;
}

/** One pass over every follower due now; resolves with how many digests this node queued. */
export async function runDigestPass(deps: DigestDeps): Promise<number> {
  const now = deps.clock.now();
  const mail = { publicUrl: deps.publicUrl(), secret: deps.secret };
  let after: string | null = null;
  let sent = 0;
  for (;;) {
    const due = await dueDigestEmails(deps.db, now - DIGEST_EVERY_MS, after, PAGE);
    if (due.length === 0) break;
    const results = await Promise.all(due.map((email) => deps.write((trx) => sendDigest(trx, mail, email, now))));
    sent += results.filter(Boolean).length;
    after = due[due.length - 1] ?? null;
  }
  if (sent > 0) {
    deps.log.info({ digests: sent }, 'help center digests queued');
    deps.wake();
  }
  return sent;
}

export type DigestLoop = {
  /** A pass now, after the pass in progress (if any), so it sees everything up to the call. */
  runNow(): Promise<number>;
  /** Stops re-arming and waits for a pass in progress. */
  stop(): Promise<void>;
};

export function startDigestLoop(deps: DigestDeps & { intervalMs: number }): DigestLoop {
  // One pass at a time on a node: two would only race each other for the same followers.
  let last: Promise<unknown> = Promise.resolve();
  let timer: TimerHandle | null = null;
  let stopped = false;
  const runNow = (): Promise<number> => {
    const next = last.catch(() => undefined).then(() => runDigestPass(deps));
    last = next;
    return next;
  };
  const arm = () => {
    if (stopped) return;
    timer = deps.clock.setTimer(deps.intervalMs, () => {
      runNow()
        .catch((error: unknown) => deps.log.error({ err: error }, 'help digest pass failed'))
        .finally(arm);
    });
  };
  arm();
  return {
    runNow,
    async stop() {
      stopped = true;
      timer?.cancel();
      await last.catch(() => undefined);
    },
  };
}
