// Which screen a URL asks for: the support page (with the pid/eid context of a support link), a ticket's comment page,
// or the customer portal and Contacts (portal/portal-route.ts has their screens).
import type { SupportContext } from '../../../src-shared/visitor';
import { portalPageFor, type PortalPage } from './portal/portal-route';

export type Route =
  | { kind: 'support'; context: SupportContext; embedded: boolean }
  | { kind: 'comment'; ticketId: number; sig: string }
  | { kind: 'portal'; page: PortalPage }
  | { kind: 'not_found' };

const MAX_CONTEXT_CHARS = 128;

/** Mirrors supportContextSchema's limits, so a junk parameter is dropped here instead of failing the request later. */
function contextValue(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim();
  return value && value.length <= MAX_CONTEXT_CHARS ? value : undefined;
}

function pageUrl(params: URLSearchParams): string | undefined {
  const raw = params.get('page');
  if (!raw || raw.length > 2048) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function routeFor(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/support' || path === '/widget' || path === '/widget/index.html') {
    const context: SupportContext = {};
    const pid = contextValue(params, 'pid');
    const eid = contextValue(params, 'eid');
    const page = pageUrl(params);
    if (pid) context.pid = pid;
    if (eid) context.eid = eid;
    if (page) context.pageUrl = page;
    return { kind: 'support', context, embedded: params.get('embed') === '1' };
  }
  const comment = /^\/comment\/(\d{1,12})$/.exec(path);
  if (comment?.[1]) {
    const ticketId = Number(comment[1]);
    const sig = params.get('sig') ?? '';
    if (ticketId > 0) return { kind: 'comment', ticketId, sig };
  }
  const portal = portalPageFor(pathname, search);
  if (portal) return { kind: 'portal', page: portal };
  return { kind: 'not_found' };
}
