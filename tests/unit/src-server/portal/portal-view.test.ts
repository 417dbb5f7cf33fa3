import { describe, expect, it } from 'vitest';
import { roleOn, showsAttachment } from '../../../../src-server/portal/portal-view';

describe('roleOn', () => {
  const ticket = { requesterEmail: 'pat@example.com', ccs: ['boss@example.com', 'Mixed@Example.com'] };
  it('names the requester, a CC (any case), and nobody else', () => {
    expect(roleOn(ticket, 'pat@example.com')).toBe('requester');
    expect(roleOn(ticket, 'boss@example.com')).toBe('cc');
    expect(roleOn(ticket, 'mixed@example.com')).toBe('cc');
    expect(roleOn(ticket, 'xpat@example.com')).toBeNull();
    expect(roleOn(ticket, 'boss@example.co')).toBeNull();
  });
});

describe('showsAttachment', () => {
  it('finds a file in a public message or comment only', () => {
    const file = { id: 'f1' };
    const parts = { transcript: [{ attachments: [] }], comments: [{ attachments: [file] }] } as never;
    expect(showsAttachment(parts, 'f1')).toBe(true);
    expect(showsAttachment(parts, 'f2')).toBe(false);
  });
});
