// Authoring the help center from the console (leads and admins): the tree, sections, article drafts as revisions,
// publish and unpublish (search index and follower notices in the same transaction).
import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/result';
import type { AgentCommand } from '../../src-shared/protocol/agent';
import type { HelpArticleDetail, HelpSection, HelpTree } from '../../src-shared/help-center';
import type { AgentActor, ServerContext } from '../context';
import type { Db } from '../db/schema';
import { once, type Outcome } from '../outcome';
import { listHelpProducts, getHelpProduct } from '../db/help-products';
import { getHelpSection, helpSectionBySlug, insertHelpSections, listHelpSections, nextHelpSectionPosition, replaceHelpSection } from '../db/help-sections';
import {
  getHelpArticle,
  getHelpRevision,
  helpArticleBySlug,
  insertHelpArticle,
  insertHelpRevision,
  listHelpArticleSummaries,
  markHelpArticlePublished,
  markHelpArticleUnpublished,
  setHelpLatestRevision,
} from '../db/help-articles';
import { indexArticle, unindexArticle } from '../db/help-search-index';
import { queueFollowerNotices } from './follow-notices';
import { helpArticleDetail } from './help-article-detail';
import { nextRevision, publishPlan, refuseAgents } from './help-article-rules';

const answer = <T>(result: Result<T>): Outcome<T> => ({ result, events: [] });

export class HelpAuthoring {
  constructor(private readonly ctx: ServerContext) {}

  /** One command of a lead: run once per client id (a retry answers the first success), inside one write. */
  private command<T>(actor: AgentActor, clientId: string, job: (trx: Db, now: number) => Promise<Result<T>>): Promise<Result<T>> {
    const now = this.ctx.clock.now();
    return this.ctx.writes.run((trx) => once(trx, `${actor.specialistId}:${clientId}`, now, async () => answer(await job(trx, now)))).then((out) => out.result);
  }

  async tree(actor: AgentActor): Promise<Result<HelpTree>> {
    const refused = refuseAgents(actor);
    if (refused) return refused;
    const [products, sections, articles] = await Promise.all([listHelpProducts(this.ctx.db), listHelpSections(this.ctx.db), listHelpArticleSummaries(this.ctx.db)]);
    return ok({ products, sections, articles });
  }

  /** A new section goes last in its product; an existing one keeps its place unless it moves to another product. */
  async saveSection(actor: AgentActor, input: AgentCommand<'help:section:save'>): Promise<Result<HelpSection>> {
    const refused = refuseAgents(actor);
    if (refused) return refused;
    const draft = input.section;
    return this.command<HelpSection>(actor, input.clientId, async (trx) => {
      if (!(await getHelpProduct(trx, draft.productId))) return err('not_found', 'Product not found.');
      const existing = draft.id === undefined ? null : await getHelpSection(trx, draft.id);
      if (draft.id !== undefined && !existing) return err('not_found', 'Section not found.');
      const clash = await helpSectionBySlug(trx, draft.productId, draft.slug);
      if (clash && clash.id !== draft.id) return err('conflict', `The section "${clash.title}" already has the address ${draft.slug} in this product.`);
      const section: HelpSection = {
        id: existing?.id ?? randomUUID(),
        productId: draft.productId,
        slug: draft.slug,
        title: draft.title,
        description: draft.description,
        kind: draft.kind,
        position: existing && existing.productId === draft.productId ? existing.position : await nextHelpSectionPosition(trx, draft.productId),
      };
      if (existing) await replaceHelpSection(trx, section);
      else await insertHelpSections(trx, [section]);
      return ok(section);
    });
  }

  async getArticle(actor: AgentActor, input: AgentCommand<'help:article:get'>): Promise<Result<HelpArticleDetail>> {
    const refused = refuseAgents(actor);
    if (refused) return refused;
    return helpArticleDetail(this.ctx.db, input.articleId, input.revision);
  }

  async createArticle(actor: AgentActor, input: AgentCommand<'help:article:create'>): Promise<Result<HelpArticleDetail>> {
    const refused = refuseAgents(actor);
    if (refused) return refused;
    return this.command<HelpArticleDetail>(actor, input.clientId, async (trx, now) => {
      if (!(await getHelpSection(trx, input.sectionId))) return err('not_found', 'Section not found.');
      if (await helpArticleBySlug(trx, input.slug)) return err('conflict', `Another article already has the address ${input.slug}.`);
      const id = randomUUID();
      await insertHelpArticle(trx, {
        id,
        sectionId: input.sectionId,
        slug: input.slug,
        status: 'draft',
        latestRevision: 1,
        publishedRevision: null,
        publishedTitle: null,
        publishedBody: null,
        firstPublishedAt: null,
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await insertHelpRevision(trx, { articleId: id, revision: 1, title: input.draft.title, body: input.draft.body, savedBy: actor.specialistId, savedAt: now });
      return helpArticleDetail(trx, id);
    });
  }

  /** A new revision; readers keep seeing the published one until the next publish. */
  async saveArticle(actor: AgentActor, input: AgentCommand<'help:article:save'>): Promise<Result<HelpArticleDetail>> {
    const refused = refuseAgents(actor);
    if (refused) return refused;
    return this.command<HelpArticleDetail>(actor, input.clientId, async (trx, now) => {
      const article = await getHelpArticle(trx, input.articleId);
      if (!article) return err('not_found', 'Article not found.');
      const revision = nextRevision(article, input.baseRevision);
      if (!revision.ok) return revision;
      await insertHelpRevision(trx, { articleId: article.id, revision: revision.value, title: input.draft.title, body: input.draft.body, savedBy: actor.specialistId, savedAt: now });
      await setHelpLatestRevision(trx, article.id, revision.value, now);
      return helpArticleDetail(trx, article.id);
    });
  }

  /** Readers see the newest revision; search finds it and followers are told, all in the publishing transaction. */
  async publish(actor: AgentActor, input: AgentCommand<'help:article:publish'>): Promise<Result<HelpArticleDetail>> {
    const refused = refuseAgents(actor);
    if (refused) return refused;
    // Set only by the call that published (not by a retry, nor when readers already see the newest revision).
    let published: { queued: number } | null = null;
    const result = await this.command<HelpArticleDetail>(actor, input.clientId, async (trx, now) => {
      const article = await getHelpArticle(trx, input.articleId);
      if (!article) return err('not_found', 'Article not found.');
      const plan = publishPlan(article, now);
      if (plan.kind === 'unchanged') return helpArticleDetail(trx, article.id);
      const content = await getHelpRevision(trx, article.id, plan.revision);
      if (!content) return err('internal', 'The newest revision is missing.');
      await markHelpArticlePublished(trx, article.id, { revision: plan.revision, title: content.title, body: content.body, firstPublishedAt: plan.firstPublishedAt, now });
      await indexArticle(trx, { id: article.id, title: content.title, body: content.body });
      const notice = { id: article.id, slug: article.slug, title: content.title, sectionId: article.sectionId, revision: plan.revision, change: plan.change };
      const queued = await queueFollowerNotices(this.ctx, trx, notice, now);
      const detail = await helpArticleDetail(trx, article.id);
      if (detail.ok) published = { queued };
      return detail;
    });
    const done = published as { queued: number } | null;
    if (result.ok && done) {
      this.ctx.log.info({ articleId: input.articleId, specialistId: actor.specialistId, queued: done.queued }, 'help article published');
      if (done.queued > 0) this.ctx.mailOutbox.wake();
    }
    return result;
  }

  /** Readers get "not found" and search stops finding it; revisions (and follows) stay. */
  async unpublish(actor: AgentActor, input: AgentCommand<'help:article:unpublish'>): Promise<Result<HelpArticleDetail>> {
    const refused = refuseAgents(actor);
    if (refused) return refused;
    return this.command<HelpArticleDetail>(actor, input.clientId, async (trx, now) => {
      const article = await getHelpArticle(trx, input.articleId);
      if (!article) return err('not_found', 'Article not found.');
      if (article.status === 'published') {
        await markHelpArticleUnpublished(trx, article.id, now);
        await unindexArticle(trx, article.id);
      }
      return helpArticleDetail(trx, article.id);
    });
  }
}
