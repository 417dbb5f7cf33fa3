// The console core's lead and round-2 features against the real server and real SQLite: ticket history
// (online and from the cache offline), escalated filter, incident alerts → incident lifecycle with the
// requester emails, server stats live and offline with their age, attachment download and offline attach.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { callOk } from '../../../support/socket-clients';
import { smtpSink } from '../../../support/smtp-sink';
import type { EmailRequestReceipt } from '../../../../src-shared/protocol/http';
import type { VisitorChatState } from '../../../../src-shared/protocol/visitor';
import type { ConsoleEvents } from '../../../../src-shared/console-api';
import type { LocalFile } from '../../../../src-main/core/console-service';
import { ok } from '../../../../src-shared/result';
import { harness } from './console-harness';

const h = harness();
afterEach(() => h.cleanup());

type Srv = Awaited<ReturnType<typeof h.bootServer>>;

async function emailTicket(srv: Srv, email: string, eid?: string): Promise<number> {
  const res = await srv.current.http<EmailRequestReceipt>('POST', '/api/email-requests', {
    clientId: randomUUID(),
    email,
    departmentId: 'technical',
    question: 'The stream is black',
    ...(eid ? { context: { eid } } : {}),
  });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('console core: ticket history', () => {
  it('shows who changed what from the server online and from cached audit events offline', async () => {
    const srv = await h.bootServer();
    const lead = await srv.current.createSpecialist({ displayName: 'Lee', role: 'lead' });
    const agent = await srv.current.connectSpecialist({ displayName: 'Ann' });
    const c = h.openConsole(join(h.tempDir(), 'a.db'), srv);
    await c.login(lead);
    const id = await emailTicket(srv, 'pat@example.com');
    await callOk(agent.socket, 'ticket:update', { clientId: randomUUID(), ticketId: id, patch: { subject: 'Black stream' } });
    await srv.current.clock.advance(1000);
    await callOk(agent.socket, 'ticket:update', { clientId: randomUUID(), ticketId: id, patch: { status: 'awaiting_reply' } });
    // The audit events reach the cache live (with the acknowledgement's delivery attempt, once the outbox sent it).
    await srv.current.app.runMailNow();
    await c.until('audit events', () => c.cache.ticketAudit.list(id).length >= 3);

    const online = await c.service.getTicket({ ticketId: id });
    if (!online.ok) throw new Error(online.error.message);
    const trail = online.value.audit.map((a) => [a.field, a.to, a.actorId]);
    expect(trail).toEqual(expect.arrayContaining([['subject', 'Black stream', agent.specialist.id], ['status', 'awaiting_reply', agent.specialist.id]]));

    await srv.stop();
    await c.until('offline', () => c.connection() !== 'online');
    const offline = await c.service.getTicket({ ticketId: id });
    expect(offline.ok && offline.value.audit).toEqual(online.value.audit);
  });
});

describe('console core: lead view of escalations and incidents', () => {
  it('alerts on a burst of reports, declares, links and resolves an incident, and the requesters are emailed', async () => {
    const sink = await smtpSink();
    const srv = await h.bootServer({ smtpUrl: sink.url, env: { INCIDENT_THRESHOLD: '2', INCIDENT_WINDOW_MS: '600000' } });
    const leadAccount = await srv.current.createSpecialist({ displayName: 'Lee', role: 'lead' });
    const agent = await srv.current.connectSpecialist();
    const c = h.openConsole(join(h.tempDir(), 'b.db'), srv);
    await c.login(leadAccount);
    const alerts: ConsoleEvents['incidentAlert'][] = [];
    const notes: string[] = [];
    c.service.on('incidentAlert', (a) => alerts.push(a));
    c.service.on('notification', (n) => notes.push(`${n.title}: ${n.body}`));

    const t1 = await emailTicket(srv, 'a@example.com', 'ev-7');
    const t2 = await emailTicket(srv, 'b@example.com', 'ev-7');
    const t3 = await emailTicket(srv, 'c@example.com');
    for (const id of [t1, t2]) {
      await callOk(agent.socket, 'ticket:escalate', { clientId: randomUUID(), ticketId: id, category: 'streaming' });
      await srv.current.clock.advance(1000);
    }
    await c.until('incident alert', () => alerts.length > 0);
    expect(alerts[0]).toMatchObject({ category: 'streaming', eid: 'ev-7', count: 2, ticketIds: [t1, t2] });
    expect(notes).toContain('Possible incident: 2 reports of Streaming (event ev-7)');

    const escalated = await c.service.listTickets({ escalated: true, limit: 50 });
    expect(escalated.ok && escalated.value.map((t) => t.id).sort()).toEqual([t1, t2].sort());

    const created = await c.service.createIncident({
      title: 'Streaming down for ev-7',
      category: 'streaming',
      eid: 'ev-7',
      ticketIds: [t1, t2],
      notice: { severity: 'outage', text: 'Streaming for event 7 is down' },
    });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({ state: 'open', ticketIds: [t1, t2] });
    expect(created.value.noticeId).not.toBeNull();
    const linked = await c.service.linkIncident({ incidentId: created.value.id, ticketIds: [t3] });
    expect(linked.ok && linked.value.ticketIds).toEqual([t1, t2, t3]);
    const detail = await c.service.getTicket({ ticketId: t3 });
    expect(detail.ok && detail.value.incidentIds).toEqual([created.value.id]);

    const resolved = await c.service.resolveIncident({ incidentId: created.value.id, note: 'Streams are back.', notifyRequesters: true });
    expect(resolved.ok && resolved.value.state).toBe('resolved');
    for (const to of ['a@example.com', 'b@example.com', 'c@example.com']) {
      const mail = await sink.waitFor((m) => m.to.includes(to) && m.subject.startsWith('Resolved:'));
      expect(mail.text).toContain('Streams are back.');
    }

    // The incident list comes from the server online and from the cache (kept by incident.updated) offline.
    const listed = await c.service.listIncidents({});
    expect(listed.ok && listed.value.map((i) => [i.id, i.state])).toEqual([[created.value.id, 'resolved']]);
    await c.until('incident event cached', () => c.cache.incidents.get(created.value.id)?.state === 'resolved');
    await srv.stop();
    await sink.close();
    await c.until('offline', () => c.connection() !== 'online');
    const cached = await c.service.listIncidents({ state: 'resolved' });
    expect(cached.ok && cached.value.map((i) => i.id)).toEqual([created.value.id]);
    const offlineEscalated = await c.service.listTickets({ escalated: true, limit: 50 });
    expect(offlineEscalated.ok && offlineEscalated.value.map((t) => t.id).sort()).toEqual([t1, t2].sort());
  });
});

describe('console core: dashboard numbers from the server', () => {
  it('fetches stats online, pushes fresh ones after a change, and offline answers the last ones with their age', async () => {
    const srv = await h.bootServer();
    const lead = await srv.current.createSpecialist({ displayName: 'Lee', role: 'lead', departmentIds: ['technical'] });
    const c = h.openConsole(join(h.tempDir(), 'c.db'), srv);
    await c.login(lead);
    const first = await c.service.getStats({});
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.live).toBe(true);
    const technical = () => first.value.stats.departments.find((d) => d.departmentId === 'technical');
    expect(technical()).toBeDefined();

    const before = technical()?.chatsToday ?? 0;
    const pushed = new Promise<ConsoleEvents['stats']>((resolve) =>
      c.service.on('stats', (s) => {
        if ((s.stats.departments.find((d) => d.departmentId === 'technical')?.chatsToday ?? 0) > before) resolve(s);
      }),
    );
    const visitor = await srv.current.connectVisitor();
    await callOk<VisitorChatState>(visitor.socket, 'chat:request', { clientId: randomUUID(), email: 'v@example.com', departmentId: 'technical', question: 'Hello?', context: {} });
    const fresh = await pushed;
    expect(fresh.live).toBe(true);

    await srv.stop();
    await c.until('offline', () => c.connection() !== 'online');
    const offline = await c.service.getStats({});
    expect(offline.ok && offline.value.live).toBe(false);
    expect(offline.ok && offline.value.fetchedAt).toBe(fresh.fetchedAt);
    expect(offline.ok && offline.value.stats.departments.find((d) => d.departmentId === 'technical')?.chatsToday).toBeGreaterThan(before);
  });
});

describe('console core: attachments', () => {
  it('downloads an attachment under a generated name, reuses it offline, and queues a file attached offline', async () => {
    const srv = await h.bootServer();
    const dana = await srv.current.createSpecialist({ displayName: 'Dana', departmentIds: ['technical'] });
    const filesDir = h.tempDir();
    const presented: { file: LocalFile; reveal: boolean }[] = [];
    const c = h.openConsole(join(h.tempDir(), 'd.db'), srv, {
      filesDir,
      presentFile: async (file, reveal) => {
        presented.push({ file, reveal });
        return ok({ url: null });
      },
    });
    await c.login(dana);
    const visitor = await srv.current.connectVisitor();
    const chat = await callOk<VisitorChatState>(visitor.socket, 'chat:request', { clientId: randomUUID(), email: 'v@example.com', departmentId: 'technical', question: 'See screenshot', context: {} });
    const conversationId = chat.conversation.id;
    await c.until('assigned', () => c.cache.conversations.get(conversationId)?.specialist?.id === dana.specialist.id);

    const sent = await c.service.attachFile({ conversationId, fileName: 'Screen shot.png', dataBase64: PNG.toString('base64') });
    if (!sent.ok) throw new Error(sent.error.message);
    const attachment = sent.value.attachments[0]!;
    const opened = await c.service.openAttachment({ attachmentId: attachment.id, reveal: false });
    expect(opened).toEqual({ ok: true, value: { url: null } });
    const file = presented[0]!.file;
    expect(basename(file.path)).toBe(`${attachment.id}.png`);
    expect(file.path.startsWith(filesDir)).toBe(true);
    expect(file.fileName).not.toContain('/');
    expect(readFileSync(file.path).equals(PNG)).toBe(true);

    await srv.stop();
    await c.until('offline', () => c.connection() !== 'online');
    // Already downloaded: opens offline too.
    expect((await c.service.openAttachment({ attachmentId: attachment.id, reveal: true })).ok).toBe(true);
    expect(presented[1]?.reveal).toBe(true);

    const queued = await c.service.attachFile({ conversationId, fileName: 'later.png', dataBase64: PNG.toString('base64') });
    expect(queued.ok && queued.value.pending).toBe(true);
    const items = await c.service.getOutbox({});
    expect(items.ok && items.value.map((i) => i.kind)).toEqual(['attachment:send']);
    expect(readdirSync(join(filesDir, 'outgoing'))).toHaveLength(1);

    await srv.start();
    await c.online();
    await c.until('queued file sent', () =>
      c.cache.messages.page(conversationId, undefined, 100).some((m) => !m.pending && m.attachments.some((a) => a.fileName === 'later.png')),
    );
    await c.until('outbox drained', () => c.cache.outbox.unsentCount() === 0);
    expect(c.cache.messages.page(conversationId, undefined, 100).filter((m) => m.body === 'later.png')).toHaveLength(1);
    expect(existsSync(join(filesDir, 'outgoing', `${queued.ok ? queued.value.clientId : ''}.bin`))).toBe(false);
  });
});
