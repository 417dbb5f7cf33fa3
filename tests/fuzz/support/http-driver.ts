// Sends HTTP cases with node:http (exact bytes, any method, a path as given) and judges each answer: never 5xx,
// every error body a Result with a known code, every 2xx of a JSON route a successful Result.
import { request } from 'node:http';
import type { HttpCase } from './http-cases';
import type { Tally } from './tally';
import { resultCode } from './socket-driver';

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

/** Routes whose success is not a JSON Result: the health probe, downloads, Prometheus text, the widget. */
const NON_RESULT_SUCCESS = [/^\/health/, /^\/api\/attachments\//, /^\/api\/comment\/[^/]+\/attachments\/[^/?]+/, /^\/metrics/, /^\/support/, /^\/widget/, /^\/comment\//, /^\/portal/, /^\/contacts/, /^\/api\/portal\/tickets\/[^/]+\/attachments\/[^/?]+/];

/**
 * engine.io's own endpoint answers its own protocol (`{"code":…,"message":…}`, docs/protocol.md "Behind a
 * balancer"): still never a 5xx, but not a Result.
 */
const NOT_OURS = /^\/socket\.io\//;

export class HttpDriver {
  constructor(
    private readonly baseUrl: string,
    private readonly tally: Tally,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(c: HttpCase): Promise<HttpAnswer | null> {
    this.tally.countSent(`${c.route} [${c.form}]`);
    let answer: HttpAnswer;
    const t0 = performance.now();
    try {
      answer = await this.raw(c);
      this.tally.countLatency(c.route, performance.now() - t0);
    } catch (e) {
      this.tally.countAnswer('NO RESPONSE');
      this.tally.fail({ signature: `${c.route} [${c.form}] no response`, example: caseView(c), detail: (e as Error).message });
      return null;
    }
    this.judge(c, answer);
    return answer;
  }

  private judge(c: HttpCase, a: HttpAnswer): void {
    const parsed = parseJson(a.body);
    const code = parsed === undefined ? null : resultCode([parsed]);
    this.tally.countAnswer(`${a.status} ${code ?? (a.body.length === 0 ? '(empty)' : '(not a Result)')}`);
    const sig = `${c.route} [${c.form}]`;
    if (a.status >= 500) {
      this.tally.fail({ signature: `${sig} ${a.status}`, example: caseView(c), detail: a.body.subarray(0, 200).toString() });
      return;
    }
    if (c.method === 'HEAD' || NOT_OURS.test(c.path)) return;
    if (a.status >= 400 && (code === null || code === 'ok')) {
      // Fastify's own error bodies name their cause: one signature per cause, whatever the route, keeps the list short.
      const cause = (parsed as { code?: unknown } | undefined)?.code;
      const signature = typeof cause === 'string' ? `${a.status} body is not a Result (${cause}), any route` : `${sig} ${a.status} body is not a Result`;
      this.tally.fail({ signature, example: caseView(c), detail: a.body.subarray(0, 200).toString() });
      return;
    }
    const path = c.path.split('?')[0] ?? '';
    if (a.status < 300 && !NON_RESULT_SUCCESS.some((r) => r.test(path)) && code !== 'ok') {
      this.tally.fail({ signature: `${sig} ${a.status} success body is not a Result`, example: caseView(c), detail: a.body.subarray(0, 200).toString() });
    }
  }

  private raw(c: HttpCase): Promise<HttpAnswer> {
    const url = new URL(this.baseUrl);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: c.method,
          path: c.path,
          // A connection per request: a server that drops one without answering is then seen as exactly that,
          // never confused with a keep-alive connection it closed after an earlier answer.
          agent: false,
          headers: { ...c.headers, ...(c.body ? { 'content-length': String(c.body.length) } : {}) },
          timeout: this.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no response within ${this.timeoutMs} ms`)));
      req.on('error', reject);
      if (c.body) req.end(c.body);
      else req.end();
    });
  }
}

function parseJson(b: Buffer): unknown {
  try {
    return JSON.parse(b.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** A case as a reproduction: method, path, headers, and the body (as text when it is text). */
export function caseView(c: HttpCase): unknown {
  const text = c.body?.toString('utf8');
  const isText = text !== undefined && Buffer.from(text, 'utf8').equals(c.body as Buffer);
  return { method: c.method, path: c.path, headers: c.headers, body: c.body === undefined ? undefined : isText ? text : `<${c.body.length} bytes, base64 ${c.body.subarray(0, 300).toString('base64')}>` };
}
