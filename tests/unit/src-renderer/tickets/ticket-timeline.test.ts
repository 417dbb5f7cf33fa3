import { describe, expect, it } from 'vitest';
import { auditActor, describeAudit, mergeTimeline, type TimelineNames } from '../../../../src-renderer/tickets/ticket-timeline';
import type { TicketAuditEntry, TicketComment } from '../../../../src-shared/ticket';

const entry = (over: Partial<TicketAuditEntry> = {}): TicketAuditEntry => ({
  ticketId: 1,
  at: 200,
  actorKind: 'specialist',
  actorId: 's1',
  field: 'status',
  from: 'open',
  to: 'awaiting_reply',
  ...over,
});
const comment = (createdAt: number, id: string): TicketComment =>
  ({ id, ticketId: 1, authorKind: 'specialist', authorId: 's1', authorName: 'Dana', body: 'x', internal: true, attachments: [], createdAt }) as TicketComment;
const names: TimelineNames = {
  specialist: (id) => (id === 's1' ? 'Dana' : undefined),
  incident: (id) => (id === 'i1' ? 'Streaming down' : undefined),
  department: (id) => (id === 'technical' ? 'Technical' : id === 'av-media' ? 'AV Media' : undefined),
};

describe('mergeTimeline', () => {
  it('interleaves comments and changes oldest first, the comment first at the same instant', () => {
    const items = mergeTimeline([comment(100, 'c1'), comment(200, 'c2')], [entry({ at: 200 }), entry({ at: 50, field: 'subject', from: 'a', to: 'b' })]);
    expect(items.map((i) => (i.kind === 'comment' ? i.comment.id : `${i.entry.field}@${i.at}`))).toEqual(['subject@50', 'c1', 'c2', 'status@200']);
  });
});

describe('describeAudit', () => {
  it('names statuses, assignees and categories in words', () => {
    expect(describeAudit(entry(), names)).toBe('Status: Open → Awaiting your reply');
    expect(describeAudit(entry({ field: 'assigneeId', from: null, to: 's1' }), names)).toBe('Assignee: — → Dana');
    expect(describeAudit(entry({ field: 'ccs', from: [], to: ['a@b.c', 'd@e.f'] }), names)).toBe('CCs: — → a@b.c, d@e.f');
    expect(describeAudit(entry({ field: 'category', from: null, to: 'streaming' }), names)).toBe('Category: — → Streaming');
    expect(describeAudit(entry({ field: 'escalation', from: null, to: { category: 'streaming', note: '', by: 's1', at: 1 } }), names)).toBe('Escalation: — → Streaming');
  });

  it('names resolutions and departments by their labels, never their ids', () => {
    const solved = describeAudit(entry({ field: 'resolution', from: null, to: { typeId: 'action-required-by-client', catalogVersion: 1 } }), names);
    expect(solved).toBe('Resolution: — → Action required (by client)');
    expect(describeAudit(entry({ field: 'resolution', from: null, to: { typeId: 'duplicate', catalogVersion: 1, linkedTicketId: 12 } }), names)).toBe('Resolution: — → Duplicate (#12)');
    expect(describeAudit(entry({ field: 'departmentId', from: 'technical', to: 'av-media' }), names)).toBe('Department: Technical → AV Media');
    expect(describeAudit(entry({ field: 'departmentId', from: 'canadian-spot', to: 'technical' }), names)).toBe('Department: Canadian spot → Technical');
    expect(describeAudit(entry({ field: 'status', from: 'solved', to: 'fixed_pending_rca' }), names)).toBe('Status: Solved → Fixed – Pending RCA');
  });

  it('words fields it has no label for instead of showing their ids', () => {
    expect(describeAudit(entry({ actorKind: 'system', field: 'accountManagement', from: null, to: 'account management not configured' }), names)).toBe(
      'Account Management: — → account management not configured',
    );
    expect(describeAudit(entry({ field: 'someNewField', from: null, to: 'x' }), names)).toBe('Some new field: — → x');
  });

  it('describes incident links by the incident title when known', () => {
    expect(describeAudit(entry({ field: 'incident', from: null, to: 'i1' }), names)).toBe('linked to incident “Streaming down”');
    expect(describeAudit(entry({ field: 'incident', from: null, to: 'i9' }), names)).toBe('linked to an incident');
  });

  it('words a mail delivery attempt: sent, failing with its retry, failed for good', () => {
    const mail = (to: unknown) => describeAudit(entry({ actorKind: 'system', actorId: null, field: 'email', from: null, to }), names);
    expect(mail({ kind: 'chat_recap', attempt: 2, outcome: 'sent', error: null, nextAttemptAt: null })).toBe('Chat recap email: attempt 2 sent');
    expect(mail({ kind: 'email_ack', attempt: 1, outcome: 'retrying', error: 'ESOCKET', nextAttemptAt: 1_000 })).toMatch(/^Acknowledgement email: attempt 1 failed \(ESOCKET\); retrying at .+/);
    expect(mail({ kind: 'email_ack', attempt: 9, outcome: 'failed', error: 'SMTP 550', nextAttemptAt: null })).toBe('Acknowledgement email: attempt 9 failed (SMTP 550); given up');
  });

  it('says who made the change', () => {
    expect(auditActor(entry(), names)).toBe('Dana');
    expect(auditActor(entry({ actorKind: 'customer', actorId: null }), names)).toBe('Customer');
    expect(auditActor(entry({ actorKind: 'system', actorId: null }), names)).toBe('System');
    expect(auditActor(entry({ actorId: 'gone' }), names)).toBe('A specialist');
  });
});
