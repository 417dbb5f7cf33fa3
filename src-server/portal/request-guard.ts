// Cross-site request forgery on the portal: the session is a cookie, so a request that changes something must show it
// came from our own pages. Pure: the request's method, content type and Origin, and the public origin.
import { err, ok, type Result } from '../../src-shared/result';

/** What body a state-changing route takes: JSON, a multipart upload, or none (sign-out). */
export type PortalBody = 'json' | 'multipart' | 'none';

/**
 * A cross-site form can post text/plain, urlencoded or multipart bodies without asking; a JSON body from another
 * site needs a CORS preflight we never grant. SameSite=Lax already keeps the cookie off cross-site posts; the
 * content type and the Origin (sent by browsers on every cross-origin POST and DELETE) are the second and third lock,
 * and they also cover the routes that need no session (asking for a link, using one: login CSRF).
 */
export function checkPortalRequest(req: { method: string; contentType: string | undefined; origin: string | undefined }, rule: { publicOrigin: string; body: PortalBody }): Result<null> {
  if (req.origin !== undefined && req.origin !== rule.publicOrigin) return err('forbidden', 'Requests to the portal must come from its own pages.');
  const media = (req.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (rule.body === 'json' && media !== 'application/json') return err('forbidden', 'Send the request as application/json.');
  if (rule.body === 'multipart' && media !== 'multipart/form-data') return err('forbidden', 'Send the file as multipart/form-data.');
  return ok(null);
}
