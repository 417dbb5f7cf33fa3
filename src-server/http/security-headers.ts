// Response headers by surface (SECURITY.md): every answer nosniff and a CSP; the customer page frameable by the sites
// that embed the widget, nothing else frameable; no inline script or style anywhere; personal data never cached.
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import helmet from '@fastify/helmet';
import type { Config } from '../config';

type HelmetRouteOptions = Exclude<NonNullable<RouteShorthandOptions['helmet']>, false>;

/** The surfaces that are not plain API answers, each with its helmet options (merged over the API defaults). */
export interface PageHeaders {
  /** `/support`: the customer page, also the widget's iframe on other sites. */
  customerPage: HelmetRouteOptions;
  /** `/comment/:ticketId`: a signed link in the URL, so never framed and never sent as a referrer. */
  commentPage: HelmetRouteOptions;
  /** `/portal`, `/portal/*`, `/contacts`: a signed-in customer's pages (a sign-in token in one URL), never framed. */
  portalPage: HelmetRouteOptions;
  /** `/widget.js`: a script other sites load with a plain <script src>. */
  embedScript: HelmetRouteOptions;
  /** `/` for browsers: a static page of text and one link, so it may load nothing at all. */
  serverRoot: HelmetRouteOptions;
  /** `/help…`: the help center's server-rendered pages; their own stylesheet and script, embedded videos' players. */
  helpPage: HelmetRouteOptions;
}

/** The built pages load only their own files: module scripts and stylesheets from /widget/assets, no inline code. */
function pageCsp(config: Config, frameAncestors: string[]) {
  const socketOrigin = new URL(config.publicUrl).origin.replace(/^http/, 'ws');
  return {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
      // 'self' covers ws: to the same host in CSP 3; PUBLIC_URL's ws(s) origin is named for browsers before it.
      'connect-src': ["'self'", socketOrigin],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': frameAncestors,
    },
  };
}

export function pageHeaders(config: Config): PageHeaders {
  return {
    customerPage: {
      contentSecurityPolicy: pageCsp(config, config.frameAncestors),
      // X-Frame-Options has no list of sites; frame-ancestors above says who may frame the page.
      xFrameOptions: false,
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    },
    commentPage: { contentSecurityPolicy: pageCsp(config, ["'none'"]) },
    // Framing would let another site dress the signed-in portal up and have the customer click through it.
    portalPage: { contentSecurityPolicy: pageCsp(config, ["'none'"]) },
    embedScript: { crossOriginResourcePolicy: { policy: 'cross-origin' } },
    // Never framed; may frame only the two video players an article can embed (src-shared/help-markdown.ts).
    helpPage: {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'frame-src': ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'none'"],
          'form-action': ["'self'"],
        },
      },
    },
    serverRoot: {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { 'default-src': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"], 'frame-ancestors': ["'none'"] },
      },
    },
  };
}

/** API answers that are not personal: their own Cache-Control stands. */
const PUBLIC_API_ROUTES: ReadonlySet<string> = new Set(['/api/status', '/api/help/search', '/api/help/suggest']);

/** Registers the API defaults for every answer (errors and static files included); before any route is added. */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"] } },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    // Browsers ignore HSTS over plain HTTP; sent only where it means something.
    strictTransportSecurity: config.publicUrl.startsWith('https:') ? { maxAge: 180 * 24 * 3600 } : false,
  });
  // Everything under /api/ is personal or changes by the second (tokens, tickets, transcripts, files): never stored.
  // The exceptions are the public status (status-routes.ts), help search (help-routes.ts) and suggestions
  // (help-suggest-routes.ts), the same for everyone and cacheable when they succeeded.
  app.addHook('onSend', async (req, reply, payload) => {
    if (PUBLIC_API_ROUTES.has(req.routeOptions.url ?? '') && reply.statusCode === 200) return payload;
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
