// Incidents: leads declare one, link tickets, announce it through the notice service, resolve it and tell the requesters.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { err, ok, type Result } from '../../src-shared/result';
import type { Incident, IncidentState } from '../../src-shared/incident';
import type { Ticket, TicketAuditEntry } from '../../src-shared/ticket';
import type { agentInbound } from '../../src-shared/protocol/agent';
import type { AgentActor, ServerContext } from '../context';
import type { Db } from '../db/schema';
import { appendEvent, latestNotice, type EventScope, type LoggedEvent } from '../db/events';
import * as incidents from '../db/incidents';
import * as tickets from '../db/tickets';
import { once, type Outcome } from '../outcome';
import type { NoticeService } from '../notices/notice-service';
import { commentUrl } from '../email/customer-mail';
import { enqueueTicketMails } from '../email/ticket-mail-headers';
import { incidentResolved } from '../email/templates';
import { queueStatusMails } from '../status/status-mail';
import { insertIncidentUpdate } from '../db/incident-updates';

type AgentIn<E extends keyof typeof agentInbound> = z.output<(typeof agentInbound)[E]>;

/**
 * Leads and admins only: a department id no agent belongs to, so events:since (department filter) and live delivery
 * (department room + the leads' all-agents room) both keep the event away from agents.
 */
export const LEADS_ONLY_DEPARTMENT = '__leads__';
const leadsOnly: EventScope = { conversationId: null, departmentId: LEADS_ONLY_DEPARTMENT, specialistId: null, visitorVisible: false };
const ticketScope = (t: Ticket): EventScope => ({ conversationId: null, departmentId: t.departmentId, specialistId: t.assigneeId, visitorVisible: false });

const forbidden = () => err('forbidden', 'Only leads and admins manage incidents.');

export class IncidentService {
  constructor(
    private readonly ctx: ServerContext,
    private readonly notices: NoticeService,
  ) {}

  private async commit<T>(job: (trx: Db) => Promise<Outcome<T>>): Promise<Outcome<T>> {
    const out = await this.ctx.writes.run(job);
    this.ctx.broadcaster.publish(out.events);
    return out;
  }

  /** A lead's command on an incident that must still be open, run once per client id inside one write. */
  private changeOpenIncident(
    actor: AgentActor,
    input: { clientId: string; incidentId: string },
    whenResolved: string,
    change: (trx: Db, before: Incident, now: number) => Promise<Outcome<Incident>>,
  ): Promise<Outcome<Incident>> {
    const now = this.ctx.clock.now();
    return this.commit<Incident>((trx) =>
      once(trx, `${actor.specialistId}:${input.clientId}`, now, async () => {
        const before = await incidents.getIncident(trx, input.incidentId);
        if (!before) return { result: err('not_found', 'Incident not found.'), events: [] };
        if (before.state !== 'open') return { result: err('conflict', whenResolved), events: [] };
        return change(trx, before, now);
      }),
    );
  }

  /** Links the tickets (all must exist), with one audit entry and event per newly linked ticket. */
  private async link(trx: Db, actor: AgentActor, incidentId: string, ticketIds: readonly number[], now: number): Promise<Result<LoggedEvent[]>> {
    const existing = await incidents.existingTicketIds(trx, ticketIds);
    const missing = ticketIds.filter((t) => !existing.has(t));
    if (missing.length > 0) return err('not_found', `Unknown ticket${missing.length > 1 ? 's' : ''}: ${missing.map((t) => `#${t}`).join(', ')}.`);
    const fresh = await incidents.linkTickets(trx, incidentId, ticketIds, now);
    const events: LoggedEvent[] = [];
    const audit: TicketAuditEntry[] = [];
    for (const id of fresh) {
      const t = await tickets.getTicket(trx, id);
      if (!t) continue;
      const entry: TicketAuditEntry = { ticketId: id, at: now, actorKind: 'specialist', actorId: actor.specialistId, field: 'incident', from: null, to: incidentId };
      audit.push(entry);
      events.push(await appendEvent(trx, 'ticket.audit', entry, now, ticketScope(t)));
    }
    await tickets.insertAudit(trx, audit);
    return ok(events);
  }

  async create(actor: AgentActor, input: AgentIn<'incident:create'>): Promise<Result<Incident>> {
    if (actor.role === 'agent') return forbidden();
    // Checked before the banner goes up, so a refused incident leaves no notice behind (re-checked in the write).
    const known = await incidents.existingTicketIds(this.ctx.db, input.ticketIds);
    if (input.ticketIds.some((t) => !known.has(t))) return err('not_found', 'Unknown ticket.');
    // The banner goes through the notice service (its own idempotency key, derived from ours) before the incident row.
    let noticeId: string | null = null;
    if (input.notice) {
      const posted = await this.notices.set(actor, { clientId: `${input.clientId}:notice`, notice: input.notice });
      if (!posted.ok) return posted;
      noticeId = posted.value?.id ?? null;
    }
    const now = this.ctx.clock.now();
    const out = await this.commit<Incident>((trx) =>
      once(trx, `${actor.specialistId}:${input.clientId}`, now, async () => {
        const existing = await incidents.existingTicketIds(trx, input.ticketIds);
        if (input.ticketIds.some((t) => !existing.has(t))) return { result: err('not_found', 'Unknown ticket.'), events: [] };
        const incident: Incident = {
          id: randomUUID(),
          title: input.title,
          category: input.category,
          eid: input.eid,
          state: 'open',
          ticketIds: [],
          noticeId,
          createdBy: actor.specialistId,
          createdAt: now,
          resolvedAt: null,
          resolutionNote: null,
        };
        await incidents.insertIncident(trx, incident);
        const linked = await this.link(trx, actor, incident.id, input.ticketIds, now);
        if (!linked.ok) return { result: linked, events: [] };
        const saved = (await incidents.getIncident(trx, incident.id)) ?? incident;
        // Status subscribers hear of it in this transaction: a declared incident is never left unannounced.
        await queueStatusMails(this.ctx, trx, saved, 'opened', input.notice?.text ?? null, now);
        return { result: ok(saved), events: [...linked.value, await appendEvent(trx, 'incident.updated', saved, now, leadsOnly)] };
      }),
    );
    if (out.events.length > 0 && out.result.ok) {
      this.ctx.log.info({ incidentId: out.result.value.id, specialistId: actor.specialistId }, 'incident declared');
      this.ctx.mailOutbox.wake();
    }
    return out.result;
  }

  async linkTickets(actor: AgentActor, input: AgentIn<'incident:link'>): Promise<Result<Incident>> {
    if (actor.role === 'agent') return forbidden();
    const out = await this.changeOpenIncident(actor, input, 'This incident is resolved.', async (trx, before, now) => {
      const linked = await this.link(trx, actor, before.id, input.ticketIds, now);
      if (!linked.ok) return { result: linked, events: [] };
      if (linked.value.length === 0) return { result: ok(before), events: [] };
      const after = (await incidents.getIncident(trx, before.id)) ?? before;
      return { result: ok(after), events: [...linked.value, await appendEvent(trx, 'incident.updated', after, now, leadsOnly)] };
    });
    return out.result;
  }

  /** Leads and admins: an update on an open incident, shown on /status and mailed to status subscribers. */
  async postUpdate(actor: AgentActor, input: AgentIn<'incident:update'>): Promise<Result<Incident>> {
    if (actor.role === 'agent') return forbidden();
    const out = await this.changeOpenIncident(actor, input, 'This incident is resolved; updates go on open incidents only.', async (trx, before, now) => {
      const id = await insertIncidentUpdate(trx, { incidentId: before.id, note: input.note, createdBy: actor.specialistId, now });
      // In this transaction, like the start and the resolution: the update never shows without its mail queued.
      await queueStatusMails(this.ctx, trx, before, 'updated', null, now, { id, note: input.note });
      // The incident row is unchanged; the event still tells the leads' consoles to refresh their list.
      return { result: ok(before), events: [await appendEvent(trx, 'incident.updated', before, now, leadsOnly)] };
    });
    if (out.result.ok && out.events.length > 0) {
      this.ctx.log.info({ incidentId: out.result.value.id, specialistId: actor.specialistId }, 'incident update posted');
      this.ctx.mailOutbox.wake();
    }
    return out.result;
  }

  async resolve(actor: AgentActor, input: AgentIn<'incident:resolve'>): Promise<Result<Incident>> {
    if (actor.role === 'agent') return forbidden();
    const out = await this.changeOpenIncident(actor, input, 'This incident is already resolved.', async (trx, before, now) => {
      await incidents.resolveIncident(trx, before.id, now, input.note);
      const after: Incident = { ...before, state: 'resolved', resolvedAt: now, resolutionNote: input.note };
      // In this transaction: the incident is never resolved without its requester mails in the outbox.
      if (input.notifyRequesters) await this.queueRequesterMails(trx, after, now);
      await queueStatusMails(this.ctx, trx, after, 'resolved', null, now);
      return { result: ok(after), events: [await appendEvent(trx, 'incident.updated', after, now, leadsOnly)] };
    });
    // Side effects only for the call that resolved it (a retry gets the result and changes nothing).
    if (!out.result.ok || out.events.length === 0) return out.result;
    const incident = out.result.value;
    this.ctx.log.info({ incidentId: incident.id, specialistId: actor.specialistId, notify: input.notifyRequesters }, 'incident resolved');
    if (incident.noticeId !== null && (await latestNotice(this.ctx.db))?.id === incident.noticeId) {
      const cleared = await this.notices.set(actor, { clientId: `${input.clientId}:notice`, notice: null });
      if (!cleared.ok) this.ctx.log.error({ incidentId: incident.id, code: cleared.error.code }, 'clearing the incident notice failed');
    }
    this.ctx.mailOutbox.wake();
    return out.result;
  }

  /** One mail per distinct requester, naming all of their linked tickets; keyed by incident and requester. */
  private async queueRequesterMails(trx: Db, incident: Incident, now: number): Promise<void> {
    const byRequester = new Map<string, number[]>();
    for (const id of incident.ticketIds) {
      const t = await tickets.getTicket(trx, id);
      if (!t) continue;
      const key = t.requesterEmail.toLowerCase();
      byRequester.set(key, [...(byRequester.get(key) ?? []), t.id]);
    }
    const mails = [...byRequester].map(([to, ids]) => {
      const { subject, text } = incidentResolved({ ticketIds: ids, title: incident.title, note: incident.resolutionNote ?? '', commentUrl: commentUrl(this.ctx, ids[0] ?? 0) });
      return { key: `incident_resolved:${incident.id}:${to}`, kind: 'incident_resolved' as const, to, subject, text, ticketId: ids[0] ?? null };
    });
    await enqueueTicketMails(this.ctx, trx, mails, now);
  }

  async list(actor: AgentActor, input: { state?: IncidentState | undefined }): Promise<Result<Incident[]>> {
    if (actor.role === 'agent') return forbidden();
    return ok(await incidents.listIncidents(this.ctx.db, input.state));
  }
}
