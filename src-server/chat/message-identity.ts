// How the server names and numbers the messages it writes itself: time-ordered ids and the system author.
import { randomUUID } from 'node:crypto';

/** The author name of the messages the server writes (queued, transferred, ended, requeued). */
export const SYSTEM_NAME = 'Switchboard';

/**
 * A UUIDv7 (RFC 9562): the creation time leads, so a message's primary key lands on the index's last page
 * instead of dirtying a random page per message in every commit. The random part comes from randomUUID.
 */
export function uuidV7(nowMs: number): string {
  const r = randomUUID();
  const ts = Math.max(0, Math.floor(nowMs)).toString(16).padStart(12, '0').slice(-12);
  return `${ts.slice(0, 8)}-${ts.slice(8)}-7${r.slice(15)}`;
}
