// Passwordless sign-in: a one-time link mailed through the outbox, then a session cookie. Only SHA-256 hashes of
// either token are stored, so a copy of the database signs nobody in.
import { err, ok, type Result } from '../../src-shared/result';
import type { PortalSession, PortalSignInRequest, PortalSignInSent } from '../../src-shared/protocol/portal';
import type { ServerContext } from '../context';
import { opaqueToken, sha256 } from '../auth/tokens';
import { enqueueMails } from '../db/mail-outbox';
import * as portal from '../db/portal';
import { portalSignIn } from '../email/templates';

/** The signed-in customer of a request, and the hash that names their session (for sign-out). */
export interface PortalCaller {
  email: string;
  tokenHash: string;
  expiresAt: number;
}

/** last_seen_at is for the record only: written at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

export class PortalAuth {
  constructor(private readonly ctx: ServerContext) {}

  /**
   * Mails a link whether or not the address has tickets (the first link is how a customer signs up), and answers the
   * same either way, so the answer tells nobody who our customers are. The caller has taken the budget.
   */
  async requestLink(input: PortalSignInRequest): Promise<Result<PortalSignInSent>> {
    const now = this.ctx.clock.now();
    const token = opaqueToken();
    const tokenHash = sha256(token);
    const expiresAt = now + this.ctx.config.portal.linkTtlMs;
    const link = `${this.ctx.config.publicUrl}/portal/sign-in?token=${token}`;
    const { subject, text } = portalSignIn({ link, ttlMs: this.ctx.config.portal.linkTtlMs });
    await this.ctx.writes.run(async (trx) => {
      await portal.insertSignInLink(trx, { tokenHash, email: input.email, returnTo: input.returnTo ?? null, now, expiresAt });
      // In the same transaction: a link is never stored without its mail, nor mailed without being stored.
      await enqueueMails(trx, [{ key: `portal_sign_in:${tokenHash}`, kind: 'portal_sign_in', to: input.email, subject, text, ticketId: null }], now);
    });
    this.ctx.mailOutbox.wake();
    return ok({ email: input.email, expiresAt });
  }

  /** Uses the link up and opens a session; the new session's token goes into the cookie, its hash into the table. */
  async startSession(linkToken: string): Promise<Result<{ session: PortalSession; token: string }>> {
    const now = this.ctx.clock.now();
    const token = opaqueToken();
    const expiresAt = now + this.ctx.config.portal.sessionTtlMs;
    const used = await this.ctx.writes.run(async (trx) => {
      const use = await portal.useSignInLink(trx, sha256(linkToken), now);
      if (use.ok) await portal.insertSession(trx, { tokenHash: sha256(token), email: use.email, now, expiresAt });
      return use;
    });
    if (!used.ok) {
      if (used.reason === 'expired') return err('expired', 'This sign-in link has expired; ask for a new one.');
      if (used.reason === 'used') return err('conflict', 'This sign-in link was already used; ask for a new one.');
      return err('unauthorized', 'This sign-in link is not valid; ask for a new one.');
    }
    return ok({ session: { email: used.email, expiresAt, returnTo: used.returnTo }, token });
  }

  /** The live session of a cookie's token; `unauthorized` without one (none sent, unknown, ended or expired). */
  async caller(cookieToken: string | null): Promise<Result<PortalCaller>> {
    if (!cookieToken) return err('unauthorized', 'Sign in to the portal first.');
    const now = this.ctx.clock.now();
    const tokenHash = sha256(cookieToken);
    const live = await portal.findLiveSession(this.ctx.db, tokenHash, now);
    if (!live) return err('unauthorized', 'Your portal session has ended; sign in again.');
    if (now - live.lastSeenAt >= TOUCH_EVERY_MS) await this.ctx.writes.run((trx) => portal.touchSession(trx, tokenHash, now));
    return ok({ email: live.email, tokenHash, expiresAt: live.expiresAt });
  }

  /** Sign-out: the session stops working on every node at once (the row says so), whatever the browser keeps. */
  async endSession(cookieToken: string | null): Promise<void> {
    if (!cookieToken) return;
    const now = this.ctx.clock.now();
    await this.ctx.writes.run((trx) => portal.endSession(trx, sha256(cookieToken), now));
  }
}
