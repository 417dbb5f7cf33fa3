// One delivery pass against a real database (SQLite, and PostgreSQL when installed): claims taken once across
// nodes, expired claims taken over, retries scheduled by the backoff rules, and one Message-ID per row.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openPostgres, openSqlite, type DbHandle } from '../../../../src-server/db/connection';
import { migrate } from '../../../../src-server/db/migrations';
import { WriteQueue } from '../../../../src-server/db/write-queue';
import { claimMail, enqueueMails, listMailsForTicket, outboxStats } from '../../../../src-server/db/mail-outbox';
import { listMail } from '../../../../src-server/db/mail-log';
import { deliverDueMail, DEFAULT_MAIL_CLAIM_LEASE_MS, outboxMessageId, type DeliveryDeps } from '../../../../src-server/email/mail-delivery';
import type { OutgoingMail } from '../../../../src-server/email/mailer';
import { fakeClock, type FakeClock } from '../../../support/fake-clock';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../../support/postgres';

const HOUR = 3_600_000;
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function sqliteDb(): Promise<DbHandle> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-mail-'));
  const h = openSqlite(join(dir, 'db.sqlite'));
  cleanup.push(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });
  await migrate(h.db, 'sqlite', 0);
  return h;
}

/** A mailer that fails while `down` is set (like a refused connection) and takes a few ms per send, so passes overlap. */
function fakeMailer() {
  const sent: OutgoingMail[] = [];
  const m = {
    down: false,
    sent,
    async send(mail: OutgoingMail) {
      await new Promise((r) => setTimeout(r, 3));
      if (m.down) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      sent.push(mail);
      return { status: 'sent' as const, fileName: null };
    },
  };
  return m;
}

function node(h: DbHandle, writes: WriteQueue, clock: FakeClock, mailer: ReturnType<typeof fakeMailer>, nodeId: string): DeliveryDeps {
  return {
    db: h.db,
    write: (job) => writes.run(job),
    mailer,
    clock,
    log: pino({ level: 'silent' }),
    publish: () => undefined,
    nodeId,
    mailFrom: 'Support <support@example.com>',
    policy: { baseDelayMs: 10_000, maxDelayMs: 30 * 60_000, windowMs: 24 * HOUR },
    random: () => 0.5,
  };
}

const mail = (i: number) => ({ key: `k${i}`, kind: 'email_ack' as const, to: `c${i}@example.com`, subject: `s${i}`, text: 't', ticketId: null });

function suite(open: () => Promise<DbHandle>, dialect: 'sqlite' | 'postgres') {
  it('two nodes passing at once send each queued row exactly once', async () => {
    const h = await open();
    const clock = fakeClock();
    const mailer = fakeMailer();
    const writes = new WriteQueue(h.db, true, dialect);
    await writes.run((trx) => enqueueMails(trx, Array.from({ length: 30 }, (_, i) => mail(i)), clock.now()));
    // Enqueuing the same mails again is harmless.
    await writes.run((trx) => enqueueMails(trx, [mail(0), mail(1)], clock.now()));
    const [a, b] = await Promise.all([
      deliverDueMail({ ...node(h, writes, clock, mailer, 'A'), batchSize: 50 }),
      deliverDueMail({ ...node(h, writes, clock, mailer, 'B'), batchSize: 50 }),
    ]);
    expect(a.sent + b.sent).toBe(30);
    // How many rows both nodes listed (and one of them lost to the other) depends on timing; each row is lost
    // at most once, by the node that did not send it. The send counts above and below are what must hold.
    expect(a.lostClaims + b.lostClaims).toBeLessThanOrEqual(30);
    expect(mailer.sent.map((m) => m.to).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `c${i}@example.com`).sort());
    expect(await outboxStats(h.db)).toEqual({ queued: 0, retrying: 0, failed: 0 });
    await writes.close();
  });

  it('retries a failing row on the backoff schedule with the same Message-ID, then fails it for good after the window', async () => {
    const h = await open();
    const clock = fakeClock();
    const mailer = fakeMailer();
    const writes = new WriteQueue(h.db, true, dialect);
    const deps = node(h, writes, clock, mailer, 'A');
    await writes.run((trx) => enqueueMails(trx, [mail(1)], clock.now()));
    mailer.down = true;
    expect(await deliverDueMail(deps)).toMatchObject({ claimed: 1, retrying: 1 });
    // Not due again before the first backoff step (7.5 s with this draw).
    await clock.advance(7_499);
    expect(await deliverDueMail(deps)).toMatchObject({ due: 0 });
    await clock.advance(1);
    mailer.down = false;
    expect(await deliverDueMail(deps)).toMatchObject({ sent: 1 });
    expect(new Set(mailer.sent.map((m) => m.messageId))).toEqual(new Set([outboxMessageId({ id: 1, createdAt: clock.now() - 7_500 }, deps.mailFrom)]));
    expect((await listMail(h.db)).map((l) => [l.status, l.attempt, l.error])).toEqual([
      ['failed', 1, 'ECONNREFUSED'],
      ['sent', 2, null],
    ]);

    await writes.run((trx) => enqueueMails(trx, [mail(2)], clock.now()));
    mailer.down = true;
    let passes = 0;
    while ((await outboxStats(h.db)).failed === 0 && passes++ < 200) {
      await deliverDueMail(deps);
      await clock.advance(30 * 60_000);
    }
    expect(await outboxStats(h.db)).toEqual({ queued: 0, retrying: 0, failed: 1 });
    const attempts = (await listMail(h.db)).filter((l) => l.subject === 's2');
    expect(attempts.length).toBeGreaterThan(48);
    expect(attempts.every((l) => l.status === 'failed')).toBe(true);
    await writes.close();
  });

  it('takes over the claim of a node that died mid-send only after the lease, and counts that attempt', async () => {
    const h = await open();
    const clock = fakeClock();
    const mailer = fakeMailer();
    const writes = new WriteQueue(h.db, true, dialect);
    await writes.run((trx) => enqueueMails(trx, [{ ...mail(3), ticketId: null }], clock.now()));
    expect(await writes.run((trx) => claimMail(trx, 1, 'dead-node', clock.now(), clock.now() - DEFAULT_MAIL_CLAIM_LEASE_MS))).toBe(true);
    await clock.advance(DEFAULT_MAIL_CLAIM_LEASE_MS - 1);
    expect(await deliverDueMail(node(h, writes, clock, mailer, 'B'))).toMatchObject({ due: 0, sent: 0 });
    await clock.advance(2);
    expect(await deliverDueMail(node(h, writes, clock, mailer, 'B'))).toMatchObject({ claimed: 1, sent: 1 });
    expect((await listMail(h.db)).map((l) => [l.status, l.attempt])).toEqual([['sent', 2]]);
    expect(await listMailsForTicket(h.db, 1)).toEqual([]);
    await writes.close();
  });
}

describe('mail delivery on SQLite', () => suite(sqliteDb, 'sqlite'));

const reason = postgresUnavailableReason();
describe.skipIf(reason !== null)(`mail delivery on PostgreSQL${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let pg: TestPostgres | null = null;
  let n = 0;
  suite(async () => {
    pg ??= await startPostgres();
    // A fresh database per test on the one cluster.
    const name = `mail_${++n}`;
    const admin = openPostgres(pg.url);
    await sql.raw(`create database ${name}`).execute(admin.db);
    await admin.close();
    const h = openPostgres(pg.url.replace(/\/[^/?]*(\?|$)/, `/${name}$1`));
    cleanup.push(() => h.close());
    await migrate(h.db, 'postgres', 0);
    return h;
  }, 'postgres');
  afterAll(async () => {
    await pg?.stop();
  });
});
