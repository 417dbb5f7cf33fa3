import { describe, expect, it } from 'vitest';
import { portalPageFor, returnPathFor, safeReturnPath } from '../../../../../../src-server/widget/src/portal/portal-route';
import { routeFor } from '../../../../../../src-server/widget/src/route';

describe('portalPageFor', () => {
  it('maps the portal paths to their screens', () => {
    expect(portalPageFor('/portal', '')).toEqual({ name: 'activities' });
    expect(portalPageFor('/portal/', '')).toEqual({ name: 'activities' });
    expect(portalPageFor('/portal/sign-in', '?token=abc')).toEqual({ name: 'sign-in', token: 'abc' });
    expect(portalPageFor('/portal/tickets/42', '')).toEqual({ name: 'ticket', ticketId: 42 });
    expect(portalPageFor('/contacts', '')).toEqual({ name: 'contacts' });
  });

  it('keeps the pid/eid context of a Submit a request link, dropping junk', () => {
    expect(portalPageFor('/portal/new', '?pid=P1&eid=E9')).toEqual({ name: 'new', context: { pid: 'P1', eid: 'E9' } });
    expect(portalPageFor('/portal/new', `?pid=${'x'.repeat(129)}&eid=%20`)).toEqual({ name: 'new', context: {} });
  });

  it('is null for paths that are not the portal’s', () => {
    expect(portalPageFor('/portal/tickets/0', '')).toBeNull();
    expect(portalPageFor('/portal/tickets/abc', '')).toBeNull();
    expect(portalPageFor('/portal/admin', '')).toBeNull();
    expect(portalPageFor('/support', '')).toBeNull();
  });

  it('is what routeFor answers for portal paths, without changing the support and comment routes', () => {
    expect(routeFor('/portal/new', '?pid=P1')).toEqual({ kind: 'portal', page: { name: 'new', context: { pid: 'P1' } } });
    expect(routeFor('/contacts', '')).toEqual({ kind: 'portal', page: { name: 'contacts' } });
    expect(routeFor('/support', '').kind).toBe('support');
    expect(routeFor('/comment/5', '?sig=s').kind).toBe('comment');
    expect(routeFor('/portal/nope', '').kind).toBe('not_found');
  });
});

describe('return paths', () => {
  it('come back to the page asked for, query included, when the contract allows it', () => {
    expect(returnPathFor('/portal/new', '?pid=P1&eid=E9')).toBe('/portal/new?pid=P1&eid=E9');
    expect(returnPathFor('/portal/tickets/7', '')).toBe('/portal/tickets/7');
    expect(returnPathFor('/portal/new', '?pid=<script>')).toBeUndefined();
  });

  it('never lead off the portal: anything else from the server becomes My activities', () => {
    expect(safeReturnPath('/portal/tickets/7')).toBe('/portal/tickets/7');
    expect(safeReturnPath('https://evil.example/portal')).toBe('/portal');
    expect(safeReturnPath('//evil.example')).toBe('/portal');
    expect(safeReturnPath(null)).toBe('/portal');
  });
});
