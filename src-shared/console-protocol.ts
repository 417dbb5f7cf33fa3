// The console protocol: how a renderer (or the desktop main process) talks to the console core, whatever
// carries the frames — a MessagePort in Electron, the loopback WebSocket in browser mode. Declared once here;
// the core's endpoint (src-main/core/console-endpoint.ts) and every client (preload, browser mode, main) use it.
import { z } from 'zod';
import { consoleEventNames } from './console-api';
import { appErrorSchema } from './result';

/** Correlates a call with its result; chosen by the client, echoed by the core. */
const frameIdSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Client → core: one ConsoleApi call. `input` is parsed by the method's own schema in the core. */
export const consoleCallFrameSchema = z.object({
  type: z.literal('call'),
  id: frameIdSchema,
  method: z.string().max(64),
  input: z.unknown(),
});

/** Core → client: the Result of call `id`; `id` is null when the frame it answers could not be read. */
export const consoleResultFrameSchema = z.object({
  type: z.literal('result'),
  id: frameIdSchema.nullable(),
  result: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: appErrorSchema })]),
});

/** Core → client: a pushed change event (ConsoleEvents). */
export const consoleEventFrameSchema = z.object({
  type: z.literal('event'),
  event: z.enum(consoleEventNames as readonly [string, ...string[]]),
  payload: z.unknown(),
});

export const consoleFrameSchema = z.discriminatedUnion('type', [consoleCallFrameSchema, consoleResultFrameSchema, consoleEventFrameSchema]);
export type ConsoleFrame = z.infer<typeof consoleFrameSchema>;

/** Frames from the client side (calls) and from the core side (results and events). */
export const toCoreFrameSchema = consoleCallFrameSchema;
export const fromCoreFrameSchema = z.discriminatedUnion('type', [consoleResultFrameSchema, consoleEventFrameSchema]);

/**
 * Desktop app: the IPC channel on which a window's preload asks the main process for its connection to the
 * core, and the one on which the MessagePort arrives (again after every core restart).
 */
export const CORE_PORT_REQUEST_CHANNEL = 'switchboard:connect-core';
export const CORE_PORT_CHANNEL = 'switchboard:core-port';

/**
 * One open connection, whatever carries it. Adapters turn a WebSocket (JSON text) or a MessagePort
 * (structured clone) into this; frames are validated by the side that receives them.
 */
export interface FrameTransport {
  /** Sends one frame; false when the connection is no longer open. */
  send(frame: ConsoleFrame): boolean;
  /** Every frame received, not yet validated. */
  onFrame(listener: (raw: unknown) => void): void;
  /** Called once when the connection ends, from either side. */
  onClose(listener: () => void): void;
  close(): void;
}
