import { describe, expect, it } from 'vitest';
import { REFERENCES_CAP, threadHeaders } from '../../../../src-server/email/ticket-mail-headers';

const m = (messageId: string, at: number) => ({ messageId, at });

describe('threadHeaders', () => {
  it('answers the customer\'s latest mail and lists both sides in time order', () => {
    const h = threadHeaders([m('<c1@x>', 1), m('<c2@x>', 5)], [m('<s1@us>', 2), m('<s2@us>', 7)]);
    expect(h).toEqual({ inReplyTo: '<c2@x>', references: ['<c1@x>', '<s1@us>', '<c2@x>', '<s2@us>'] });
  });
  it('answers our own latest mail when the customer never mailed (a chat, a form)', () => {
    expect(threadHeaders([], [m('<s1@us>', 2), m('<s2@us>', 3)])).toEqual({ inReplyTo: '<s2@us>', references: ['<s1@us>', '<s2@us>'] });
  });
  it('is empty for the first mail of a ticket', () => {
    expect(threadHeaders([], [])).toEqual({ inReplyTo: null, references: [] });
  });
  it('keeps only the most recent ids, without repeats', () => {
    const sent = Array.from({ length: REFERENCES_CAP + 5 }, (_, i) => m(`<s${i}@us>`, i));
    const h = threadHeaders([m('<s3@us>', 3)], sent);
    expect(h.references).toHaveLength(REFERENCES_CAP);
    expect(h.references.at(-1)).toBe(`<s${REFERENCES_CAP + 4}@us>`);
    expect(new Set(h.references).size).toBe(REFERENCES_CAP);
  });
});
