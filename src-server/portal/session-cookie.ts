// The portal session cookie as header text: reading one cookie from a Cookie header and writing the Set-Cookie that
// sets or clears it. Five lines each, so no cookie library (docs/protocol.md, Customer portal, names every flag).
import { PORTAL_SESSION_COOKIE } from '../../src-shared/protocol/portal';

/** Only the portal's API gets the cookie: pages, the widget and every other API path never see it. */
export const PORTAL_COOKIE_PATH = '/api/portal';

/** The value of cookie `name` in a Cookie header (the first one, as browsers send the most specific path first). */
export function readCookie(header: string | undefined, name: string = PORTAL_SESSION_COOKIE): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return value === '' ? null : value;
  }
  return null;
}

/**
 * HttpOnly: page scripts never read it. SameSite=Lax: another site's form post or fetch does not carry it (a link
 * followed to the portal does, which only shows pages). Secure whenever the public address is https.
 */
export function sessionCookie(token: string, opts: { maxAgeMs: number; secure: boolean }): string {
  // The token is base64url: no character needs quoting in a cookie value.
  return [`${PORTAL_SESSION_COOKIE}=${token}`, `Path=${PORTAL_COOKIE_PATH}`, `Max-Age=${Math.floor(opts.maxAgeMs / 1000)}`, 'HttpOnly', 'SameSite=Lax', ...(opts.secure ? ['Secure'] : [])].join('; ');
}

/** Sign-out (and a cookie whose session is gone): the browser drops it at once. */
export function clearedSessionCookie(opts: { secure: boolean }): string {
  return [`${PORTAL_SESSION_COOKIE}=`, `Path=${PORTAL_COOKIE_PATH}`, 'Max-Age=0', 'HttpOnly', 'SameSite=Lax', ...(opts.secure ? ['Secure'] : [])].join('; ');
}
