// socket.io's packet parser with two edges made answerable: events over EVENT_MAX_BYTES and events with reserved names.
// The stock decoder throws on a reserved name (socket.io then cuts the connection without a word), and it cannot say
// how large the packet behind a decoded event was; this one measures each packet as it arrives and renames the
// reserved ones, so the namespace handlers (handler.ts) can answer both with an ack like any other event.
import { Decoder, Encoder, PacketType, protocol, type Packet } from 'socket.io-parser';
import { EVENT_MAX_BYTES } from '../../src-shared/protocol/frame-limits';

/** Names the parser refuses as events (socket.io-parser's list); socket.io itself adds `error` (see handler.ts). */
export const PARSER_RESERVED_EVENTS = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'] as const;

/** A reserved name arrives as this prefix + the name; no client can collide with it by accident (NUL). */
export const RESERVED_ALIAS_PREFIX = '\u0000reserved:';

/** What an event whose name is not a string or a number (null, an object, true…) arrives as, after the prefix. */
export const NON_STRING_NAME = 'not-a-name';

/** Stands in for the arguments of an event that was too large; compared by identity, so no client can forge it. */
export const TOO_LARGE: unique symbol = Symbol('too_large');

const isReserved = (name: unknown): name is string => typeof name === 'string' && (PARSER_RESERVED_EVENTS as readonly string[]).includes(name);

/**
 * The header of an event packet (type, attachment count, namespace, ack id) as socket.io-parser reads it, and the
 * JSON after it. Only used when the stock decoder refused an event, so cost does not matter here.
 */
function splitEvent(text: string): { header: string; json: string } | null {
  const m = /^([25])(\d+-)?(\/[^,]*,)?(\d*)/.exec(text);
  return m ? { header: m[0], json: text.slice(m[0].length) } : null;
}

/**
 * The same packet with a reserved event name — or a name that is not a string (the stock decoder refuses both and
 * socket.io cuts the connection) — replaced by its alias; null when that is not why it was refused.
 */
export function renameReserved(text: string): string | null {
  const parts = splitEvent(text);
  if (!parts) return null;
  let args: unknown;
  try {
    args = JSON.parse(parts.json);
  } catch {
    return null;
  }
  if (!Array.isArray(args) || args.length === 0) return null;
  const name: unknown = args[0];
  const alias = isReserved(name) ? name : typeof name === 'string' || typeof name === 'number' ? null : NON_STRING_NAME;
  if (alias === null) return null;
  return parts.header + JSON.stringify([RESERVED_ALIAS_PREFIX + alias, ...args.slice(1)]);
}

class MeasuringDecoder extends Decoder {
  /** Bytes of the packet being decoded: its text, plus binary attachments as they arrive. */
  private bytes = 0;

  constructor() {
    super();
    // Registered before socket.io's own listener, so the packet is marked before any namespace sees it.
    this.on('decoded', (packet: Packet) => {
      if (packet.type === PacketType.EVENT && this.bytes > EVENT_MAX_BYTES && Array.isArray(packet.data)) {
        packet.data = [packet.data[0], TOO_LARGE];
      }
    });
  }

  override add(chunk: unknown): void {
    if (typeof chunk !== 'string') {
      this.bytes += chunk instanceof ArrayBuffer || ArrayBuffer.isView(chunk) ? chunk.byteLength : 0;
      super.add(chunk);
      return;
    }
    this.bytes = Buffer.byteLength(chunk);
    try {
      super.add(chunk);
    } catch (e) {
      const renamed = renameReserved(chunk);
      if (renamed === null) throw e;
      super.add(renamed);
    }
  }
}

/** Pass as socket.io's `parser` option. */
export const eventParser = { protocol, PacketType, Encoder, Decoder: MeasuringDecoder };
