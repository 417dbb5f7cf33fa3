import { describe, expect, it } from 'vitest';
import { AUTO_SOLVED_RESOLUTION_ID, resolutionCatalog } from '../../../../src-shared/resolution-catalog';
import { automationRulesSchema, defaultAutomationRules } from '../../../../src-server/automation/automation-rules';
import { decideJob, jobId, planTicketJobs, type AutomationJob } from '../../../../src-server/automation/ticket-jobs';
import { statusEnteredAt } from '../../../../src-server/automation/ticket-change';
import { makeTicket, ny, nySchedule, nyText } from './fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const due = (jobs: AutomationJob[]) => jobs.map((j) => `${j.kind}#${j.ordinal} ${nyText(j.dueAt)}`);

describe('planTicketJobs', () => {
  it('plans reminders after 2 and 5 business days and auto-solve after 7, across a weekend and the DST fall-back, at the same wall time', () => {
    const since = ny('2026-10-30T14:00'); // Friday, EDT; clocks fall back Sunday 2026-11-01
    const jobs = planTicketJobs({ id: 42, status: 'awaiting_reply', statusSince: since }, nySchedule);
    expect(due(jobs)).toEqual([
      'reminder#1 2026-11-03T14:00 -05:00', // Mon, Tue
      'reminder#2 2026-11-06T14:00 -05:00', // Wed, Thu, Fri
      'auto_solve#1 2026-11-10T14:00 -05:00', // Mon, Tue
    ]);
    // Four calendar days plus the hour given back at the fall-back.
    expect(jobs[0]!.dueAt - since).toBe(4 * DAY + HOUR);
  });

  it('does not count Thanksgiving as a business day', () => {
    const jobs = planTicketJobs({ id: 42, status: 'awaiting_reply', statusSince: ny('2026-11-24T10:00') }, nySchedule);
    expect(due(jobs)).toEqual([
      'reminder#1 2026-11-27T10:00 -05:00', // Wed 25, (Thu 26 holiday), Fri 27
      'reminder#2 2026-12-02T10:00 -05:00', // Mon 30, Tue 1, Wed 2
      'auto_solve#1 2026-12-04T10:00 -05:00', // Thu 3, Fri 4
    ]);
  });

  it('plans the close of a solved ticket 28 calendar days later at the same wall time across DST', () => {
    const since = ny('2026-10-20T10:00');
    const jobs = planTicketJobs({ id: 42, status: 'solved', statusSince: since }, nySchedule);
    expect(due(jobs)).toEqual(['auto_close#1 2026-11-17T10:00 -05:00']);
    expect(jobs[0]!.dueAt - since).toBe(28 * DAY + HOUR);
  });

  it('plans nothing for Open, Fixed – Pending RCA and Closed tickets', () => {
    for (const status of ['open', 'fixed_pending_rca', 'closed'] as const) {
      expect(planTicketJobs({ id: 42, status, statusSince: ny('2026-11-02T10:00') }, nySchedule)).toEqual([]);
    }
  });

  it('gives the same ids when planned twice and new ids for a new status period', () => {
    const a = planTicketJobs({ id: 42, status: 'awaiting_reply', statusSince: ny('2026-11-02T10:00') }, nySchedule);
    const b = planTicketJobs({ id: 42, status: 'awaiting_reply', statusSince: ny('2026-11-02T10:00') }, nySchedule);
    const c = planTicketJobs({ id: 42, status: 'awaiting_reply', statusSince: ny('2026-11-02T10:05') }, nySchedule);
    expect(b.map((j) => j.id)).toEqual(a.map((j) => j.id));
    expect(new Set([...a, ...c].map((j) => j.id)).size).toBe(6);
    expect(a[0]!.id).toBe(jobId(42, { status: 'awaiting_reply', statusSince: ny('2026-11-02T10:00') }, 'reminder', 1));
  });

  it('follows configured reminder offsets', () => {
    const rules = { reminderBusinessDays: [1, 3, 4], autoSolveBusinessDays: 5, autoCloseDays: 14 };
    const jobs = planTicketJobs({ id: 42, status: 'awaiting_reply', statusSince: ny('2026-11-02T10:00') }, nySchedule, rules);
    expect(due(jobs)).toEqual([
      'reminder#1 2026-11-03T10:00 -05:00',
      'reminder#2 2026-11-05T10:00 -05:00',
      'reminder#3 2026-11-06T10:00 -05:00',
      'auto_solve#1 2026-11-09T10:00 -05:00',
    ]);
  });
});

describe('automationRulesSchema', () => {
  it('accepts the defaults and refuses reminders that are not increasing or not before the auto-solve day', () => {
    expect(automationRulesSchema.safeParse(defaultAutomationRules).success).toBe(true);
    expect(automationRulesSchema.safeParse({ ...defaultAutomationRules, reminderBusinessDays: [5, 2] }).success).toBe(false);
    expect(automationRulesSchema.safeParse({ ...defaultAutomationRules, reminderBusinessDays: [2, 7] }).success).toBe(false);
  });
});

describe('decideJob', () => {
  const since = ny('2026-10-30T14:00');
  const ticket = makeTicket({ status: 'awaiting_reply', updatedAt: since });
  const state = { ticket, statusSince: since, schedule: nySchedule };
  const [reminder1, reminder2, autoSolve] = planTicketJobs({ id: ticket.id, status: 'awaiting_reply', statusSince: since }, nySchedule) as [
    AutomationJob,
    AutomationJob,
    AutomationJob,
  ];

  it('waits until the job is due', () => {
    expect(decideJob(reminder1, state, reminder1.dueAt - 1)).toEqual({ kind: 'wait' });
  });

  it('sends reminder n of 2 with the auto-solve instant once due', () => {
    expect(decideJob(reminder1, state, reminder1.dueAt)).toEqual({ kind: 'send_reminder', ticket, ordinal: 1, of: 2, autoSolveAt: autoSolve.dueAt, zone: 'America/New_York' });
  });

  it('calls a job stale when the ticket left the status, or re-entered it at another instant', () => {
    const reopened = { ...state, ticket: { ...ticket, status: 'open' as const }, statusSince: since + HOUR };
    expect(decideJob(reminder1, reopened, reminder1.dueAt)).toEqual({ kind: 'stale', reason: 'status_changed' });
    const awaitingAgain = { ...state, statusSince: since + 2 * HOUR };
    expect(decideJob(reminder1, awaitingAgain, reminder1.dueAt)).toEqual({ kind: 'stale', reason: 'status_changed' });
  });

  it('calls a job stale when the ticket is gone', () => {
    expect(decideJob(reminder1, null, reminder1.dueAt)).toEqual({ kind: 'stale', reason: 'ticket_missing' });
  });

  it('skips a reminder when a later step is already due, as after downtime', () => {
    expect(decideJob(reminder1, state, reminder2.dueAt)).toEqual({ kind: 'stale', reason: 'superseded' });
    expect(decideJob(reminder2, state, autoSolve.dueAt)).toEqual({ kind: 'stale', reason: 'superseded' });
  });

  it('auto-solves with the system-only resolution, stamps the new status and audits as the system', () => {
    const now = autoSolve.dueAt + 5 * 60_000;
    const decision = decideJob(autoSolve, state, now);
    if (decision.kind !== 'auto_solve') throw new Error(`expected auto_solve, got ${decision.kind}`);
    const { change } = decision;
    expect(change.expected).toEqual({ status: 'awaiting_reply', statusSince: since });
    expect(change.stamp).toEqual({ status: 'solved', statusSince: now });
    expect(change.ticket).toMatchObject({
      status: 'solved',
      solvedAt: now,
      updatedAt: now,
      resolution: { typeId: AUTO_SOLVED_RESOLUTION_ID, catalogVersion: resolutionCatalog.version },
    });
    expect(change.audit.map((a) => [a.field, a.from, a.to, a.actorKind])).toEqual([
      ['status', 'awaiting_reply', 'solved', 'system'],
      ['resolution', null, { typeId: AUTO_SOLVED_RESOLUTION_ID, catalogVersion: resolutionCatalog.version }, 'system'],
      ['solvedAt', null, now, 'system'],
    ]);
  });

  it('closes a solved ticket once its close is due', () => {
    const solvedAt = ny('2026-11-10T14:00');
    const solved = makeTicket({ status: 'solved', solvedAt });
    const [close] = planTicketJobs({ id: solved.id, status: 'solved', statusSince: solvedAt }, nySchedule) as [AutomationJob];
    const decision = decideJob(close, { ticket: solved, statusSince: solvedAt, schedule: nySchedule }, close.dueAt);
    if (decision.kind !== 'auto_close') throw new Error(`expected auto_close, got ${decision.kind}`);
    expect(decision.change.ticket).toMatchObject({ status: 'closed', closedAt: close.dueAt, solvedAt });
    expect(decision.change.stamp).toEqual({ status: 'closed', statusSince: close.dueAt });
  });
});

describe('statusEnteredAt', () => {
  it('takes the newest audit line that moved the ticket into its current status', () => {
    const t = makeTicket({ status: 'awaiting_reply' });
    const line = (at: number, to: string) => ({ ticketId: t.id, at, actorKind: 'specialist' as const, actorId: null, field: 'status', from: 'open', to });
    const audit = [line(ny('2026-11-02T10:00'), 'awaiting_reply'), line(ny('2026-11-03T10:00'), 'open'), line(ny('2026-11-04T10:00'), 'awaiting_reply')];
    expect(statusEnteredAt(t, audit)).toBe(ny('2026-11-04T10:00'));
  });

  it('falls back to solvedAt for a solved ticket and createdAt otherwise', () => {
    expect(statusEnteredAt(makeTicket({ status: 'solved', solvedAt: ny('2026-11-05T12:00') }), [])).toBe(ny('2026-11-05T12:00'));
    expect(statusEnteredAt(makeTicket(), [])).toBe(makeTicket().createdAt);
  });
});
