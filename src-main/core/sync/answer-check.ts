// Every answer from the server is checked here before it reaches the cache: first the Result envelope, then the
// value against its shared schema (src-shared/protocol/agent-answers.ts). A bad answer is logged — field paths
// only, never values — and becomes an UNREADABLE_ANSWER error the caller shows or the outbox marks failed.
import type { Logger } from 'pino';
import { z } from 'zod';
import { appErrorSchema, err, ok, type Result } from '../../../src-shared/result';
import { UNREADABLE_ANSWER } from '../outbox-retry';

const envelopeSchema = z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: appErrorSchema })]);

const paths = (e: z.ZodError) => e.issues.slice(0, 5).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/** The ack (or HTTP body) as a Result, or UNREADABLE_ANSWER when it is not one. */
export function readEnvelope(raw: unknown, what: string, log: Pick<Logger, 'warn'>): Result<unknown> {
  const parsed = envelopeSchema.safeParse(raw);
  if (parsed.success) return parsed.data.ok ? ok(parsed.data.value) : { ok: false, error: parsed.data.error };
  log.warn({ what, issues: paths(parsed.error) }, 'server answer is not a result');
  return err('internal', UNREADABLE_ANSWER);
}

/** An ok value checked against `schema`; its parsed output (defaults applied) or UNREADABLE_ANSWER. */
export function readValue<S extends z.ZodType>(schema: S, value: unknown, what: string, log: Pick<Logger, 'warn'>): Result<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  log.warn({ what, issues: paths(parsed.error) }, 'server answer does not match its schema; not stored');
  return err('internal', UNREADABLE_ANSWER, paths(parsed.error));
}

/** Both steps: a Result whose ok value fits `schema`. */
export function readAnswer<S extends z.ZodType>(schema: S, raw: unknown, what: string, log: Pick<Logger, 'warn'>): Result<z.output<S>> {
  const envelope = readEnvelope(raw, what, log);
  return envelope.ok ? readValue(schema, envelope.value, what, log) : envelope;
}
