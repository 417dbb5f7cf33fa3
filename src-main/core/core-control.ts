// The desktop app's second internal protocol: the main process ↔ its console core (a utilityProcess),
// over the process's own channel. It carries what is not the ConsoleApi: start-up, connections handed
// over as MessagePorts, window focus, wake-ups, and the few things only the main process can do for the
// core (open a file or a link with the OS). Renderers never see it.
import { z } from 'zod';
import { appErrorSchema } from '../../src-shared/result';

const requestId = z.number().int().nonnegative();

/** Main → core. */
export const toCoreControlSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    dataDir: z.string().min(1),
    serverUrl: z.url(),
    /** The server was named at launch: the sign-in form offers it over the one the settings remember. */
    serverUrlGiven: z.boolean().default(false),
    version: z.string(),
    platform: z.string(),
    /** Where the core writes its log (core.log beside the main process's main.log); null: the data folder. */
    logDir: z.string().nullable(),
    /** 32 random bytes (base64) sealed at rest by the OS keychain in the main process; null without one. */
    dataKey: z.string().nullable(),
  }),
  /** The MessagePort sent with this message is a new console-protocol connection (a window, or main). */
  z.object({ type: z.literal('attach') }),
  z.object({ type: z.literal('window-focus'), focused: z.boolean() }),
  z.object({ type: z.literal('navigate'), conversationId: z.string().nullable(), ticketId: z.number().int().nullable() }),
  /** The computer woke up or came back online: reconnect and catch up now. */
  z.object({ type: z.literal('reconnect') }),
  z.object({
    type: z.literal('present-file-result'),
    id: requestId,
    result: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value: z.object({ url: z.null() }) }), z.object({ ok: z.literal(false), error: appErrorSchema })]),
  }),
  /** Close the cache cleanly, then exit. */
  z.object({ type: z.literal('shutdown') }),
]);
export type ToCoreControl = z.infer<typeof toCoreControlSchema>;
export type CoreInit = Extract<ToCoreControl, { type: 'init' }>;

/** Core → main. */
export const fromCoreControlSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** Start-up failed (e.g. the cache cannot be opened); the core exits after saying why. */
  z.object({ type: z.literal('fatal'), message: z.string() }),
  /** Already validated by the core (http/https only); the main process checks again before opening. */
  z.object({ type: z.literal('open-external'), url: z.string() }),
  /** A downloaded attachment to open with the OS, or show in its folder (`reveal`). */
  z.object({ type: z.literal('present-file'), id: requestId, path: z.string(), reveal: z.boolean() }),
]);
export type FromCoreControl = z.infer<typeof fromCoreControlSchema>;
