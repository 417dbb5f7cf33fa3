// Email subscriptions to the status page: a signed-in portal customer subscribes or unsubscribes; a mailed one-click
// link unsubscribes without a session. The link's token is an HMAC of the row (address and subscription time), so it
// can be rebuilt when an incident mails every subscriber, while only its SHA-256 is stored to find the row by.
import { createHmac } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/result';
import type { StatusSubscription } from '../../src-shared/protocol/status';
import type { ServerContext } from '../context';
import { sha256 } from '../auth/tokens';
import * as subs from '../db/status-subscriptions';

/** Changes with the secret (SECRET / DATA_DIR/secret): rotating it voids the links already mailed, as with comment links. */
export function unsubscribeToken(secret: string, row: subs.StatusSubscriptionRow): string {
  return createHmac('sha256', secret).update(`status-unsubscribe\n${row.email}\n${row.createdAt}`).digest('base64url');
}

export const unsubscribeUrl = (publicUrl: string, token: string): string => `${publicUrl}/api/status/unsubscribe?token=${token}`;
/** The page a reader lands on from the mail's link: it asks before it POSTs (a link scanner's GET changes nothing). */
export const unsubscribePageUrl = (publicUrl: string, token: string): string => `${publicUrl}/status/unsubscribe?token=${token}`;

export class StatusSubscriptions {
  constructor(private readonly ctx: Pick<ServerContext, 'db' | 'writes' | 'clock' | 'secret' | 'log'>) {}

  async get(email: string): Promise<StatusSubscription> {
    const row = await subs.findSubscription(this.ctx.db, email);
    return { email, subscribed: row !== null, since: row?.createdAt ?? null };
  }

  async subscribe(email: string): Promise<StatusSubscription> {
    const now = this.ctx.clock.now();
    const tokenHash = sha256(unsubscribeToken(this.ctx.secret, { email, createdAt: now }));
    await this.ctx.writes.run((trx) => subs.insertSubscription(trx, { email, now, tokenHash }));
    return this.get(email);
  }

  async unsubscribe(email: string): Promise<StatusSubscription> {
    await this.ctx.writes.run((trx) => subs.deleteSubscription(trx, email));
    return this.get(email);
  }

  /** One-click: the token alone. An unknown token (forged, or already used) is refused the same way. */
  async unsubscribeByToken(token: string): Promise<Result<{ unsubscribed: true }>> {
    const gone = await this.ctx.writes.run((trx) => subs.deleteByTokenHash(trx, sha256(token)));
    if (!gone) return err('not_found', 'This unsubscribe link is not valid, or you are already unsubscribed.');
    this.ctx.log.info('status subscription ended by its mailed link');
    return ok({ unsubscribed: true });
  }
}
