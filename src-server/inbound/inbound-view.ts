// What the console reads about received mail: a ticket's own mails (anyone who sees the ticket), and the listener's
// list and one mail with its source (leads and admins).
import { err, ok, type Result } from '../../src-shared/result';
import { INBOUND_SOURCE_PREVIEW_CHARS, type InboundMailDetail, type InboundMailStatus, type InboundMailSummary } from '../../src-shared/inbound-mail';
import type { AgentActor, ServerContext } from '../context';
import { getInboundMail, inboundMailForTicket, listInboundMail, type InboundMailWithRaw } from '../db/inbound-mail';
import { getTicket } from '../db/tickets';
import { canSeeTicket } from '../tickets/ticket-service';
import { unfoldedHeaders } from './mail-headers';

export function inboundDetail(mail: InboundMailWithRaw): InboundMailDetail {
  const { raw, ...summary } = mail;
  const source = raw.toString('utf8');
  return {
    ...summary,
    headers: unfoldedHeaders(raw),
    source: source.slice(0, INBOUND_SOURCE_PREVIEW_CHARS),
    sourceTruncated: source.length > INBOUND_SOURCE_PREVIEW_CHARS,
  };
}

/** The listener's mail holds what strangers sent to any department: leads and admins read it, agents see their tickets' mails only. */
const mayReadInbound = (actor: AgentActor): boolean => actor.role !== 'agent';

export async function ticketMail(ctx: Pick<ServerContext, 'db'>, actor: AgentActor, ticketId: number): Promise<Result<InboundMailDetail[]>> {
  const ticket = await getTicket(ctx.db, ticketId);
  if (!ticket || !canSeeTicket(actor, ticket)) return err('not_found', 'Ticket not found.');
  return ok((await inboundMailForTicket(ctx.db, ticketId)).map(inboundDetail));
}

export async function listInbound(ctx: Pick<ServerContext, 'db'>, actor: AgentActor, input: { status?: InboundMailStatus | undefined; limit: number }): Promise<Result<InboundMailSummary[]>> {
  if (!mayReadInbound(actor)) return err('forbidden', 'Only leads and admins see received mail.');
  return ok(await listInboundMail(ctx.db, { last: input.limit, ...(input.status ? { status: input.status } : {}) }));
}

export async function getInbound(ctx: Pick<ServerContext, 'db'>, actor: AgentActor, inboundId: number): Promise<Result<InboundMailDetail>> {
  if (!mayReadInbound(actor)) return err('forbidden', 'Only leads and admins see received mail.');
  const mail = await getInboundMail(ctx.db, inboundId);
  return mail ? ok(inboundDetail(mail)) : err('not_found', 'No such mail.');
}
