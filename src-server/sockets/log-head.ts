// When this node's Redis connection comes back after being lost, tells every socket of every node the newest
// committed seq (`log:head`), so clients re-read what was not relayed meanwhile.
//
// Why it is needed: while the link was down, what this node committed reached only its own sockets, and what other
// nodes committed did not reach them. A client notices a hole only when a later event of its scope arrives, and in
// a quiet chat none may ever come. The head is read from the database, not relayed, so it covers everything
// committed before it whatever Redis lost. It goes through the adapter (the link is back), so the other nodes'
// clients hear of this node's outage too — also when only this node lost Redis.
import type { Logger } from 'pino';
import type { LogHead } from '../../src-shared/protocol/log-head';
import type { Db } from '../db/schema';
import { latestSeq } from '../db/events';

/** The connection events of a node-redis client this needs (it emits `ready` on every (re)connect). */
export interface RedisConnectionEvents {
  on(event: 'ready' | 'error' | 'end' | 'reconnecting', listener: () => void): unknown;
}

/** Calls `recovered` each time the client is ready again after an error, an end or a reconnect; never for the first connect. */
export function onRedisRecovered(client: RedisConnectionEvents, recovered: () => void): void {
  let lost = false;
  const lose = () => {
    lost = true;
  };
  client.on('error', lose);
  client.on('end', lose);
  client.on('reconnecting', lose);
  client.on('ready', () => {
    if (!lost) return;
    lost = false;
    recovered();
  });
}

/** A socket.io namespace, emitting to every node's sockets through the adapter, for the one event sent here. */
export interface HeadNamespace {
  emit(event: 'log:head', head: LogHead): unknown;
}

export interface LogHeadDeps {
  db: Db;
  namespaces: readonly HeadNamespace[];
  log: Logger;
}

/**
 * Reads the newest committed seq and sends it to every socket of every node; answers the seq sent, or null when it
 * could not be read. Failures are logged, never thrown (it runs from an event handler).
 */
export async function announceLogHead(deps: LogHeadDeps): Promise<number | null> {
  try {
    const seq = await latestSeq(deps.db);
    for (const nsp of deps.namespaces) nsp.emit('log:head', { seq });
    deps.log.info({ seq }, 'redis back: log:head sent to every node\'s sockets');
    return seq;
  } catch (e) {
    deps.log.warn({ err: e }, 'redis back, but log:head could not be read; clients catch up at their next event or reconnect');
    return null;
  }
}
