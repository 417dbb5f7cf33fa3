// Every HTTP error is a Result body (docs/protocol.md): our routes', fastify's own (parsing, content types, body
// limits, bad URLs, unknown routes) and Node's (a request that is not HTTP, or whose headers are too large).
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { err, type ErrorCode } from '../../src-shared/result';
import { sendResult } from './reply';

/** What fastify's own 4xx statuses mean in our codes; the rest of the 4xx range is `bad_request`. */
const codeForStatus: Record<number, ErrorCode> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 410: 'expired', 413: 'too_large', 415: 'unsupported_type', 429: 'rate_limited' };

/** Headers an answer sent before (or without) the routing hooks still needs; see security-headers.ts. */
const bareHeaders = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

function answerError(log: Logger) {
  return (e: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
    const status = e.statusCode ?? 500;
    if (status < 500) return sendResult(reply, err(codeForStatus[status] ?? 'bad_request', e.message));
    log.error({ err: e }, 'request failed');
    return sendResult(reply, err('internal', 'Something went wrong on the server.'));
  };
}

/** Fastify constructor options: URLs it cannot route and connections Node cannot parse. */
export function errorAnswerOptions(log: Logger) {
  return {
    frameworkErrors: (e: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
      void reply.headers(bareHeaders);
      void sendResult(reply, err('bad_request', e.message));
    },
    clientErrorHandler: (e: Error & { code?: string }, socket: Socket) => {
      // A reset connection has nobody left to answer.
      if (e.code === 'ECONNRESET' || socket.destroyed) return;
      const [status, code, message] =
        e.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'too_large', 'Request headers are too large.']
          : e.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? [408, 'bad_request', 'The request took too long to arrive.']
            : [400, 'bad_request', 'The request is not valid HTTP.'];
      const body = JSON.stringify(err(code as ErrorCode, message));
      const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[status];
      const headers = Object.entries({ ...bareHeaders, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      log.debug({ code: e.code }, 'client error');
      // end(), not destroy(): the answer is flushed before the connection closes.
      if (socket.writable) socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers}\r\n${body}`);
      else socket.destroy();
    },
  };
}

/** Our error and not-found answers; fastify calls them for every route, hook and content-type parser. */
export function registerErrorAnswers(app: FastifyInstance, log: Logger): void {
  app.setErrorHandler(answerError(log));
  // An unknown path and a known path with another method alike (fastify has no 405 of its own).
  app.setNotFoundHandler((_req, reply) => sendResult(reply, err('not_found', 'No such endpoint.')));
}
