// Replies by email: a specialist's public comment is mailed to the requester and CCs in the ticket's thread, and
// the customer's answer to that mail comes back as a comment without the quoted mail.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { TicketComment } from '../../../../src-shared/ticket';
import type { TicketDetail } from '../../../../src-shared/protocol/agent';
import { replyAddress } from '../../../../src-server/inbound/reply-address';
import { callOk } from '../../../support/socket-clients';
import { addressesOf, header, startInboundServer, type InboundHarness } from './inbound-harness';

let h: InboundHarness;
beforeEach(async () => {
  h = await startInboundServer();
});
afterEach(() => h.server.stop());

describe('a specialist\'s comment by email', () => {
  it('mails a public comment to the requester and each CC with threading headers; an internal note mails nothing', async () => {
    const customerId = `<${randomUUID()}@customer.example>`;
    await h.send({ from: 'ann@customer.example', to: 'tech@support.example.com', cc: 'bob@customer.example', subject: 'Printer jams', text: 'It jams.', messageId: customerId });
    const ticketId = (await h.inbound())[0]?.ticketId;
    if (ticketId == null) throw new Error('no ticket');
    const [ack] = await h.outgoing();
    const dana = await h.server.connectSpecialist({ displayName: 'Dana' });

    await callOk<TicketComment>(dana.socket, 'ticket:comment', { clientId: randomUUID(), ticketId, body: 'Customer seems upset.', internal: true });
    expect((await h.outbox(ticketId)).filter((m) => m.kind === 'ticket_reply')).toEqual([]);

    const comment = await callOk<TicketComment>(dana.socket, 'ticket:comment', { clientId: randomUUID(), ticketId, body: 'Please try tray 2.', internal: false });
    const queued = (await h.outbox(ticketId)).filter((m) => m.kind === 'ticket_reply');
    const signed = replyAddress(h.server.app.ctx.secret, 'tech@support.example.com', ticketId);
    expect(queued.map((m) => [m.key, m.to, m.subject, m.replyTo, m.inReplyTo])).toEqual([
      [`ticket_reply:${comment.id}:ann@customer.example`, 'ann@customer.example', `Re: Printer jams [#${ticketId}]`, signed, customerId],
      [`ticket_reply:${comment.id}:bob@customer.example`, 'bob@customer.example', `Re: Printer jams [#${ticketId}]`, signed, customerId],
    ]);
    // The customer's mail, then our acknowledgement, in time order.
    expect(queued[0]?.references).toEqual([customerId, ack?.messageId]);

    const sent = (await h.outgoing()).filter((m) => m.subject === `Re: Printer jams [#${ticketId}]`);
    expect(sent.map(addressesOf).flat().sort()).toEqual(['ann@customer.example', 'bob@customer.example']);
    const [toAnn] = sent;
    if (!toAnn) throw new Error('no reply mail');
    expect(toAnn.replyTo?.value[0]?.address).toBe(signed);
    expect(toAnn.inReplyTo).toBe(customerId);
    expect(header(toAnn, 'references')).toContain(customerId);
    expect(header(toAnn, 'x-switchboard-ticket')).toBe(String(ticketId));
    expect(toAnn.text).toContain('Please try tray 2.');
    expect(toAnn.text).toContain('/comment/');
    expect(toAnn.text).toContain('Replying to this email adds your reply to the ticket.');

    // The customer answers above the marker; the quoted mail (marker and all) is cut off.
    const quoted = (toAnn.text ?? '').split('\n').map((l) => `> ${l}`).join('\n');
    await h.send({ from: 'ann@customer.example', to: signed, subject: toAnn.subject, text: `Tray 2 works.\n\n${quoted}`, inReplyTo: toAnn.messageId });
    const detail = await callOk<TicketDetail>(dana.socket, 'ticket:get', { ticketId });
    expect(detail.comments.at(-1)).toMatchObject({ authorKind: 'customer', body: 'Tray 2 works.' });
    // A customer's own reply is not mailed back to anyone.
    expect((await h.outbox(ticketId)).filter((m) => m.kind === 'ticket_reply')).toHaveLength(2);
  });

  it('a retried comment command queues no second mail', async () => {
    await h.send({ from: 'ann@customer.example', to: 'tech@support.example.com', subject: 'Login', text: 'Cannot log in.' });
    const ticketId = (await h.inbound())[0]?.ticketId;
    const dana = await h.server.connectSpecialist();
    const cmd = { clientId: randomUUID(), ticketId, body: 'Reset sent.', internal: false };
    await callOk(dana.socket, 'ticket:comment', cmd);
    await callOk(dana.socket, 'ticket:comment', cmd);
    expect((await h.outbox(ticketId ?? 0)).filter((m) => m.kind === 'ticket_reply')).toHaveLength(1);
  });
});
