// HTTP cases for every route of src-server/http/*.ts: bodies generated from the shared schemas (valid-shaped and
// mutated), raw bodies no JSON encoder would write, wrong content types and methods, nasty path params, queries and
// tokens, and multipart uploads good and broken. Oversized headers (431) are a separate property.
import fc from 'fast-check';
import type { z } from 'zod';
import { customerCommentSchema, emailRequestSchema, loginInputSchema, refreshInputSchema } from '../../../src-shared/protocol/http';
import { portalCommentSchema, portalRequestSchema, portalSessionCreateSchema, portalSignInRequestSchema } from '../../../src-shared/protocol/portal';
import { emailSchema } from '../../../src-shared/ids';
import { validShaped } from './schema-arbitrary';
import { mutated } from './mutation';
import { anyString } from './nasty-values';
import { refsFor } from './socket-cases';
import { MAX_UPLOAD_BYTES, METRICS_TOKEN, PNG, type Known } from './fuzz-server';

export type HttpForm = 'valid' | 'mutated-body' | 'raw-body' | 'content-type' | 'method' | 'params' | 'query' | 'auth' | 'multipart' | 'oversized-body';

export interface HttpCase {
  /** The route pattern, for counting (`POST /api/comment/:ticketId`). */
  route: string;
  form: HttpForm;
  method: string;
  /** Already encoded: sent as is. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** JSON routes: pattern, schema of the body. */
const jsonRoutes: { route: string; schema: z.core.$ZodType }[] = [
  { route: '/api/auth/login', schema: loginInputSchema },
  { route: '/api/auth/refresh', schema: refreshInputSchema },
  { route: '/api/email-requests', schema: emailRequestSchema },
  { route: '/api/portal/sign-in', schema: portalSignInRequestSchema },
  { route: '/api/portal/session', schema: portalSessionCreateSchema },
];

const GET_ROUTES = ['/health', '/ready', '/api/departments', '/metrics', '/support', '/widget.js', '/widget/assets/app.js', '/comment/1', '/portal', '/portal/sign-in', '/contacts', '/api/portal/contacts', '/api/portal/session', '/api/portal/tickets'];

/** Path segments: numbers that are not ticket ids, bad percent-encoding, traversal, an encoded lone surrogate. */
const nastySegment = fc.oneof(
  fc.constantFrom('abc', '-1', '0', '1.5', '1e3', '0x1F', '%201', '99999999999999999999', 'NaN', 'Infinity', '%00', '%ff', '%zz', '%', '..%2F..%2Fetc%2Fpasswd', '%ED%A0%80', '%F0%9F%98%80', '__proto__', 'constructor'),
  fc.integer({ min: 1, max: 6_000 }).map((n) => 'x'.repeat(n)),
  anyString.map(encodeSegment),
);

/** Percent-encodes the UTF-8 of any string, lone surrogates included (encodeURIComponent throws on those). */
export function encodeSegment(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

const rawBodies: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"email":}',
    'null',
    '[]',
    '"a string"',
    '1e999',
    '-0',
    'NaN',
    '{"email":"a@b.co","email":"dup@b.co","password":"x"}',
    '{"__proto__":{"polluted":true},"email":"a@b.co","password":"x"}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '\ufeff{"email":"a@b.co","password":"x"}',
    '{"email":"a@b.co\u0000","password":"\ud800"}',
    '{"refreshToken":"\\ud800\\udfff\\u0000xxxxxxxxxxxxxxxxxxxxx"}',
    '{"question":' + '1'.repeat(400) + '}',
  ).map((s) => Buffer.from(s, 'utf8')),
  fc.constantFrom(Buffer.from([0xff, 0xfe, 0x00, 0x7b]), Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])),
  // Deep nesting, as text: a parser that recurses may blow its stack.
  fc.tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => Buffer.from(open.repeat(depth) + (open === '[' ? ']' : '}').repeat(depth))),
  // A deep but valid-looking body: the route's fields, one of them nested thousands of levels.
  fc.integer({ min: 1_000, max: 50_000 }).map((d) => Buffer.from(`{"email":"a@b.co","password":${'{"a":'.repeat(d)}1${'}'.repeat(d)}}`)),
);

const contentTypes = fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'multipart/form-data', 'application/xml', 'application/json, text/plain', '', 'application/vnd.api+json', 'APPLICATION/JSON');

const methods = fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'POST', 'TRACE');

interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

const BOUNDARY = '----fuzzboundary7MA4YWxkTrZu0gW';

export function multipartBody(parts: Part[], boundary = BOUNDARY): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`, 'utf8'), p.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const fileNames = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('screen.png', 'notes.txt', 'report.pdf', 'Scan 2026-11-18.png') },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom('../../etc/passwd', '..', '.hidden', 'a/b.png', 'C:\\x.png', 'a\u0000.png', 'a\r\nX-Evil: 1.png', '', ' ', '😀.png', '\u202egnp.exe', 'a"b.png', 'x'.repeat(1_000)),
      anyString,
    ),
  },
);

const fileBytes = fc.oneof(
  fc.constant(PNG),
  fc.uint8Array({ maxLength: 4_096 }).map((b) => Buffer.from(b)),
  fc.constant(Buffer.from('plain text file\n')),
  fc.constant(Buffer.alloc(0)),
  fc.constant(Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x41)), // over the limit: too_large
);

/** A multipart body, good or broken, and the content type that announces it. */
const multipartArb: fc.Arbitrary<{ contentType: string; body: Buffer }> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fileNames, fileBytes).map(([filename, data]) => ({ contentType: `multipart/form-data; boundary=${BOUNDARY}`, body: multipartBody([{ name: 'file', filename, contentType: 'application/octet-stream', data }]) })) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      // Two files; fields only; many fields; a file without a name.
      fc.constant({ contentType: `multipart/form-data; boundary=${BOUNDARY}`, body: multipartBody([{ name: 'file', filename: 'a.png', data: PNG }, { name: 'file2', filename: 'b.png', data: PNG }]) }),
      fc.constant({ contentType: `multipart/form-data; boundary=${BOUNDARY}`, body: multipartBody([{ name: 'note', data: Buffer.from('hi') }]) }),
      fc.constant({ contentType: `multipart/form-data; boundary=${BOUNDARY}`, body: multipartBody(Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') }))) }),
      fc.constant({ contentType: `multipart/form-data; boundary=${BOUNDARY}`, body: multipartBody([{ name: 'file', data: PNG }]) }),
      // No boundary; a boundary that never appears; cut short; empty.
      fc.constant({ contentType: 'multipart/form-data', body: multipartBody([{ name: 'file', filename: 'a.png', data: PNG }]) }),
      fc.constant({ contentType: 'multipart/form-data; boundary=nope', body: multipartBody([{ name: 'file', filename: 'a.png', data: PNG }]) }),
      fc.integer({ min: 1, max: 150 }).map((n) => ({ contentType: `multipart/form-data; boundary=${BOUNDARY}`, body: multipartBody([{ name: 'file', filename: 'a.png', data: PNG }]).subarray(0, n) })),
      fc.constant({ contentType: `multipart/form-data; boundary=${BOUNDARY}`, body: Buffer.alloc(0) }),
      fc.constant({ contentType: `multipart/form-data; boundary=${'b'.repeat(200)}`, body: multipartBody([{ name: 'file', filename: 'a.png', data: PNG }], 'b'.repeat(200)) }),
      // JSON to an upload route.
      fc.constant({ contentType: 'application/json', body: Buffer.from('{"file":"x"}') }),
    ),
  },
);

export function httpCases(known: Known): fc.Arbitrary<HttpCase> {
  const refs = refsFor(known);
  // Login cases use the fuzzing specialists' emails too, so the per-account limiter and real password checks run.
  refs.set(emailSchema, fc.constantFrom(...known.emails));
  const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
  const ticket = fc.oneof({ weight: 4, arbitrary: pick(known.ticketIds).map((id) => ({ id: String(id), sig: known.sigs.get(id) ?? '' })) }, { weight: 1, arbitrary: fc.record({ id: nastySegment, sig: anyString }) });
  const sigQuery = (sig: string) => `?sig=${encodeSegment(sig)}`;
  const token = fc.oneof(
    pick([...known.visitorTokens, ...Object.values(known.accessTokens)]),
    fc.constantFrom('', 'v1.', 'v1.a.b', 'v1.' + 'x'.repeat(4_000), 'null', 'undefined'),
    anyString.filter((s) => /^[\x21-\x7e]*$/.test(s)),
  );
  const authHeader = fc.oneof({ weight: 4, arbitrary: token.map((t) => `Bearer ${t}`) }, { weight: 1, arbitrary: fc.constantFrom('Bearer', 'Basic dXNlcjpwYXNz', 'bearer  x', 'Token abc', 'x'.repeat(8_000)) });
  const json = (v: unknown) => (v === undefined ? undefined : Buffer.from(JSON.stringify(v), 'utf8'));
  const JSON_HEADERS = { 'content-type': 'application/json' };

  const jsonBodyCases = jsonRoutes.map(({ route, schema }) => {
    const valid = validShaped(schema, { refs });
    return fc.oneof(
      { weight: 3, arbitrary: valid.map((v): HttpCase => ({ route: `POST ${route}`, form: 'valid', method: 'POST', path: route, headers: JSON_HEADERS, body: json(v) })) },
      { weight: 3, arbitrary: mutated(valid).map((v): HttpCase => ({ route: `POST ${route}`, form: 'mutated-body', method: 'POST', path: route, headers: JSON_HEADERS, body: json(v) })) },
      { weight: 1, arbitrary: rawBodies.map((b): HttpCase => ({ route: `POST ${route}`, form: 'raw-body', method: 'POST', path: route, headers: JSON_HEADERS, body: b })) },
      { weight: 1, arbitrary: fc.tuple(valid, contentTypes).map(([v, ct]): HttpCase => ({ route: `POST ${route}`, form: 'content-type', method: 'POST', path: route, headers: ct ? { 'content-type': ct } : {}, body: json(v) })) },
      { weight: 1, arbitrary: methods.map((m): HttpCase => ({ route: `${m} ${route}`, form: 'method', method: m, path: route, headers: {} })) },
    );
  });

  const comment = validShaped(customerCommentSchema, { refs });
  const commentCases = fc.oneof(
    { weight: 2, arbitrary: ticket.map(({ id, sig }): HttpCase => ({ route: 'GET /api/comment/:ticketId', form: 'valid', method: 'GET', path: `/api/comment/${id}${sigQuery(sig)}`, headers: {} })) },
    { weight: 3, arbitrary: fc.tuple(ticket, comment).map(([{ id, sig }, v]): HttpCase => ({ route: 'POST /api/comment/:ticketId', form: 'valid', method: 'POST', path: `/api/comment/${id}${sigQuery(sig)}`, headers: JSON_HEADERS, body: json(v) })) },
    { weight: 3, arbitrary: fc.tuple(ticket, mutated(comment)).map(([{ id, sig }, v]): HttpCase => ({ route: 'POST /api/comment/:ticketId', form: 'mutated-body', method: 'POST', path: `/api/comment/${id}${sigQuery(sig)}`, headers: JSON_HEADERS, body: json(v) })) },
    { weight: 1, arbitrary: fc.tuple(ticket, rawBodies).map(([{ id, sig }, b]): HttpCase => ({ route: 'POST /api/comment/:ticketId', form: 'raw-body', method: 'POST', path: `/api/comment/${id}${sigQuery(sig)}`, headers: JSON_HEADERS, body: b })) },
    {
      weight: 2,
      arbitrary: fc.tuple(nastySegment, fc.constantFrom('', '?sig=', '?sig=a&sig=b', '?sig[]=x', '?sig=%zz', `?sig=${'s'.repeat(600)}`, '?__proto__[sig]=x', '?sig=%00%00%00%00%00%00%00%00%00%00')).map(([id, q]): HttpCase => ({ route: 'GET /api/comment/:ticketId', form: 'query', method: 'GET', path: `/api/comment/${id}${q}`, headers: {} })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(ticket, fc.oneof(pick(known.attachmentIds), nastySegment)).map(([{ id, sig }, att]): HttpCase => ({ route: 'GET /api/comment/:ticketId/attachments/:attachmentId', form: 'params', method: 'GET', path: `/api/comment/${id}/attachments/${att}${sigQuery(sig)}`, headers: {} })),
    },
  );

  const uploadCases = fc.oneof(
    fc.tuple(ticket, multipartArb).map(([{ id, sig }, m]): HttpCase => ({ route: 'POST /api/comment/:ticketId/attachments', form: 'multipart', method: 'POST', path: `/api/comment/${id}/attachments${sigQuery(sig)}`, headers: { 'content-type': m.contentType }, body: m.body })),
    fc
      .tuple(fc.oneof(pick(known.dropBoxIds), nastySegment), pick(known.visitorTokens), multipartArb)
      .map(([box, t, m]): HttpCase => ({ route: 'POST /api/uploads/dropbox/:dropBoxId', form: 'multipart', method: 'POST', path: `/api/uploads/dropbox/${box}`, headers: { 'content-type': m.contentType, authorization: `Bearer ${t}` }, body: m.body })),
    fc
      .tuple(fc.oneof(pick(known.conversationIds), nastySegment), pick(Object.values(known.accessTokens)), multipartArb)
      .map(([conv, t, m]): HttpCase => ({ route: 'POST /api/uploads/conversation/:conversationId', form: 'multipart', method: 'POST', path: `/api/uploads/conversation/${conv}`, headers: { 'content-type': m.contentType, authorization: `Bearer ${t}` }, body: m.body })),
    fc
      .tuple(fc.constantFrom('/api/uploads/dropbox/', '/api/uploads/conversation/'), fc.oneof(pick([...known.dropBoxIds, ...known.conversationIds]), nastySegment), authHeader, multipartArb)
      .map(([prefix, id, auth, m]): HttpCase => ({ route: `POST ${prefix}:id`, form: 'auth', method: 'POST', path: `${prefix}${id}`, headers: { 'content-type': m.contentType, authorization: auth }, body: m.body })),
  );

  const downloadCases = fc.oneof(
    fc.tuple(fc.oneof(pick(known.attachmentIds), nastySegment), authHeader).map(([id, auth]): HttpCase => ({ route: 'GET /api/attachments/:id', form: 'auth', method: 'GET', path: `/api/attachments/${id}`, headers: { authorization: auth } })),
    fc.tuple(pick(known.attachmentIds), pick([...known.visitorTokens, ...Object.values(known.accessTokens)])).map(([id, t]): HttpCase => ({ route: 'GET /api/attachments/:id', form: 'valid', method: 'GET', path: `/api/attachments/${id}`, headers: { authorization: `Bearer ${t}` } })),
  );

  const getCases = fc.oneof(
    pick(GET_ROUTES).map((p): HttpCase => ({ route: `GET ${p}`, form: 'valid', method: 'GET', path: p, headers: p === '/metrics' ? { authorization: `Bearer ${METRICS_TOKEN}` } : {} })),
    fc.tuple(pick(GET_ROUTES), methods).map(([p, m]): HttpCase => ({ route: `${m} ${p}`, form: 'method', method: m, path: p, headers: {} })),
    authHeader.map((auth): HttpCase => ({ route: 'GET /metrics', form: 'auth', method: 'GET', path: '/metrics', headers: { authorization: auth } })),
    fc.tuple(fc.constantFrom('/widget/', '/comment/', '/api/', '/', '/api/comment/1/', '/socket.io/', '/portal/', '/api/portal/tickets/'), nastySegment).map(([p, s]): HttpCase => ({ route: `GET ${p}*`, form: 'params', method: 'GET', path: `${p}${s}`, headers: {} })),
  );

  // The portal signed in as the EMAIL US tickets' customer: JSON bodies from the shared schemas, uploads, queries.
  const signedIn = { cookie: known.portalCookie };
  const portalTicket = fc.oneof({ weight: 4, arbitrary: pick(known.ticketIds).map(String) }, { weight: 1, arbitrary: nastySegment });
  const portalComment = validShaped(portalCommentSchema, { refs });
  const portalRequest = validShaped(portalRequestSchema, { refs });
  const portalCases = fc.oneof(
    fc.tuple(portalTicket, portalComment).map(([id, v]): HttpCase => ({ route: 'POST /api/portal/tickets/:id/comments', form: 'valid', method: 'POST', path: `/api/portal/tickets/${id}/comments`, headers: { ...JSON_HEADERS, ...signedIn }, body: json(v) })),
    fc.tuple(portalTicket, mutated(portalComment)).map(([id, v]): HttpCase => ({ route: 'POST /api/portal/tickets/:id/comments', form: 'mutated-body', method: 'POST', path: `/api/portal/tickets/${id}/comments`, headers: { ...JSON_HEADERS, ...signedIn }, body: json(v) })),
    portalRequest.map((v): HttpCase => ({ route: 'POST /api/portal/requests', form: 'valid', method: 'POST', path: '/api/portal/requests', headers: { ...JSON_HEADERS, ...signedIn }, body: json(v) })),
    mutated(portalRequest).map((v): HttpCase => ({ route: 'POST /api/portal/requests', form: 'mutated-body', method: 'POST', path: '/api/portal/requests', headers: { ...JSON_HEADERS, ...signedIn }, body: json(v) })),
    rawBodies.map((b): HttpCase => ({ route: 'POST /api/portal/requests', form: 'raw-body', method: 'POST', path: '/api/portal/requests', headers: { ...JSON_HEADERS, ...signedIn }, body: b })),
    fc.tuple(fc.constantFrom('/api/portal/uploads', '/api/portal/tickets/1/attachments'), multipartArb).map(([path, m]): HttpCase => ({ route: `POST ${path}`, form: 'multipart', method: 'POST', path, headers: { 'content-type': m.contentType, ...signedIn }, body: m.body })),
    portalTicket.map((id): HttpCase => ({ route: 'GET /api/portal/tickets/:id', form: 'params', method: 'GET', path: `/api/portal/tickets/${id}`, headers: signedIn })),
    fc.tuple(portalTicket, fc.oneof(pick(known.attachmentIds), nastySegment)).map(([id, att]): HttpCase => ({ route: 'GET /api/portal/tickets/:id/attachments/:attachmentId', form: 'params', method: 'GET', path: `/api/portal/tickets/${id}/attachments/${att}`, headers: signedIn })),
    fc.constantFrom('?status=', '?status=open,,solved', '?status=bogus', '?status[]=open', '?beforeId=-1', '?beforeId=1e3', `?status=${'open,'.repeat(60)}`, '?beforeId=%00').map((q): HttpCase => ({ route: 'GET /api/portal/tickets', form: 'query', method: 'GET', path: `/api/portal/tickets${q}`, headers: signedIn })),
    fc.tuple(fc.constantFrom('sb_portal=', 'sb_portal=x', 'sb_portal=' + 'x'.repeat(4_000), 'a=b; sb_portal', '%zz=1'), fc.constantFrom('/api/portal/session', '/api/portal/tickets')).map(([cookie, path]): HttpCase => ({ route: `GET ${path}`, form: 'auth', method: 'GET', path, headers: { cookie } })),
  );

  const oversized = fc.constantFrom(...jsonRoutes.map((r) => r.route), '/api/comment/1').map(
    (route): HttpCase => ({ route: `POST ${route}`, form: 'oversized-body', method: 'POST', path: route, headers: JSON_HEADERS, body: Buffer.from(JSON.stringify({ question: 'x'.repeat(1_100_000) })) }),
  );

  return fc.oneof({ weight: 6, arbitrary: fc.oneof(...jsonBodyCases) }, { weight: 4, arbitrary: commentCases }, { weight: 3, arbitrary: uploadCases }, { weight: 2, arbitrary: downloadCases }, { weight: 2, arbitrary: getCases }, { weight: 3, arbitrary: portalCases }, { weight: 1, arbitrary: oversized });
}
