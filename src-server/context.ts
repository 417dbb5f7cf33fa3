// What every server service receives: configuration, database, clock, mailer, logger and the broadcaster.
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Clock } from './clock';
import type { Db, DialectName } from './db/schema';
import type { WriteQueue } from './db/write-queue';
import type { Mailer } from './email/mailer';
import type { Broadcaster } from './sockets/broadcaster';
import type { StrangerBudgets } from './budgets/stranger-budgets';
import type { LoginGuard } from './auth/login-guard';

export interface ServerContext {
  config: Config;
  /** Resolved signing secret (env or DATA_DIR/secret). */
  secret: string;
  db: Db;
  dialect: DialectName;
  writes: WriteQueue;
  clock: Clock;
  mailer: Mailer;
  log: Logger;
  broadcaster: Broadcaster;
  /** The mail outbox of this node: wake it after a commit that queued mail, so delivery starts at once. */
  mailOutbox: { wake(): void };
  /** What strangers may trigger (budgets/stranger-budgets.ts) and the login throttle (auth/login-guard.ts). */
  budgets: { strangers: StrangerBudgets; login: LoginGuard };
}

/** Who is calling on the /agent namespace, as established at connect time. */
export interface AgentActor {
  specialistId: string;
  role: 'agent' | 'lead' | 'admin';
  displayName: string;
  departmentIds: readonly string[];
}
