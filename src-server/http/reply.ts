// Results over HTTP: the same {ok,value}|{ok:false,error} body, with the status code its error code implies.
import type { FastifyReply } from 'fastify';
import type { ErrorCode, Result } from '../../src-shared/result';

export const httpStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  invalid_resolution: 422,
  capacity_full: 409,
  unavailable: 409,
  rate_limited: 429,
  too_large: 413,
  unsupported_type: 415,
  expired: 410,
  offline: 503,
  internal: 500,
};

export function sendResult<T>(reply: FastifyReply, result: Result<T>, okStatus = 200): FastifyReply {
  // A refused budget says when to come back (RFC 9110 Retry-After, whole seconds, never 0).
  if (!result.ok && result.error.retryAfterMs !== undefined) reply.header('Retry-After', String(Math.max(1, Math.ceil(result.error.retryAfterMs / 1000))));
  return reply.code(result.ok ? okStatus : httpStatus[result.error.code]).send(result);
}

/** The bearer token of an Authorization header, if any. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1] ?? null;
}
