// What the administration services need, and who acts: the server passes its live effects (publish, availability,
// sign-outs); the command line passes none, and running servers learn of its changes from the log (log-head-watcher.ts).
import type { Role } from '../../src-shared/specialist';
import type { Clock } from '../clock';
import type { Db } from '../db/schema';
import type { LoggedEvent } from '../db/events';

export interface AdminDeps {
  db: Db;
  /** The write queue: on PostgreSQL it serialises writers across nodes, so event seqs commit in order. */
  writes: { run<T>(job: (trx: Db) => Promise<T>): Promise<T> };
  clock: Clock;
  effects: AdminEffects;
}

/** What follows a committed change on a live server. */
export interface AdminEffects {
  publish(events: readonly LoggedEvent[]): void;
  /** Departments or who can chat changed: re-publish availability (re-arming its next change) and route queued chats. */
  availabilityChanged(): Promise<void>;
  /** Ends every socket of the specialist on every node, after the answer to the current command has gone out. */
  signOut(specialistId: string): void;
}

/** The command line's effects: none here; servers pick the change up from the event log. */
export const noEffects: AdminEffects = {
  publish: () => undefined,
  availabilityChanged: async () => undefined,
  signOut: () => undefined,
};

/** Who makes the change: an account (AgentActor fits) or the command line (no account). */
export interface AdminActor {
  specialistId: string | null;
  displayName: string;
  role: Role;
  departmentIds: readonly string[];
}

/** `npm run admin`: an operator with shell access to the server acts as an admin without an account. */
export const COMMAND_LINE: AdminActor = { specialistId: null, displayName: 'command line', role: 'admin', departmentIds: [] };

/** The idempotency key of a command: scoped per actor, like every agent command (docs/protocol.md, Idempotency). */
export const commandKey = (actor: AdminActor, clientId: string): string => `${actor.specialistId ?? 'command-line'}:${clientId}`;
