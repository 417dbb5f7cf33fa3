// Suggestions while a customer types (GET /api/help/suggest) and their outcomes (POST /api/help/suggestion-events).
// Both need no sign-in; both spend the caller's `public_read` budget, so neither can be used to flood the server.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ok, parseWith, type Result } from '../../src-shared/result';
import { helpSuggestQuerySchema, suggestionEventSchema, type HelpSuggestAnswer } from '../../src-shared/protocol/help';
import type { ServerContext } from '../context';
import { searchHelp } from '../db/help-search';
import { recordSuggestionEvent } from '../help/suggestion-events';
import { sendResult } from './reply';
import type { PageHeaders } from './security-headers';

/** The most suggestions shown under the question (the schema's limit too). */
export const SUGGESTION_LIMIT = 3;
/** Published articles for a few words are the same for everyone and may be seconds old; typing repeats queries. */
export const SUGGEST_CACHE_CONTROL = 'public, max-age=30';

export function registerHelpSuggestRoutes(app: FastifyInstance, ctx: ServerContext, _pages: PageHeaders): void {
  const budget = (req: FastifyRequest) => ctx.budgets.strangers.take('public_read', { address: req.ip });

  app.get('/api/help/suggest', async (req, reply) => {
    const q = parseWith(helpSuggestQuerySchema, req.query, 'suggestion query');
    if (!q.ok) return sendResult(reply, q);
    const allowed = await budget(req);
    if (!allowed.ok) return sendResult(reply, allowed);
    const { hits } = await searchHelp(ctx.db, ctx.dialect, { query: q.value.q, limit: SUGGESTION_LIMIT, offset: 0, match: 'any', ...(q.value.productId ? { productId: q.value.productId } : {}) });
    void reply.header('cache-control', SUGGEST_CACHE_CONTROL);
    return sendResult(reply, ok({ hits: hits.slice(0, SUGGESTION_LIMIT) }) as Result<HelpSuggestAnswer>);
  });

  // An event is under 200 bytes of JSON; nothing bigger needs reading.
  app.post('/api/help/suggestion-events', { bodyLimit: 1024 }, async (req, reply) => {
    const e = parseWith(suggestionEventSchema, req.body, 'suggestion event');
    if (!e.ok) return sendResult(reply, e);
    const allowed = await budget(req);
    return sendResult(reply, allowed.ok ? await recordSuggestionEvent(ctx, e.value) : allowed);
  });
}
