// Browser mode: serves the built renderer on 127.0.0.1 and bridges the ConsoleApi over a loopback
// WebSocket. A per-launch secret (given to the browser in the URL fragment, sent back on the WebSocket
// URL) and an exact Origin check keep other local pages and processes out.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import { serveConsole, type ServedService } from '../core/console-endpoint';
import { webSocketTransport } from './ws-transport';
import { rendererFileFor } from '../core/renderer-files';
import { contentDisposition } from '../core/attachment-files';
import type { LocalFile } from '../core/console-service';

export const WS_PATH = '/ws';
export const FILES_PATH = '/files/';
/** A one-time download link is good for this long (the renderer follows it at once). */
const FILE_LINK_TTL_MS = 60_000;
const MAX_MESSAGE_BYTES = 20 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.map': 'application/json',
};

export interface HostOptions {
  service: ServedService;
  rendererDir: string;
  port: number;
  log: Logger;
  /** Fixed only in tests; normally random per launch. */
  secret?: string;
}

export interface RunningHost {
  origin: string;
  /** The URL to open: the secret rides in the fragment, which browsers never send to servers. */
  url: string;
  secret: string;
  /** A one-time, unguessable URL that downloads `file` (Content-Disposition: attachment) once. */
  offerFile(file: LocalFile): string;
  close(): Promise<void>;
}

const missingRendererPage = (dir: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Switchboard</title></head>
<body>
<h1>Switchboard console</h1><p>The console UI has not been built yet (nothing in <code>${dir.replace(/[<>&]/g, '')}</code>).</p>
<p>Run <code>node scripts/build.mjs renderer</code> and reload this page.</p></body></html>`;

function secretMatches(given: string | null, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const root = resolve(options.rendererDir);
  const log = options.log;
  let origin = '';
  // token → file; a token is 256 random bits, removed on first use or expiry.
  const offered = new Map<string, { file: LocalFile; expiresAt: number }>();

  function serveOffered(req: IncomingMessage, res: ServerResponse, token: string): void {
    const entry = offered.get(token);
    offered.delete(token);
    if (!entry || entry.expiresAt < Date.now() || !existsSync(entry.file.path)) {
      res.writeHead(404, { 'cache-control': 'no-store' }).end();
      return;
    }
    res.writeHead(200, {
      // Never rendered by the browser: saved as a file, whatever its type claims.
      'content-type': 'application/octet-stream',
      'content-disposition': contentDisposition(entry.file.fileName),
      'content-length': String(statSync(entry.file.path).size),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(entry.file.path).pipe(res);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = {
      // No inline script or style (React sets styles through the CSSOM, which style-src does not govern); never framed.
      'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${origin.replace('http', 'ws')}; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path.startsWith(FILES_PATH)) return serveOffered(req, res, path.slice(FILES_PATH.length));
    if (!existsSync(join(root, 'index.html'))) {
      res.writeHead(200, { ...headers, 'content-type': contentTypes['.html'] }).end(missingRendererPage(root));
      return;
    }
    const file = rendererFileFor(root, new URL(req.url ?? '/', origin).pathname);
    if (!file || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, headers).end();
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, { ...headers, 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(body);
  }

  const http = createServer((req, res) => {
    serveStatic(req, res).catch((e: unknown) => {
      log.error({ err: e }, 'static file failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const refuse = (socket: Duplex, status: number, text: string) => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== WS_PATH) return refuse(socket, 404, 'Not Found');
    if (req.headers.origin !== origin) {
      log.warn({ origin: req.headers.origin ?? null }, 'refused WebSocket from another origin');
      return refuse(socket, 403, 'Forbidden');
    }
    if (!secretMatches(url.searchParams.get('secret'), secret)) {
      log.warn('refused WebSocket without the launch secret');
      return refuse(socket, 401, 'Unauthorized');
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    serveConsole(options.service, webSocketTransport(ws));
  }

  await new Promise<void>((ok) => http.listen(options.port, '127.0.0.1', ok));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/#secret=${secret}`,
    secret,
    offerFile(file) {
      const now = Date.now();
      for (const [token, entry] of offered) if (entry.expiresAt < now) offered.delete(token);
      const token = randomBytes(32).toString('base64url');
      offered.set(token, { file, expiresAt: now + FILE_LINK_TTL_MS });
      return `${origin}${FILES_PATH}${token}`;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((ok) => http.close(() => ok()));
    },
  };
}
