import { describe, expect, it } from 'vitest';
import { AUTO_SOLVED_RESOLUTION_ID } from '../../../../src-shared/resolution-catalog';
import { decideCustomerReply } from '../../../../src-server/automation/customer-reply';
import { decideJob, planTicketJobs } from '../../../../src-server/automation/ticket-jobs';
import { makeTicket, ny, nySchedule } from './fixtures';

describe('decideCustomerReply', () => {
  it('sets an Awaiting your reply ticket back to Open with a new status stamp, which makes its pending reminders stale', () => {
    const since = ny('2026-11-02T10:00');
    const ticket = makeTicket({ status: 'awaiting_reply' });
    const now = ny('2026-11-03T08:00');
    const decision = decideCustomerReply(ticket, { status: 'awaiting_reply', statusSince: since }, now, 'web');
    if (decision.kind !== 'reopen') throw new Error(`expected reopen, got ${decision.kind}`);
    expect(decision.change.ticket.status).toBe('open');
    expect(decision.change.stamp).toEqual({ status: 'open', statusSince: now });
    expect(decision.change.audit).toEqual([{ ticketId: ticket.id, at: now, actorKind: 'customer', actorId: null, field: 'status', from: 'awaiting_reply', to: 'open' }]);

    const [reminder] = planTicketJobs({ id: ticket.id, status: 'awaiting_reply', statusSince: since }, nySchedule);
    const after = { ticket: decision.change.ticket, statusSince: decision.change.stamp.statusSince, schedule: nySchedule };
    expect(decideJob(reminder!, after, reminder!.dueAt)).toEqual({ kind: 'stale', reason: 'status_changed' });
  });

  it('reopens a Solved ticket and clears its resolution and solve time, keeping them in the audit trail', () => {
    const solvedAt = ny('2026-11-10T14:00');
    const resolution = { typeId: AUTO_SOLVED_RESOLUTION_ID, catalogVersion: 1 };
    const ticket = makeTicket({ status: 'solved', solvedAt, resolution });
    const now = ny('2026-11-12T09:00');
    const decision = decideCustomerReply(ticket, { status: 'solved', statusSince: solvedAt }, now, 'email');
    if (decision.kind !== 'reopen') throw new Error(`expected reopen, got ${decision.kind}`);
    expect(decision.change.ticket).toMatchObject({ status: 'open', resolution: null, solvedAt: null, updatedAt: now });
    expect(decision.change.audit.map((a) => [a.field, a.from, a.to])).toEqual([
      ['status', 'solved', 'open'],
      ['resolution', resolution, null],
      ['solvedAt', solvedAt, null],
    ]);
  });

  it('leaves Open and Fixed – Pending RCA tickets as they are', () => {
    for (const status of ['open', 'fixed_pending_rca'] as const) {
      const ticket = makeTicket({ status, workaround: 'Use the CSV export' });
      expect(decideCustomerReply(ticket, { status, statusSince: ticket.createdAt }, ny('2026-11-12T09:00'), 'web')).toEqual({ kind: 'unchanged' });
    }
  });

  it('answers a reply to a Closed ticket with a new Open follow-up ticket linked to it', () => {
    const closed = makeTicket({
      id: 7,
      status: 'closed',
      solvedAt: ny('2026-11-10T14:00'),
      closedAt: ny('2026-12-08T14:00'),
      resolution: { typeId: 'code-fix', catalogVersion: 1 },
      workaround: 'Use the CSV export',
      rcaNote: 'Timeout in the exporter',
    });
    const now = ny('2026-12-20T11:00');
    const decision = decideCustomerReply(closed, { status: 'closed', statusSince: closed.closedAt! }, now, 'email');
    if (decision.kind !== 'follow_up') throw new Error(`expected follow_up, got ${decision.kind}`);
    expect(decision.draft).toMatchObject({
      subject: 'Follow-up to #7: Cannot export the media plan',
      status: 'open',
      channel: 'email',
      followUpOf: 7,
      departmentId: closed.departmentId,
      requesterEmail: closed.requesterEmail,
      ccs: closed.ccs,
      assigneeId: closed.assigneeId,
      resolution: null,
      workaround: null,
      rcaNote: null,
      solvedAt: null,
      closedAt: null,
      createdAt: now,
    });
  });

  it('keeps a follow-up subject within the 200 characters a ticket allows', () => {
    const closed = makeTicket({ status: 'closed', subject: 'x'.repeat(200), closedAt: ny('2026-12-08T14:00') });
    const decision = decideCustomerReply(closed, { status: 'closed', statusSince: closed.closedAt! }, ny('2026-12-09T10:00'), 'web');
    if (decision.kind !== 'follow_up') throw new Error(`expected follow_up, got ${decision.kind}`);
    expect(decision.draft.subject).toHaveLength(200);
  });
});
