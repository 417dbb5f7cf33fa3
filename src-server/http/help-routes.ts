// The help center's reading pages (/help, products, sections, articles, search) and GET /api/help/search. Pages are
// HTML rendered here (no client app: they read and work without script), the same for everyone, so they are
// cacheable for a minute and revalidated by a weak ETag; only help.js (the Follow buttons) asks who the reader is.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { helpProductIdSchema, helpSlugSchema } from '../../src-shared/help-center';
import { renderArticleHtml } from '../../src-shared/help-markdown';
import { helpQuerySchema, helpSearchQuerySchema, type HelpSearchAnswer } from '../../src-shared/protocol/help';
import { ok, parseWith, type Result } from '../../src-shared/result';
import type { ServerContext } from '../context';
import { readerArticle, readerProduct, readerProducts, readerSection } from '../db/help-reading';
import { searchHelp } from '../db/help-search';
import { HELP_ASSET_CACHE_CONTROL, HELP_ASSETS } from '../help/assets/help-assets';
import { articlePage } from '../help/pages/article-page';
import { homePage } from '../help/pages/home-page';
import type { SafeHtml } from '../help/pages/html';
import { problemPage } from '../help/pages/problem-page';
import { productPage } from '../help/pages/product-page';
import { searchPage, type SearchOutcome } from '../help/pages/search-page';
import { sectionPage } from '../help/pages/section-page';
import { sendResult } from './reply';
import type { PageHeaders } from './security-headers';
import { readStatusPage } from './status-routes';

/** Pages are the same for every reader and may be a minute old (a new article shows within a minute). */
export const HELP_PAGE_CACHE_CONTROL = 'public, max-age=60';
/** Search answers: the same for everyone for the same words; typing repeats queries. */
export const HELP_SEARCH_CACHE_CONTROL = 'public, max-age=30';
/** Newest articles per section on a product page. */
export const ARTICLES_PER_SECTION_PREVIEW = 5;
export const SECTION_PAGE_SIZE = 20;
export const SEARCH_PAGE_SIZE = 10;

const pageNumber = z.coerce.number().int().min(1).max(100).default(1);
const sectionQuerySchema = z.object({ page: pageNumber });
const searchPageQuerySchema = z.object({ q: z.string().max(2000).default(''), page: pageNumber });
const productParamsSchema = z.object({ productId: helpProductIdSchema });
const sectionParamsSchema = z.object({ productId: helpProductIdSchema, sectionSlug: helpSlugSchema });
const articleParamsSchema = z.object({ slug: helpSlugSchema });
const assetParamsSchema = z.object({ name: z.enum(['help.css', 'help.js']) });

/** A weak validator: equal bytes, equal page (whatever the compression in front of us does). */
const etagOf = (body: string) => `W/"${createHash('sha1').update(body).digest('base64url')}"`;

/** If-None-Match as RFC 9110 compares it for GET: weakly, any of a list, or `*`. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

function sendPage(req: FastifyRequest, reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  const body = page.markup;
  void reply.type('text/html; charset=utf-8');
  if (status !== 200) return reply.code(status).header('cache-control', 'no-cache').send(body);
  const etag = etagOf(body);
  void reply.header('cache-control', HELP_PAGE_CACHE_CONTROL).header('etag', etag);
  if (matchesEtag(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.code(200).send(body);
}

const notFound = (req: FastifyRequest, reply: FastifyReply) => sendPage(req, reply, problemPage('not_found'), 404);

/** What the search box says instead of results: the schema's reason in the reader's words. */
function askFor(raw: string): SearchOutcome | null {
  const q = helpQuerySchema.safeParse(raw);
  if (q.success) return null;
  const trimmed = raw.trim();
  const message =
    trimmed === ''
      ? 'Type a word or two about your question to search the articles.'
      : trimmed.length < 2
        ? 'Type at least 2 characters to search.'
        : 'That is a long search: use at most 200 characters.';
  return { kind: 'ask', query: raw.slice(0, 200), message };
}

export function registerHelpRoutes(app: FastifyInstance, ctx: ServerContext, pages: PageHeaders): void {
  const helmet = pages.helpPage;
  const budget = (req: FastifyRequest) => ctx.budgets.strangers.take('public_read', { address: req.ip });

  app.get('/help', { helmet }, async (req, reply) => sendPage(req, reply, homePage(await readerProducts(ctx.db))));

  app.get('/help/assets/:name', async (req, reply) => {
    const p = assetParamsSchema.safeParse(req.params);
    if (!p.success) return reply.callNotFound();
    const asset = HELP_ASSETS[p.data.name];
    return reply.type(asset.contentType).header('cache-control', HELP_ASSET_CACHE_CONTROL).send(asset.body);
  });

  app.get('/help/search', { helmet }, async (req, reply) => {
    const q = searchPageQuerySchema.safeParse(req.query);
    if (!q.success) return sendPage(req, reply, problemPage('bad_request'), 400);
    const ask = askFor(q.data.q);
    if (ask) return sendPage(req, reply, searchPage(ask));
    const allowed = await budget(req);
    if (!allowed.ok) {
      if (allowed.error.retryAfterMs !== undefined) void reply.header('retry-after', String(Math.max(1, Math.ceil(allowed.error.retryAfterMs / 1000))));
      return sendPage(req, reply, problemPage('rate_limited'), 429);
    }
    const query = q.data.q.trim();
    const { hits, more } = await searchHelp(ctx.db, ctx.dialect, { query, limit: SEARCH_PAGE_SIZE, offset: (q.data.page - 1) * SEARCH_PAGE_SIZE });
    return sendPage(req, reply, searchPage({ kind: 'results', query, hits, more, page: q.data.page }));
  });

  app.get('/help/articles/:slug', { helmet }, async (req, reply) => {
    const p = articleParamsSchema.safeParse(req.params);
    const article = p.success ? await readerArticle(ctx.db, p.data.slug) : null;
    if (!article) return notFound(req, reply);
    return sendPage(req, reply, articlePage(article, renderArticleHtml(article.body, { videoHosts: ctx.config.help.videoHosts })));
  });

  app.get('/help/:productId', { helmet }, async (req, reply) => {
    const p = productParamsSchema.safeParse(req.params);
    const overview = p.success ? await readerProduct(ctx.db, p.data.productId, ARTICLES_PER_SECTION_PREVIEW) : null;
    if (!overview) return notFound(req, reply);
    const status = overview.product.showsStatus ? await readStatusPage(ctx) : null;
    return sendPage(req, reply, productPage(overview, status));
  });

  app.get('/help/:productId/:sectionSlug', { helmet }, async (req, reply) => {
    const p = sectionParamsSchema.safeParse(req.params);
    if (!p.success) return notFound(req, reply);
    const q = sectionQuerySchema.safeParse(req.query);
    if (!q.success) return sendPage(req, reply, problemPage('bad_request'), 400);
    const listing = await readerSection(ctx.db, p.data.productId, p.data.sectionSlug, { limit: SECTION_PAGE_SIZE, offset: (q.data.page - 1) * SECTION_PAGE_SIZE });
    if (!listing) return notFound(req, reply);
    return sendPage(req, reply, sectionPage(listing, q.data.page));
  });

  app.get('/api/help/search', async (req, reply) => {
    const q = parseWith(helpSearchQuerySchema, req.query, 'search query');
    if (!q.ok) return sendResult(reply, q);
    const allowed = await budget(req);
    if (!allowed.ok) return sendResult(reply, allowed);
    const { hits, more } = await searchHelp(ctx.db, ctx.dialect, { query: q.value.q, limit: q.value.limit, offset: q.value.offset });
    void reply.header('cache-control', HELP_SEARCH_CACHE_CONTROL);
    const answer: Result<HelpSearchAnswer> = ok({ query: q.value.q, hits, more });
    return sendResult(reply, answer);
  });
}
