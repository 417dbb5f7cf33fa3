// Issue 16, system availability: the public status reflects open and resolved incidents and the notice without
// leaking internal ids; portal customers subscribe under the portal's session and CSRF rules; every incident start
// and resolution queues one status_update per subscriber with RFC 8058 headers; the mailed one-click link works.
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Incident } from '../../../../src-shared/incident';
import type { EmailRequestReceipt } from '../../../../src-shared/protocol/http';
import { statusPageSchema, type StatusPage, type StatusSubscription } from '../../../../src-shared/protocol/status';
import { startServer, type TestServer } from '../../../support/start-server';
import { callOk } from '../../../support/socket-clients';
import { portalFetch, signIn } from '../portal/portal-client';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

async function status(): Promise<{ page: StatusPage; raw: string; cacheControl: string | null }> {
  const res = await fetch(`${server.url}/api/status`);
  const raw = await res.text();
  const body = JSON.parse(raw) as { ok: true; value: unknown };
  return { page: statusPageSchema.parse(body.value), raw, cacheControl: res.headers.get('cache-control') };
}

async function ticket(email: string): Promise<number> {
  const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email, departmentId: 'technical', question: 'Black screen' });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

async function statusMails(): Promise<{ to: string; key: string; listUnsubscribe: string | null }[]> {
  const rows = await server.app.ctx.db.selectFrom('mail_outbox').select(['to_address', 'idempotency_key', 'list_unsubscribe']).where('kind', '=', 'status_update').orderBy('id').execute();
  return rows.map((r) => ({ to: r.to_address, key: r.idempotency_key, listUnsubscribe: r.list_unsubscribe }));
}

async function emlFiles(): Promise<ParsedMail[]> {
  const dir = join(server.dataDir, 'outbox');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
  return Promise.all(names.map(async (n) => simpleParser(await readFile(join(dir, n)))));
}

const header = (mail: ParsedMail, name: string): string => {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? '';
  return line.slice(line.indexOf(':') + 1).replace(/\s+/g, ' ').trim();
};

describe('public status', () => {
  it('is operational with no incident, cacheable for 15 s, and needs no sign-in', async () => {
    const { page, cacheControl } = await status();
    expect(cacheControl).toBe('public, max-age=15');
    expect(page).toMatchObject({ state: 'operational', notice: null, openIncidents: [], recentIncidents: [] });
    expect(page.components.map((c) => c.state)).toEqual(['operational', 'operational', 'operational']);
  });

  it('shows an open incident with its banner, then its resolution, and never a ticket, specialist or incident id', async () => {
    const lead = await server.connectSpecialist({ role: 'lead' });
    const t = await ticket('viewer@example.com');
    const incident = await callOk<Incident>(lead.socket, 'incident:create', {
      clientId: randomUUID(),
      title: 'Streams buffering',
      category: 'streaming',
      ticketIds: [t],
      notice: { severity: 'outage', text: 'Live streams are down; we are on it.' },
    });
    const open = await status();
    expect(open.page.state).toBe('outage');
    expect(open.page.notice).toMatchObject({ severity: 'outage', text: 'Live streams are down; we are on it.' });
    expect(open.page.components.find((c) => c.category === 'streaming')?.state).toBe('outage');
    expect(open.page.components.find((c) => c.category === 'platform_access')?.state).toBe('operational');
    expect(open.page.openIncidents).toEqual([{ title: 'Streams buffering', categoryLabel: 'Streaming', state: 'outage', startedAt: incident.createdAt, notice: 'Live streams are down; we are on it.', updates: [] }]);
    for (const secret of [incident.id, lead.specialist.id, incident.noticeId ?? 'none', `"ticketIds"`, `#${t}`]) expect(open.raw).not.toContain(secret);

    await server.clock.advance(60_000);
    await callOk(lead.socket, 'incident:resolve', { clientId: randomUUID(), incidentId: incident.id, note: 'A cache node was replaced.' });
    const after = await status();
    // Resolving cleared the incident's banner too.
    expect(after.page).toMatchObject({ state: 'operational', notice: null, openIncidents: [] });
    expect(after.page.recentIncidents).toEqual([{ title: 'Streams buffering', startedAt: incident.createdAt, resolvedAt: incident.createdAt + 60_000, resolutionNote: 'A cache node was replaced.' }]);
    expect(after.raw).not.toContain(incident.id);

    // Two weeks later the resolution has left the history.
    await server.clock.advance(15 * 24 * 3600_000);
    expect((await status()).page.recentIncidents).toEqual([]);
  });

  it('a warning banner without an incident reads degraded; an info banner changes nothing', async () => {
    const lead = await server.connectSpecialist({ role: 'lead' });
    await callOk(lead.socket, 'notice:set', { clientId: randomUUID(), notice: { severity: 'warning', text: 'Slow uploads' } });
    expect((await status()).page.state).toBe('degraded');
    await callOk(lead.socket, 'notice:set', { clientId: randomUUID(), notice: { severity: 'info', text: 'Maintenance Sunday' } });
    const { page } = await status();
    expect(page.state).toBe('operational');
    expect(page.notice?.text).toBe('Maintenance Sunday');
  });
});

describe('status subscriptions', () => {
  it('need a portal session and a same-origin request; the state is what the caller sees', async () => {
    expect((await portalFetch(server, 'GET', '/api/portal/status-subscription')).status).toBe(401);
    expect((await portalFetch(server, 'PUT', '/api/portal/status-subscription')).status).toBe(401);
    const cookie = await signIn(server, 'sub@example.com');
    const before = await portalFetch<StatusSubscription>(server, 'GET', '/api/portal/status-subscription', { cookie });
    expect(before.body).toEqual({ ok: true, value: { email: 'sub@example.com', subscribed: false, since: null } });

    const forged = await portalFetch(server, 'PUT', '/api/portal/status-subscription', { cookie, headers: { origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
    expect((await portalFetch<StatusSubscription>(server, 'GET', '/api/portal/status-subscription', { cookie })).body).toMatchObject({ value: { subscribed: false } });

    const on = await portalFetch<StatusSubscription>(server, 'PUT', '/api/portal/status-subscription', { cookie });
    expect(on.body).toEqual({ ok: true, value: { email: 'sub@example.com', subscribed: true, since: server.clock.now() } });
    // Subscribing again keeps the first subscription.
    await server.clock.advance(1000);
    expect((await portalFetch<StatusSubscription>(server, 'PUT', '/api/portal/status-subscription', { cookie })).body).toMatchObject({ value: { since: on.body.ok ? on.body.value.since : -1 } });

    expect((await portalFetch(server, 'DELETE', '/api/portal/status-subscription', { cookie, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    const off = await portalFetch<StatusSubscription>(server, 'DELETE', '/api/portal/status-subscription', { cookie });
    expect(off.body).toEqual({ ok: true, value: { email: 'sub@example.com', subscribed: false, since: null } });
  });

  it('an incident start and its resolution each queue one mail per subscriber with List-Unsubscribe; retries queue nothing more', async () => {
    for (const email of ['a@example.com', 'b@example.com']) {
      const cookie = await signIn(server, email);
      await portalFetch(server, 'PUT', '/api/portal/status-subscription', { cookie });
    }
    const lead = await server.connectSpecialist({ role: 'lead' });
    const create = { clientId: randomUUID(), title: 'Login failures', category: 'platform_access', notice: { severity: 'warning', text: 'Some sign-ins fail.' } };
    const incident = await callOk<Incident>(lead.socket, 'incident:create', create);
    await callOk(lead.socket, 'incident:create', create);
    expect((await statusMails()).map((m) => m.key)).toEqual([`status:${incident.id}:opened:a@example.com`, `status:${incident.id}:opened:b@example.com`]);

    const resolve = { clientId: randomUUID(), incidentId: incident.id, note: 'Certificates renewed.' };
    await callOk(lead.socket, 'incident:resolve', resolve);
    await callOk(lead.socket, 'incident:resolve', resolve);
    const mails = await statusMails();
    expect(mails.map((m) => m.key)).toEqual([
      `status:${incident.id}:opened:a@example.com`,
      `status:${incident.id}:opened:b@example.com`,
      `status:${incident.id}:resolved:a@example.com`,
      `status:${incident.id}:resolved:b@example.com`,
    ]);

    await server.app.runMailNow();
    const sent = (await emlFiles()).filter((m) => /^(Incident|Resolved): Login failures$/.test(m.subject ?? ''));
    expect(sent).toHaveLength(4);
    const resolved = sent.find((m) => m.subject === 'Resolved: Login failures' && (m.to && !Array.isArray(m.to) ? m.to.text : '') === 'a@example.com');
    if (!resolved) throw new Error('no resolved mail to a@example.com');
    expect(resolved.text).toContain('Certificates renewed.');
    expect(resolved.text).toContain('Affected: Platform access');
    expect(resolved.text).toContain(`${server.url}/status`);
    expect(resolved.text).toMatch(new RegExp(`${server.url}/status/unsubscribe\\?token=[A-Za-z0-9_-]{40,}`));
    expect(header(resolved, 'List-Unsubscribe')).toMatch(new RegExp(`^<${server.url}/api/status/unsubscribe\\?token=[A-Za-z0-9_-]{40,}>$`));
    expect(header(resolved, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const opened = sent.find((m) => m.subject === 'Incident: Login failures');
    expect(opened?.text).toContain('Some sign-ins fail.');
  });

  it('the one-click link unsubscribes with a form POST and no session; a bad or used token is refused', async () => {
    const cookie = await signIn(server, 'click@example.com');
    await portalFetch(server, 'PUT', '/api/portal/status-subscription', { cookie });
    const lead = await server.connectSpecialist({ role: 'lead' });
    await callOk(lead.socket, 'incident:create', { clientId: randomUUID(), title: 'Slow pages', category: 'other_technical' });
    const url = (await statusMails())[0]?.listUnsubscribe ?? '';
    expect(url).toMatch(/\/api\/status\/unsubscribe\?token=/);

    const forged = await fetch(`${server.url}/api/status/unsubscribe?token=${'x'.repeat(43)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(forged.status).toBe(404);
    // RFC 8058 also allows a multipart body: read or not, the token alone decides.
    const multipart = new FormData();
    multipart.append('List-Unsubscribe', 'One-Click');
    expect((await fetch(`${server.url}/api/status/unsubscribe?token=${'y'.repeat(43)}`, { method: 'POST', body: multipart })).status).toBe(404);
    expect((await fetch(`${server.url}/api/status/unsubscribe`, { method: 'POST' })).status).toBe(400);
    expect((await portalFetch<StatusSubscription>(server, 'GET', '/api/portal/status-subscription', { cookie })).body).toMatchObject({ value: { subscribed: true } });

    // As a mail provider sends it (RFC 8058): a form body, from another server (no Origin, no cookie).
    const done = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ ok: true, value: { unsubscribed: true } });
    expect((await portalFetch<StatusSubscription>(server, 'GET', '/api/portal/status-subscription', { cookie })).body).toMatchObject({ value: { subscribed: false } });
    expect((await fetch(url, { method: 'POST' })).status).toBe(404);

    // No subscriber left: the next incident queues no status mail.
    const before = (await statusMails()).length;
    await callOk(lead.socket, 'incident:create', { clientId: randomUUID(), title: 'Another', category: 'streaming' });
    expect(await statusMails()).toHaveLength(before);
  });
});

describe('status pages', () => {
  it('serve the SPA under the portal headers; the unsubscribe page (a token in its URL) is never stored', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-status-widget-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>status</title>');
    await server.stop();
    server = await startServer({ env: { WIDGET_DIR: dir } });
    for (const path of ['/status', '/status/unsubscribe?token=abc']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>status</title>');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect((await fetch(`${server.url}/status/unsubscribe?token=abc`)).headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${server.url}/status`)).headers.get('cache-control')).not.toBe('no-store');
    // The API around it stays uncacheable: only the public status is an exception.
    expect((await fetch(`${server.url}/api/portal/status-subscription`)).headers.get('cache-control')).toBe('no-store');
  });
});

describe('status budgets', () => {
  it('answers 429 with Retry-After once the caller’s public_read budget is spent, for the status and its one-click unsubscribe', async () => {
    await server.stop();
    server = await startServer({ env: { RATE_LIMIT_PUBLIC_READ: 'ip=2/10m' } });
    expect((await fetch(`${server.url}/api/status`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/status`)).status).toBe(200);
    const limited = await fetch(`${server.url}/api/status`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const unsubscribe = await fetch(`${server.url}/api/status/unsubscribe?token=${'x'.repeat(43)}`, { method: 'POST' });
    expect(unsubscribe.status).toBe(429);
  });
});
