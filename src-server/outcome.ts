// The shape of a committed command (its Result plus the events to publish) and the client-id idempotency wrapper.
import { ok, type Result } from '../src-shared/result';
import type { Conversation } from '../src-shared/conversation';
import type { Db } from './db/schema';
import type { LoggedEvent } from './db/events';
import { findCommandResult, saveCommandResult } from './db/command-results';

export interface Outcome<T> {
  result: Result<T>;
  events: LoggedEvent[];
  /** Conversations that ended in this command (recap email, timers). */
  ended?: Conversation[];
}

/**
 * A retry with the same actor + client id gets the first success back and changes nothing; failures are not remembered.
 * `remember`: what of the answer is stored for retries, when not all of it may be (a generated password is answered once).
 */
export async function once<T>(trx: Db, key: string, now: number, run: () => Promise<Outcome<T>>, remember: (value: T) => T = (v) => v): Promise<Outcome<T>> {
  const prior = await findCommandResult<T>(trx, key);
  if (prior !== undefined) return { result: ok(prior), events: [] };
  const out = await run();
  if (out.result.ok) await saveCommandResult(trx, key, remember(out.result.value), now);
  return out;
}
