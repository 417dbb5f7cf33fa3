// Binds socket.io events once, generically: validate with the shared schema, always answer a Result ack, never throw into socket.io.
import type { z } from 'zod';
import type { Logger } from 'pino';
import { err, parseWith, type Result } from '../../src-shared/result';
import { tokenBucket, SOCKET_RATE_LIMIT, type RateLimit } from './rate-limit';
import { EVENT_MAX_BYTES } from '../../src-shared/protocol/frame-limits';
import { NON_STRING_NAME, PARSER_RESERVED_EVENTS, RESERVED_ALIAS_PREFIX, TOO_LARGE } from './event-parser';

type Listener = (...args: unknown[]) => void;
/** The part of a socket we bind to; event names come from the schema map, so the typed maps stay the contract. */
interface Bindable {
  on(event: string, listener: Listener): unknown;
}

export type Handlers<S extends Record<string, z.ZodType>> = { [K in keyof S]: (input: z.output<S[K]>) => Promise<Result<unknown>> };

/**
 * - a bad or non-object payload → `bad_request` ack, the handler never runs;
 * - no ack callback → the event is ignored, except for events whose ack is optional (typing);
 * - a throwing handler → logged, answered with `internal` (no details), the process stays up;
 * - more events than the socket's token bucket allows → `rate_limited`;
 * - an event over EVENT_MAX_BYTES (marked by event-parser.ts) → `too_large`, the handler never runs;
 * - a reserved name (`connect`, …, `error`) → `bad_request` when it has an ack; never dispatched, never a crash.
 */
export function bindEvents<S extends Record<string, z.ZodType>>(
  socket: unknown,
  schemas: S,
  handlers: Handlers<S>,
  opts: { log: Logger; optionalAck?: readonly (keyof S)[]; now?: () => number; rateLimit?: RateLimit },
): void {
  const s = socket as Bindable;
  const take = tokenBucket(opts.rateLimit ?? SOCKET_RATE_LIMIT, opts.now ?? Date.now);
  for (const name of Object.keys(schemas) as (keyof S & string)[]) {
    s.on(name, (...args: unknown[]) => {
      const last = args[args.length - 1];
      const ack = typeof last === 'function' ? (last as (r: Result<unknown>) => void) : null;
      const payload = ack ? (args.length > 1 ? args[0] : undefined) : args[0];
      if (!ack && !opts.optionalAck?.includes(name)) {
        opts.log.debug({ event: name }, 'event without ack ignored');
        return;
      }
      const reply = (r: Result<unknown>) => {
        try {
          ack?.(r);
        } catch (e) {
          opts.log.warn({ err: e, event: name }, 'ack callback failed');
        }
      };
      if (!take()) {
        reply(err('rate_limited', 'Too many events; slow down.'));
        return;
      }
      if (payload === TOO_LARGE) {
        reply(err('too_large', `Events are limited to ${EVENT_MAX_BYTES} bytes.`));
        return;
      }
      const input = parseWith(schemas[name] as z.ZodType, payload, name);
      if (!input.ok) {
        reply(input);
        return;
      }
      let pending: Promise<Result<unknown>>;
      try {
        pending = handlers[name](input.value as z.output<S[typeof name]>);
      } catch (e) {
        pending = Promise.reject(e);
      }
      pending.then(reply, (e: unknown) => {
        opts.log.error({ err: e, event: name }, 'handler failed');
        reply(err('internal', 'Something went wrong on the server.'));
      });
    });
  }
  bindReservedNames(s, opts.log);
}

/** The names socket.io keeps for itself arrive renamed (event-parser.ts) or, for `error`, as-is; both only get an answer. */
function bindReservedNames(s: Bindable, log: Logger): void {
  const refuse = (name: string, args: unknown[]) => {
    const last = args[args.length - 1];
    if (typeof last !== 'function') return false;
    try {
      (last as (r: Result<unknown>) => void)(err('bad_request', `"${name}" is a reserved event name.`));
    } catch (e) {
      log.warn({ err: e, event: name }, 'ack callback failed');
    }
    return true;
  };
  for (const name of PARSER_RESERVED_EVENTS) s.on(RESERVED_ALIAS_PREFIX + name, (...args: unknown[]) => void refuse(name, args));
  s.on(RESERVED_ALIAS_PREFIX + NON_STRING_NAME, (...args: unknown[]) => {
    const last = args[args.length - 1];
    if (typeof last !== 'function') return;
    try {
      (last as (r: Result<unknown>) => void)(err('bad_request', 'The event name must be a string.'));
    } catch (e) {
      log.warn({ err: e }, 'ack callback failed');
    }
  });
  // socket.io emits `error` both for a client's event of that name and for its own trouble (a packet refused by a
  // middleware); without a listener Node's EventEmitter would throw it and take the process down.
  s.on('error', (...args: unknown[]) => {
    if (!refuse('error', args)) log.debug({ err: args[0] instanceof Error ? args[0] : undefined }, 'socket error');
  });
}
