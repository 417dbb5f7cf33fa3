// Ticket automation as data: which jobs a ticket's status implies (planTicketJobs) and whether a due job still applies (decideJob).
import { DateTime } from 'luxon';
import { addBusinessDays, type Schedule } from '../../src-shared/business-hours';
import { AUTO_SOLVED_RESOLUTION_ID, resolutionCatalog, validateResolution, type Resolution } from '../../src-shared/resolution-catalog';
import type { Ticket } from '../../src-shared/ticket';
import { canTransition, type TicketStatus } from '../../src-shared/ticket-lifecycle';
import { defaultAutomationRules, type AutomationRules } from './automation-rules';
import { ticketChange, type StatusStamp, type TicketChange } from './ticket-change';

export type JobKind = 'reminder' | 'auto_solve' | 'auto_close';

/**
 * One planned automation step. `status` and `statusSince` name the status period it belongs to: any status change
 * (a reply, a specialist's move) starts a new period, so jobs of the old one become stale without being deleted.
 */
export type AutomationJob = {
  /** Deterministic, so every node planning the same period produces the same ids and inserts are idempotent. */
  id: string;
  ticketId: number;
  kind: JobKind;
  /** 1-based: reminder 1, reminder 2; always 1 for auto_solve and auto_close. */
  ordinal: number;
  status: TicketStatus;
  statusSince: number;
  dueAt: number;
};

/** The minimum the planner needs: which ticket, its status, and since when. */
export type TicketInStatus = { id: number } & StatusStamp;

/** The current ticket as the runner loads it: the full ticket, its status stamp and its department's schedule. */
export type TicketAutomationState = { ticket: Ticket; statusSince: number; schedule: Schedule };

export function jobId(ticketId: number, stamp: StatusStamp, kind: JobKind, ordinal: number): string {
  return `t${ticketId}:${stamp.status}@${stamp.statusSince}:${kind}#${ordinal}`;
}

function job(t: TicketInStatus, kind: JobKind, ordinal: number, dueAt: number): AutomationJob {
  return { id: jobId(t.id, t, kind, ordinal), ticketId: t.id, kind, ordinal, status: t.status, statusSince: t.statusSince, dueAt };
}

/** When a ticket that entered "Awaiting your reply" at `since` is auto-solved: business days in the department's zone. */
export function autoSolveDueAt(schedule: Schedule, since: number, rules: AutomationRules = defaultAutomationRules): number {
  return addBusinessDays(schedule, since, rules.autoSolveBusinessDays);
}

/**
 * Calendar days in the department's zone, keeping the wall-clock time: a ticket solved at 10:00 closes at 10:00
 * 28 days later even when a DST change falls in between (then the gap is 28 × 24 h ± 1 h).
 */
export function autoCloseDueAt(schedule: Schedule, solvedAt: number, rules: AutomationRules = defaultAutomationRules): number {
  return DateTime.fromMillis(solvedAt, { zone: schedule.zone }).plus({ days: rules.autoCloseDays }).toMillis();
}

/** Every job the ticket's current status period implies, oldest due first; none for Open, Fixed – Pending RCA and Closed. */
export function planTicketJobs(ticket: TicketInStatus, schedule: Schedule, rules: AutomationRules = defaultAutomationRules): AutomationJob[] {
  switch (ticket.status) {
    case 'awaiting_reply':
      return [
        ...rules.reminderBusinessDays.map((days, i) => job(ticket, 'reminder', i + 1, addBusinessDays(schedule, ticket.statusSince, days))),
        job(ticket, 'auto_solve', 1, autoSolveDueAt(schedule, ticket.statusSince, rules)),
      ];
    case 'solved':
      return [job(ticket, 'auto_close', 1, autoCloseDueAt(schedule, ticket.statusSince, rules))];
    case 'open':
    case 'fixed_pending_rca':
    case 'closed':
      return [];
  }
}

export type StaleReason =
  | 'ticket_missing'
  /** The ticket left the status period the job was planned for (customer reply, specialist move, earlier automation). */
  | 'status_changed'
  /** A later step of the same period is already due (e.g. after downtime): skip the older reminder, do the later step. */
  | 'superseded'
  /** The lifecycle or resolution rules refuse the move; a bug or a changed rule, never silently forced. */
  | 'not_allowed';

export type JobDecision =
  | { kind: 'wait' }
  | { kind: 'stale'; reason: StaleReason }
  /** `zone` is the department's, so the email can name the auto-solve day as the customer's team reads it. */
  | { kind: 'send_reminder'; ticket: Ticket; ordinal: number; of: number; autoSolveAt: number; zone: string }
  | { kind: 'auto_solve'; change: TicketChange }
  | { kind: 'auto_close'; change: TicketChange };

const systemActor = { kind: 'system' as const, id: null };

/**
 * Whether a job still applies to the ticket as it is now, and what to do. Pure: the runner loads `current`
 * and executes the answer. A job applies only while the ticket is in the same status since the same instant.
 */
export function decideJob(
  j: AutomationJob,
  current: TicketAutomationState | null,
  now: number,
  rules: AutomationRules = defaultAutomationRules,
): JobDecision {
  if (current === null) return { kind: 'stale', reason: 'ticket_missing' };
  const { ticket, statusSince, schedule } = current;
  if (ticket.status !== j.status || statusSince !== j.statusSince) return { kind: 'stale', reason: 'status_changed' };
  if (now < j.dueAt) return { kind: 'wait' };

  const stamp: StatusStamp = { status: ticket.status, statusSince };
  const plan = planTicketJobs({ id: ticket.id, ...stamp }, schedule, rules);
  if (plan.some((p) => p.dueAt > j.dueAt && p.dueAt <= now)) return { kind: 'stale', reason: 'superseded' };

  switch (j.kind) {
    case 'reminder':
      return {
        kind: 'send_reminder',
        ticket,
        ordinal: j.ordinal,
        of: rules.reminderBusinessDays.length,
        autoSolveAt: autoSolveDueAt(schedule, statusSince, rules),
        zone: schedule.zone,
      };
    case 'auto_solve': {
      const resolution: Resolution = { typeId: AUTO_SOLVED_RESOLUTION_ID, catalogVersion: resolutionCatalog.version };
      const allowed =
        canTransition(ticket.status, 'solved', 'system') &&
        validateResolution(resolution, { actor: 'system', product: ticket.product, ticketId: ticket.id }).ok;
      if (!allowed) return { kind: 'stale', reason: 'not_allowed' };
      const after: Ticket = { ...ticket, status: 'solved', resolution, solvedAt: now, updatedAt: now };
      return { kind: 'auto_solve', change: ticketChange(ticket, stamp, after, systemActor, now) };
    }
    case 'auto_close': {
      if (!canTransition(ticket.status, 'closed', 'system')) return { kind: 'stale', reason: 'not_allowed' };
      const after: Ticket = { ...ticket, status: 'closed', closedAt: now, updatedAt: now };
      return { kind: 'auto_close', change: ticketChange(ticket, stamp, after, systemActor, now) };
    }
  }
}
