// Following the help center: a signed-in portal customer follows or unfollows a section or a published article and
// picks how mail comes (each article, or a daily digest); a mailed one-click link unfollows without a session.
import { err, ok, type Result } from '../../src-shared/result';
import type { FollowDelivery, FollowKind } from '../../src-shared/help-center';
import type { FollowSettings } from '../../src-shared/protocol/help';
import type { ServerContext } from '../context';
import * as follows from '../db/help-follows';
import { readHelpUnsubscribeToken } from './help-unsubscribe';

export class FollowService {
  constructor(private readonly ctx: Pick<ServerContext, 'db' | 'writes' | 'clock' | 'secret' | 'log'>) {}

  async settings(email: string): Promise<FollowSettings> {
    const [delivery, list] = await Promise.all([follows.getDelivery(this.ctx.db, email), follows.listFollows(this.ctx.db, email)]);
    return { email, delivery, follows: list };
  }

  /** `not_found` for a section that does not exist or an article readers cannot see; following twice changes nothing. */
  async follow(email: string, kind: FollowKind, id: string): Promise<Result<FollowSettings>> {
    const now = this.ctx.clock.now();
    const found = await this.ctx.writes.run(async (trx) => {
      const target = kind === 'section' ? await follows.findSectionTarget(trx, id) : await follows.findPublishedArticleTarget(trx, id);
      if (!target) return false;
      await follows.insertFollow(trx, { email, kind, id, now });
      return true;
    });
    if (!found) return err('not_found', kind === 'section' ? 'There is no such section.' : 'There is no such published article.');
    return ok(await this.settings(email));
  }

  /** Unfollowing what is not followed is not an error: the answer is the state either way. */
  async unfollow(email: string, kind: FollowKind, id: string): Promise<FollowSettings> {
    await this.ctx.writes.run((trx) => follows.deleteFollow(trx, email, kind, id));
    return this.settings(email);
  }

  async setDelivery(email: string, delivery: FollowDelivery): Promise<FollowSettings> {
    await this.ctx.writes.run((trx) => follows.setDelivery(trx, email, delivery));
    return this.settings(email);
  }

  /**
   * One-click: the token alone. A token this server did not sign is refused and changes nothing; one whose follow is
   * already gone still answers ok (a mail program may post twice, and the reader's wish is met).
   */
  async unsubscribeByToken(token: string): Promise<Result<{ unsubscribed: true; what: string }>> {
    const read = readHelpUnsubscribeToken(this.ctx.secret, token);
    if (!read) return err('not_found', 'This unsubscribe link is not valid.');
    const { email, scope } = read;
    const what = await this.ctx.writes.run(async (trx) => {
      if (scope.kind === 'all') {
        await follows.deleteAllFollows(trx, email);
        return 'everything you followed in the help center';
      }
      const target = scope.kind === 'section' ? await follows.findSectionTarget(trx, scope.id) : await follows.findPublishedArticleTarget(trx, scope.id);
      await follows.deleteFollow(trx, email, scope.kind, scope.id);
      if (scope.kind === 'section') return target ? `the section ${target.title} of ${target.productName}` : 'this section';
      return target ? `the article “${target.title}”` : 'this article';
    });
    this.ctx.log.info({ scope: scope.kind }, 'help center follow ended by its mailed link');
    return ok({ unsubscribed: true, what });
  }
}
