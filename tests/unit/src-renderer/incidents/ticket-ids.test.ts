import { describe, expect, it } from 'vitest';
import { parseTicketIds } from '../../../../src-renderer/incidents/ticket-ids';

describe('parseTicketIds', () => {
  it('accepts numbers separated by commas or spaces, with or without #, once each', () => {
    expect(parseTicketIds(' 12, #13 14;12 ')).toEqual({ ok: true, value: [12, 13, 14] });
    expect(parseTicketIds('')).toEqual({ ok: true, value: [] });
  });

  it('names the part that is not a ticket number', () => {
    expect(parseTicketIds('12, abc')).toEqual({ ok: false, error: '“abc” is not a ticket number.' });
    expect(parseTicketIds('0')).toEqual({ ok: false, error: '“0” is not a ticket number.' });
  });
});
