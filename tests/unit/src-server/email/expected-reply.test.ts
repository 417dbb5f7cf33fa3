import { describe, expect, it } from 'vitest';
import { expectedReply } from '../../../../src-server/email/expected-reply';
import { defaultDepartments } from '../../../../src-server/seed';

const finance = defaultDepartments.find((d) => d.id === 'finance')!;

describe('expectedReply', () => {
  it('inside hours the team is in now and replies as soon as possible', () => {
    const tuesday10am = Date.UTC(2026, 10, 17, 15, 0); // 10:00 New York
    expect(expectedReply(finance, tuesday10am)).toEqual({
      by: tuesday10am,
      text: 'Our Finance team is in now and will reply by email as soon as possible.',
    });
  });

  it('outside hours it names the hours and the next opening', () => {
    const saturday = Date.UTC(2026, 10, 21, 15, 0);
    const reply = expectedReply(finance, saturday);
    expect(reply.by).toBe(Date.UTC(2026, 10, 23, 14, 0)); // Monday 9:00 New York
    expect(reply.text).toBe('Our Finance team will reply during business hours (Mon–Fri 9 am to 5 pm Eastern Time).');
  });
});
