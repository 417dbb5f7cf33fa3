// The one result shape every boundary returns (socket acks, HTTP bodies, IPC replies, service commands).
import { z } from 'zod';

export const errorCodes = [
  'bad_request', // input failed validation
  'unauthorized', // no or invalid credentials / token
  'forbidden', // authenticated, but not allowed to do this
  'not_found',
  'conflict', // state changed underneath (e.g. chat already accepted)
  'invalid_transition', // ticket/conversation state machine refused the change
  'invalid_resolution', // resolution catalog rules refused the resolution
  'capacity_full', // specialist is at max concurrent chats
  'unavailable', // department closed or nobody online: use email instead
  'rate_limited',
  'too_large', // upload over the size limit
  'unsupported_type', // upload content not in the allow-list
  'expired', // signed link or token expired
  'offline', // console: the action is queued in the outbox, not yet confirmed
  'internal', // a bug on the other side; never carries details
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Field-level problems for `bad_request`, path joined with '.'. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** `rate_limited` only: how long until the budget that refused allows this again (HTTP also sends `Retry-After`). */
  retryAfterMs: z.number().int().nonnegative().optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; error: AppError };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, issues?: AppError['issues']): Err => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** A refused budget: `rate_limited` with the wait until the operation is allowed again. */
export const rateLimited = (message: string, retryAfterMs: number): Err => ({
  ok: false,
  error: { code: 'rate_limited', message, retryAfterMs: Math.max(0, Math.ceil(retryAfterMs)) },
});

/** Turns a zod failure into a `bad_request` result with readable field paths. */
export function fromZodError(error: z.ZodError, what = 'input'): Err {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  const summary = first ? `${first.path || what}: ${first.message}` : 'invalid';
  return err('bad_request', `Invalid ${what}: ${summary}`, issues);
}

/** Parses `input` with `schema`, returning a typed Result instead of throwing. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what?: string): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fromZodError(parsed.error, what);
}

export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: appErrorSchema })]);

/** A socket.io acknowledgement callback carrying a Result. */
export type Ack<T> = (result: Result<T>) => void;
