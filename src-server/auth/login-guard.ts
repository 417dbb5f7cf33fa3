// Password guessing, bounded without locking the owner out: a backoff per account and address (from the login
// audit in the database), a budget of failures per address across accounts, and generous ceilings per account
// and for everyone that never apply where the account signed in successfully before (its owner's usual place).
import type { Logger } from 'pino';
import { rateLimited, type Result } from '../../src-shared/result';
import type { Clock } from '../clock';
import type { Db } from '../db/schema';
import type { WriteQueue } from '../db/write-queue';
import { failureRun, hasSignedInFrom, LOGIN_AUDIT_KEEP_MS, recordLoginAttempt } from '../db/login-attempts';
import type { LoginBudgetSpec } from '../budgets/budget-spec';
import type { Limiter, LimiterFactory } from '../budgets/limiter-store';
import { budgetKeyOfAddress } from '../http/client-address';
import { LOGIN_BACKOFF_BASE_MS, LOGIN_FAILURE_WINDOW_MS, loginWaitMs } from './login-backoff';

export interface LoginGuardDeps {
  db: Db;
  writes: WriteQueue;
  clock: Clock;
  log: Logger;
}

export interface LoginGuardConfig {
  budgets: LoginBudgetSpec;
  freeFailures: number;
  backoffMaxMs: number;
}

const TOO_MANY = 'Too many login attempts; try again later.';

export class LoginGuard {
  private readonly ip?: Limiter;
  private readonly account?: Limiter;
  private readonly global?: Limiter;

  constructor(
    private readonly deps: LoginGuardDeps,
    private readonly config: LoginGuardConfig,
    make: LimiterFactory,
  ) {
    const b = config.budgets;
    if (b.ip) this.ip = make('login:ip-failures', b.ip);
    if (b.account) this.account = make('login:account-failures', b.account);
    if (b.global) this.global = make('login:attempts', b.global);
  }

  /** Where the owner usually signs in: a success from this address within the audit's keep window. */
  private known(email: string, address: string): Promise<boolean> {
    return hasSignedInFrom(this.deps.db, email, address, this.deps.clock.now() - LOGIN_AUDIT_KEEP_MS);
  }

  /**
   * Runs `check` (the password check) unless a budget refuses; records its outcome. Cheap refusals come first, and
   * nothing is counted in memory before the global budget admitted the attempt, so those counters stay bounded.
   */
  async attempt<T>(who: { email: string; address: string }, check: () => Promise<Result<T>>): Promise<Result<T>> {
    const { email, address } = who;
    const ipKey = budgetKeyOfAddress(address);
    const log = this.deps.log.child({ component: 'login', address });
    if (this.ip) {
      const d = await this.ip.peek(ipKey);
      if (!d.allowed) return rateLimited(TOO_MANY, d.retryAfterMs);
    }
    const now = this.deps.clock.now();
    const run = await failureRun(this.deps.db, email, address, now - LOGIN_FAILURE_WINDOW_MS);
    const wait = loginWaitMs(run, { freeFailures: this.config.freeFailures, baseMs: LOGIN_BACKOFF_BASE_MS, maxMs: this.config.backoffMaxMs }, now);
    if (wait > 0) return rateLimited(TOO_MANY, wait);
    if (this.account) {
      const d = await this.account.peek(email);
      if (!d.allowed && !(await this.known(email, address))) {
        log.warn({ email }, 'login refused: account failure ceiling');
        return rateLimited(TOO_MANY, d.retryAfterMs);
      }
    }
    if (this.global) {
      const d = await this.global.consume('all');
      if (!d.allowed && !(await this.known(email, address))) return rateLimited(TOO_MANY, d.retryAfterMs);
    }
    const res = await check();
    const failed = !res.ok && res.error.code === 'unauthorized';
    if (res.ok || failed) {
      await this.deps.writes.run((trx) => recordLoginAttempt(trx, { email, address, at: this.deps.clock.now(), success: res.ok }));
    }
    if (failed) {
      log.warn({ email, failures: run.failures + 1 }, 'login failed');
      await Promise.all([this.ip?.consume(ipKey), this.account?.consume(email)]);
    }
    return res;
  }
}
