// Who may open a socket, by the handshake's Origin header: /agent the console only, /visitor the widget origins.
// Tokens, not cookies, authenticate our sockets, so this is not what keeps a stranger out; it keeps other web pages
// from driving a specialist's session with a token they obtained, and widgets on sites the operator did not choose.
import type { Namespace } from 'socket.io';
import { HandshakeError } from './handshake-error';

export interface OriginPolicy {
  /** Exact origins (`https://shop.example.com`); `*` accepts any. */
  origins: readonly string[];
  /** http(s) pages on 127.0.0.1, localhost or [::1], any port: the console's browser-mode host. */
  loopback?: boolean;
  /** An Origin whose host is the one the request was sent to (the customer page served by this server). */
  sameHost?: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The console: native clients (the console core is a Node socket.io client and sends no Origin), app:// and loopback. */
export const AGENT_ORIGINS: OriginPolicy = { origins: ['app://console'], loopback: true };

/** The widget: WIDGET_ORIGINS (default: PUBLIC_URL's origin) and the customer page this server serves itself. */
export function visitorOrigins(widgetOrigins: readonly string[]): OriginPolicy {
  return { origins: widgetOrigins, sameHost: true };
}

/**
 * A missing Origin is accepted: browsers always send one on a WebSocket upgrade and on a cross-site request, so
 * only a native client or the page's own origin (a same-origin long-polling GET) arrives without.
 */
export function originAllowed(policy: OriginPolicy, origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (policy.origins.includes('*') || policy.origins.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file: pages) and anything else that is not an origin
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (policy.loopback && LOOPBACK_HOSTS.has(url.hostname)) return true;
  return Boolean(policy.sameHost && host && url.host === host.toLowerCase());
}

/** Refuses the namespace's handshakes from other origins with connect_error `forbidden` (before any token is read). */
export function guardOrigins(nsp: Namespace, policy: () => OriginPolicy): void {
  nsp.use((socket, next) => {
    const { origin, host } = socket.handshake.headers;
    if (originAllowed(policy(), origin, host)) return next();
    next(new HandshakeError('forbidden', { code: 'forbidden', message: `Connections to ${nsp.name} from ${origin ?? 'this page'} are not accepted.` }));
  });
}
