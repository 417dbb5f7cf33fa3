import { describe, expect, it } from 'vitest';
import { openTicketDraft, questionTicketDraft, subjectOfQuestion } from '../../../../src-server/automation/new-ticket';

describe('subjectOfQuestion', () => {
  it('keeps a question of up to 120 characters as it is', () => {
    expect(subjectOfQuestion('x'.repeat(120))).toBe('x'.repeat(120));
  });

  it('cuts a longer question to 120 characters ending in an ellipsis', () => {
    const subject = subjectOfQuestion('y'.repeat(121));
    expect(subject).toHaveLength(120);
    expect(subject.endsWith('y...')).toBe(true);
  });
});

describe('openTicketDraft', () => {
  it('starts Open at now with every outcome field empty and keeps the origin as given', () => {
    const origin = {
      subject: 'No picture',
      channel: 'email' as const,
      departmentId: 'technical',
      requesterEmail: 'casey@example.com',
      ccs: ['boss@example.com'],
      context: {},
      category: null,
      product: 'lumina',
      assigneeId: null,
      conversationId: null,
      followUpOf: 7,
    };
    expect(openTicketDraft(origin, 1_000)).toEqual({
      ...origin,
      status: 'open',
      resolution: null,
      escalation: null,
      workaround: null,
      rcaNote: null,
      createdAt: 1_000,
      updatedAt: 1_000,
      solvedAt: null,
      closedAt: null,
    });
  });
});

describe('questionTicketDraft', () => {
  it('files a question under its department and product, unassigned and uncategorised, on the given channel and chat', () => {
    const draft = questionTicketDraft(
      { question: 'z'.repeat(130), email: 'casey@example.com', context: { eid: 'e-9' } },
      { id: 'av-media', product: 'lumina' },
      'chat',
      '11111111-1111-4111-8111-111111111111',
      2_000,
    );
    expect(draft).toMatchObject({
      subject: `${'z'.repeat(117)}...`,
      status: 'open',
      channel: 'chat',
      departmentId: 'av-media',
      product: 'lumina',
      requesterEmail: 'casey@example.com',
      ccs: [],
      context: { eid: 'e-9' },
      category: null,
      assigneeId: null,
      conversationId: '11111111-1111-4111-8111-111111111111',
      followUpOf: null,
      createdAt: 2_000,
    });
  });
});
