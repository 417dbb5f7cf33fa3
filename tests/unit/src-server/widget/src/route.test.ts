import { describe, expect, it } from 'vitest';
import { routeFor } from '../../../../../src-server/widget/src/route';

describe('routeFor', () => {
  it('passes pid and eid of a support link as context', () => {
    expect(routeFor('/support', '?pid=P1&eid=E9')).toEqual({ kind: 'support', context: { pid: 'P1', eid: 'E9' }, embedded: false });
  });

  it('marks the page embedded and keeps only an http(s) host page URL', () => {
    expect(routeFor('/support/', '?embed=1&page=https%3A%2F%2Fshop.example%2Fx')).toEqual({
      kind: 'support',
      context: { pageUrl: 'https://shop.example/x' },
      embedded: true,
    });
    expect(routeFor('/support', '?page=javascript%3Aalert(1)')).toEqual({ kind: 'support', context: {}, embedded: false });
  });

  it('drops empty or overlong context values instead of failing the request later', () => {
    expect(routeFor('/support', `?pid=%20&eid=${'x'.repeat(129)}`)).toEqual({ kind: 'support', context: {}, embedded: false });
  });

  it('reads the ticket id and signature of a comment link', () => {
    expect(routeFor('/comment/42', '?sig=abc.def')).toEqual({ kind: 'comment', ticketId: 42, sig: 'abc.def' });
  });

  it('answers not_found for other paths', () => {
    expect(routeFor('/comment/abc', '')).toEqual({ kind: 'not_found' });
    expect(routeFor('/admin', '')).toEqual({ kind: 'not_found' });
  });
});
