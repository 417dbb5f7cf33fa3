// The budgets of everything a stranger can trigger (chat requests, EMAIL US, comment posts, uploads): per calling
// address, per target (the email named, or the ticket of a comment link) and global; refused with `rate_limited`.
import { ok, rateLimited, type Result } from '../../src-shared/result';
import { budgetKeyOfAddress } from '../http/client-address';
import type { BudgetSpec, StrangerOperation } from './budget-spec';
import type { Decision, Limiter, LimiterFactory } from './limiter-store';

const WHAT: Record<StrangerOperation, string> = {
  chat_request: 'chat requests',
  email_request: 'email requests',
  comment: 'comments',
  upload: 'uploads',
  portal_sign_in: 'sign-in links',
  public_read: 'requests',
};

interface OperationLimiters {
  ip?: Limiter;
  target?: Limiter;
  global?: Limiter;
}

/** The first refusal decides the answer: its wait is when this operation can succeed again. */
function refusal(d: Decision, message: string): Result<null> | null {
  return d.allowed ? null : rateLimited(message, d.retryAfterMs);
}

export class StrangerBudgets {
  private readonly limiters: Record<StrangerOperation, OperationLimiters>;

  constructor(specs: Record<StrangerOperation, BudgetSpec>, make: LimiterFactory) {
    const build = (op: StrangerOperation): OperationLimiters => {
      const s = specs[op];
      return {
        ...(s.ip ? { ip: make(`${op}:ip`, s.ip) } : {}),
        ...(s.target ? { target: make(`${op}:target`, s.target) } : {}),
        ...(s.global ? { global: make(`${op}:global`, s.global) } : {}),
      };
    };
    this.limiters = { chat_request: build('chat_request'), email_request: build('email_request'), comment: build('comment'), upload: build('upload'), portal_sign_in: build('portal_sign_in'), public_read: build('public_read') };
  }

  /**
   * Counts one `op` from `address` (naming `target`). The global budget is only looked at first, and counted last:
   * one flooding address, refused by its own budget, does not use up everyone's; and while the global budget is
   * spent nothing new is remembered, so the per-address counters in memory stay bounded by the global rate.
   */
  async take(op: StrangerOperation, who: { address: string; target?: string }): Promise<Result<null>> {
    const l = this.limiters[op];
    const busy = `Too many ${WHAT[op]} right now; try again later.`;
    if (l.global) {
      const r = refusal(await l.global.peek('all'), busy);
      if (r) return r;
    }
    if (l.ip) {
      const r = refusal(await l.ip.consume(budgetKeyOfAddress(who.address)), `Too many ${WHAT[op]} from your network; try again later.`);
      if (r) return r;
    }
    if (l.target && who.target !== undefined) {
      const r = refusal(await l.target.consume(who.target.toLowerCase()), `Too many ${WHAT[op]} for this address; try again later.`);
      if (r) return r;
    }
    if (l.global) {
      const r = refusal(await l.global.consume('all'), busy);
      if (r) return r;
    }
    return ok(null);
  }
}
