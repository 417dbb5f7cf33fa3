// The status page's SQL on PostgreSQL: the incidents it lists, subscriptions (one per address), the mails an incident
// queues in batches within its transaction, and the one-click unsubscribe by token hash. Skipped only where
// PostgreSQL is not installed (the reason is in the title).
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Incident } from '../../../../src-shared/incident';
import { statusPageSchema, type StatusSubscription } from '../../../../src-shared/protocol/status';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../../support/postgres';
import { startServer, type TestServer } from '../../../support/start-server';
import { callOk } from '../../../support/socket-clients';
import { insertSubscription } from '../../../../src-server/db/status-subscriptions';
import { STATUS_MAIL_BATCH } from '../../../../src-server/status/status-mail';
import { portalFetch, signIn } from '../portal/portal-client';

let pg: TestPostgres | null = null;
let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  await pg?.stop();
  server = null;
  pg = null;
});

const reason = postgresUnavailableReason();
describe('system status on PostgreSQL', () => {
  it.skipIf(reason !== null)(`lists incidents, queues one mail per subscriber past one batch, unsubscribes by token${reason ? ` (skipped: ${reason})` : ''}`, async () => {
    pg = await startPostgres();
    server = await startServer({ databaseUrl: pg.url });
    const s = server;
    const cookie = await signIn(s, 'pg-sub@example.com');
    expect((await portalFetch<StatusSubscription>(s, 'PUT', '/api/portal/status-subscription', { cookie })).body).toMatchObject({ value: { subscribed: true } });
    // More subscribers than one INSERT batch, so the paging through subscribers is exercised.
    const extra = STATUS_MAIL_BATCH + 5;
    await s.app.ctx.writes.run(async (trx) => {
      for (let i = 0; i < extra; i++) await insertSubscription(trx, { email: `bulk-${String(i).padStart(4, '0')}@example.com`, now: i, tokenHash: `hash-${i}` });
    });

    const lead = await s.connectSpecialist({ role: 'lead', departmentIds: [] });
    const incident = await callOk<Incident>(lead.socket, 'incident:create', { clientId: randomUUID(), title: 'Slow logins', category: 'platform_access' });
    const page = statusPageSchema.parse(((await (await fetch(`${s.url}/api/status`)).json()) as { value: unknown }).value);
    expect(page.state).toBe('degraded');
    expect(page.openIncidents.map((i) => i.title)).toEqual(['Slow logins']);
    await callOk(lead.socket, 'incident:resolve', { clientId: randomUUID(), incidentId: incident.id, note: 'Fixed.' });

    const rows = await s.app.ctx.db.selectFrom('mail_outbox').select(['idempotency_key', 'list_unsubscribe', 'to_address']).where('kind', '=', 'status_update').execute();
    expect(rows).toHaveLength(2 * (extra + 1));
    expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(rows.length);
    const mine = rows.find((r) => r.to_address === 'pg-sub@example.com' && r.idempotency_key.includes(':resolved:'));
    const url = mine?.list_unsubscribe ?? '';
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })).status).toBe(200);
    expect((await portalFetch<StatusSubscription>(s, 'GET', '/api/portal/status-subscription', { cookie })).body).toMatchObject({ value: { subscribed: false } });
    expect((await fetch(url, { method: 'POST' })).status).toBe(404);
  });
});
