// Redirect resolutions hand the ticket to Account Management: one email per solve, or an audit note when nobody is configured.
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { EmailRequestReceipt } from '../../../src-shared/protocol/http';
import type { TicketDetail } from '../../../src-shared/protocol/agent';
import { resolutionCatalog } from '../../../src-shared/resolution-catalog';
import { signCommentLink } from '../../../src-server/auth/tokens';
import { startServer, type TestServer } from '../../support/start-server';
import { smtpSink, type SmtpSink } from '../../support/smtp-sink';
import { callOk } from '../../support/socket-clients';

let server: TestServer | null = null;
let sink: SmtpSink | null = null;
afterEach(async () => {
  await server?.stop();
  await sink?.close();
  server = null;
  sink = null;
});

async function newTicket(s: TestServer): Promise<number> {
  const res = await s.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: 'cust@example.com', departmentId: 'technical', question: 'Can the report show totals?' });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

const solve = (ticketId: number, typeId: string) => ({ clientId: randomUUID(), ticketId, patch: { status: 'solved', resolution: { typeId, catalogVersion: resolutionCatalog.version } } });

describe('Account Management hand-off', () => {
  it('emails ACCOUNT_MANAGEMENT_EMAIL once per solve with a Redirect type, never for other types', async () => {
    sink = await smtpSink();
    server = await startServer({ smtpUrl: sink.url, env: { ACCOUNT_MANAGEMENT_EMAIL: 'am@example.com' } });
    const dana = await server.connectSpecialist();
    const id = await newTicket(server);
    const amMails = () => sink?.mails.filter((m) => m.to.includes('am@example.com')) ?? [];

    // Mail leaves through the outbox right after the commit; runMailNow waits for that pass.
    const delivered = async () => (await server?.app.runMailNow(), amMails());
    const first = solve(id, 'enhancement-request');
    await callOk(dana.socket, 'ticket:update', first);
    expect(await delivered()).toHaveLength(1);
    expect(amMails()[0]?.subject).toContain(`#${id}`);
    expect(amMails()[0]?.text).toContain('Enhancement request');
    // A retry of the same command and an edit of the solved ticket send nothing more.
    await callOk(dana.socket, 'ticket:update', first);
    await callOk(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId: id, patch: { subject: 'Totals in report' } });
    expect(await delivered()).toHaveLength(1);

    // The customer reopens it; solving again is a new hand-off.
    const sig = encodeURIComponent(signCommentLink(server.app.ctx.secret, id, server.clock.now() + 60_000));
    await server.http('POST', `/api/comment/${id}?sig=${sig}`, { body: 'Still need this' });
    await callOk(dana.socket, 'ticket:update', solve(id, 'redirect-other'));
    expect(await delivered()).toHaveLength(2);

    const other = await newTicket(server);
    await callOk(dana.socket, 'ticket:update', solve(other, 'code-fix'));
    expect(await delivered()).toHaveLength(2);
  });

  it('without ACCOUNT_MANAGEMENT_EMAIL the ticket audit records that nobody was told', async () => {
    server = await startServer();
    const dana = await server.connectSpecialist();
    const id = await newTicket(server);
    await callOk(dana.socket, 'ticket:update', solve(id, 'enhancement-request'));
    const detail = await callOk<TicketDetail>(dana.socket, 'ticket:get', { ticketId: id });
    expect(detail.audit.filter((a) => a.field === 'accountManagement')).toEqual([
      { ticketId: id, at: server.clock.now(), actorKind: 'system', actorId: null, field: 'accountManagement', from: null, to: 'account management not configured' },
    ]);
    await dana.inbox.nextEvent('ticket.audit', (e) => e.payload.field === 'accountManagement' && e.payload.ticketId === id);
  });
});
