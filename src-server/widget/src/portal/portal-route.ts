// Which portal screen a path asks for (/portal, /portal/sign-in?token=, /portal/tickets/:id, /portal/new,
// /portal/subscriptions, /contacts, /status, /status/unsubscribe?token= and /help/unsubscribe?token=).
// The portal moves between these without reloading, so this runs on every navigation, not only at start.
import type { SupportContext } from '../../../../src-shared/visitor';
import { portalReturnPathSchema } from '../../../../src-shared/protocol/portal';

export type PortalPage =
  | { name: 'activities' }
  | { name: 'sign-in'; token: string }
  | { name: 'ticket'; ticketId: number }
  | { name: 'new'; context: SupportContext }
  | { name: 'contacts' }
  | { name: 'status' }
  | { name: 'status-unsubscribe'; token: string }
  /** `follow`: from a help page's "Follow" link (`?kind=section&id=<uuid>`): the screen offers to follow it. */
  | { name: 'subscriptions'; follow: { kind: 'section' | 'article'; id: string } | null }
  | { name: 'help-unsubscribe'; token: string };

const MAX_CONTEXT_CHARS = 128;

function contextOf(params: URLSearchParams): SupportContext {
  const context: SupportContext = {};
  for (const name of ['pid', 'eid'] as const) {
    // Mirrors supportContextSchema's limit, so a junk parameter is dropped here instead of failing the request.
    const value = params.get(name)?.trim();
    if (value && value.length <= MAX_CONTEXT_CHARS) context[name] = value;
  }
  return context;
}

/** A help page's follow link; anything malformed is dropped (the screen then simply lists the follows). */
function followOf(params: URLSearchParams): { kind: 'section' | 'article'; id: string } | null {
  const kind = params.get('kind');
  const id = params.get('id')?.toLowerCase() ?? '';
  if ((kind !== 'section' && kind !== 'article') || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return null;
  return { kind, id };
}

/** Null: not a portal path (the caller shows its own not-found page). */
export function portalPageFor(pathname: string, search: string): PortalPage | null {
  const params = new URLSearchParams(search);
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/contacts') return { name: 'contacts' };
  if (path === '/status') return { name: 'status' };
  if (path === '/status/unsubscribe') return { name: 'status-unsubscribe', token: params.get('token') ?? '' };
  if (path === '/portal') return { name: 'activities' };
  if (path === '/portal/sign-in') return { name: 'sign-in', token: params.get('token') ?? '' };
  if (path === '/portal/new') return { name: 'new', context: contextOf(params) };
  if (path === '/portal/subscriptions') return { name: 'subscriptions', follow: followOf(params) };
  if (path === '/help/unsubscribe') return { name: 'help-unsubscribe', token: params.get('token') ?? '' };
  const ticket = /^\/portal\/tickets\/(\d{1,12})$/.exec(path);
  if (ticket?.[1] && Number(ticket[1]) > 0) return { name: 'ticket', ticketId: Number(ticket[1]) };
  return null;
}

/** The path to come back to after signing in: this page with its query (pid/eid kept), when the contract allows it. */
export function returnPathFor(pathname: string, search: string): string | undefined {
  const path = `${pathname}${search}`;
  return portalReturnPathSchema.safeParse(path).success ? path : undefined;
}

/** Same-origin portal paths only: anything else from a server answer falls back to My activities. */
export function safeReturnPath(returnTo: string | null | undefined): string {
  return returnTo && portalReturnPathSchema.safeParse(returnTo).success ? returnTo : '/portal';
}
