// The Subscriptions screen's paths (portal-route.ts): the screen, a help page's follow link, and the mailed unfollow page.
import { describe, expect, it } from 'vitest';
import { portalPageFor, returnPathFor } from '../../../../../../src-server/widget/src/portal/portal-route';
import { routeFor } from '../../../../../../src-server/widget/src/route';

const ID = '8f0c7a51-2f4e-4c8e-9a39-3c3f1b2d4e5f';

describe('subscription paths', () => {
  it('the screen, with a well-formed follow link kept and anything else dropped', () => {
    expect(portalPageFor('/portal/subscriptions', '')).toEqual({ name: 'subscriptions', follow: null });
    expect(portalPageFor('/portal/subscriptions', `?kind=section&id=${ID}`)).toEqual({ name: 'subscriptions', follow: { kind: 'section', id: ID } });
    expect(portalPageFor('/portal/subscriptions', `?kind=article&id=${ID.toUpperCase()}`)).toEqual({ name: 'subscriptions', follow: { kind: 'article', id: ID } });
    expect(portalPageFor('/portal/subscriptions', `?kind=product&id=${ID}`)).toEqual({ name: 'subscriptions', follow: null });
    expect(portalPageFor('/portal/subscriptions', '?kind=section&id=nope')).toEqual({ name: 'subscriptions', follow: null });
  });

  it('a follow link survives the sign-in (the return path keeps it)', () => {
    expect(returnPathFor('/portal/subscriptions', `?kind=section&id=${ID}`)).toBe(`/portal/subscriptions?kind=section&id=${ID}`);
  });

  it('the mailed unfollow page is a portal screen carrying its token', () => {
    expect(routeFor('/help/unsubscribe', '?token=abc.def')).toEqual({ kind: 'portal', page: { name: 'help-unsubscribe', token: 'abc.def' } });
    expect(portalPageFor('/help/unsubscribe', '')).toEqual({ name: 'help-unsubscribe', token: '' });
  });
});
