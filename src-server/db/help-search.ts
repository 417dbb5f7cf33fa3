// Full-text search over published help articles behind one interface: SQLite FTS5 (bm25, snippet()) and PostgreSQL
// (prefix tsquery, ts_rank, ts_headline). Answers hits with highlighted parts, best first. The reader's words only
// ever reach SQL as bound parameters; the match expressions built from them are quoted (FTS5) or reduced to letters
// and digits (tsquery), so quotes, operators and SQL in a query are searched for as words or dropped.
import { sql } from 'kysely';
import type { HelpSearchHit, SnippetPart } from '../../src-shared/help-center';
import type { Db, DialectName } from './schema';

export interface HelpSearchQuery {
  /** The reader's words (already validated: helpQuerySchema). */
  query: string;
  limit: number;
  offset: number;
  /** Rank this product's articles first (suggestions for a department's product). */
  productId?: string;
}

/** Marks around matched words in the database's snippets; control characters no article text contains. */
const START = '\u0002';
const STOP = '\u0003';
/** More words than this add cost, not precision. */
const MAX_WORDS = 12;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * FTS5: each word a quoted phrase (so `"`, `*`, `NEAR`, `OR`, `-` are just text), the last one a prefix (the reader
 * may still be typing it), all ANDed. Null when nothing searchable is left.
 */
export function ftsMatchExpression(query: string): string | null {
  const words = query
    .trim()
    .split(/\s+/)
    .filter((w) => HAS_WORD_CHARACTER.test(w))
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w.replaceAll('"', '""')}"${i === words.length - 1 ? '*' : ''}`).join(' AND ');
}

/**
 * PostgreSQL: the runs of letters and digits, ANDed, the last one a prefix. Nothing but letters, digits, `&` and `:*`
 * is left, so no tsquery syntax of the reader's can take effect. Null when nothing searchable is left.
 */
export function tsQueryText(query: string): string | null {
  const words = query
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}

/** A database snippet with START/STOP marks → text parts (whitespace folded); never HTML. */
export function markedParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  // The marks are control characters on purpose (see START), so the pattern names them.
  // eslint-disable-next-line no-control-regex
  for (const piece of marked.split(/([\u0002\u0003])/)) {
    if (piece === START) match = true;
    else if (piece === STOP) match = false;
    else {
      const text = piece.replace(/\s+/g, ' ');
      if (text === '') continue;
      const prev = parts[parts.length - 1];
      if (prev && prev.match === match) prev.text += text;
      else parts.push({ text, match });
    }
  }
  const first = parts[0];
  if (first) first.text = first.text.trimStart();
  const last = parts[parts.length - 1];
  if (last) last.text = last.text.trimEnd();
  return parts.filter((p) => p.text !== '');
}

interface HitRow {
  article_id: string;
  slug: string;
  title: string;
  section_title: string;
  product_name: string;
  title_marked: string | null;
  snippet_marked: string | null;
}

const toHit = (r: HitRow): HelpSearchHit => ({
  articleId: r.article_id,
  slug: r.slug,
  title: r.title,
  titleParts: markedParts(r.title_marked ?? r.title),
  snippet: markedParts(r.snippet_marked ?? ''),
  sectionTitle: r.section_title,
  productName: r.product_name,
  url: `/help/articles/${r.slug}`,
});

/**
 * The page is ranked over the index alone and only its rows are joined: a join per matched row cost five to ten times
 * the search itself on broad words (tests/bench/server/help-search.ts). The index holds published articles only (it
 * is written in the publishing transaction); the outer status check is a second lock, never expected to drop a row.
 * With a product to prefer, its article ids are one set looked up per match, not a join per match.
 */
function preferredFirst(q: HelpSearchQuery, articleId: ReturnType<typeof sql.ref>) {
  return q.productId === undefined
    ? sql``
    : sql`case when ${articleId} in (select a.id from help_articles a join help_sections s on s.id = a.section_id where s.product_id = ${q.productId}) then 0 else 1 end,`;
}

function searchSqlite(db: Db, match: string, q: HelpSearchQuery) {
  // bm25 weights per column (article_id, title, body): a word in the title counts ten times one in the body. snippet()
  // and highlight() must be in the statement that matches (they read its cursor), so the page is chosen there. Ties
  // go by rowid, which costs nothing (article_id would be read from the content table for every match).
  return sql<HitRow>`
    with page as (
      select rowid as rid, article_id, ${preferredFirst(q, sql.ref('article_id'))} bm25(help_search, 0, 10.0, 1.0) as score,
        highlight(help_search, 1, ${START}, ${STOP}) as title_marked,
        snippet(help_search, 2, ${START}, ${STOP}, '…', 16) as snippet_marked
      from help_search
      where help_search match ${match}
      order by ${preferredFirst(q, sql.ref('article_id'))} score, rid
      limit ${q.limit + 1} offset ${q.offset}
    )
    select a.id as article_id, a.slug, a.published_title as title, s.title as section_title, p.name as product_name, page.title_marked, page.snippet_marked
    from page
    join help_articles a on a.id = page.article_id
    join help_sections s on s.id = a.section_id
    join help_products p on p.id = s.product_id
    where a.status = 'published'
    order by ${preferredFirst(q, sql.ref('page.article_id'))} page.score, page.rid`.execute(db);
}

const BODY_HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxFragments=1, MaxWords=24, MinWords=8`;
const TITLE_HEADLINE = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;

function searchPostgres(db: Db, tsq: string, q: HelpSearchQuery) {
  // The page is chosen over the index alone, then joined; only its rows get headlines (ts_headline re-parses the
  // whole body, the costly part).
  return sql<HitRow>`
    with q as (select to_tsquery('english', ${tsq}) as query),
    page as (
      select hs.article_id, hs.title as indexed_title, hs.body as indexed_body, q.query,
        ${preferredFirst(q, sql.ref('hs.article_id'))} ts_rank(hs.document, q.query) as score
      from help_search hs
      cross join q
      where hs.document @@ q.query
      order by ${preferredFirst(q, sql.ref('hs.article_id'))} score desc, hs.article_id
      limit ${q.limit + 1} offset ${q.offset}
    )
    select a.id as article_id, a.slug, a.published_title as title, s.title as section_title, p.name as product_name,
      ts_headline('english', page.indexed_title, page.query, ${TITLE_HEADLINE}) as title_marked,
      ts_headline('english', page.indexed_body, page.query, ${BODY_HEADLINE}) as snippet_marked
    from page
    join help_articles a on a.id = page.article_id
    join help_sections s on s.id = a.section_id
    join help_products p on p.id = s.product_id
    where a.status = 'published'
    order by ${preferredFirst(q, sql.ref('page.article_id'))} page.score desc, page.article_id`.execute(db);
}

export async function searchHelp(db: Db, dialect: DialectName, q: HelpSearchQuery): Promise<{ hits: HelpSearchHit[]; more: boolean }> {
  const expression = dialect === 'sqlite' ? ftsMatchExpression(q.query) : tsQueryText(q.query);
  if (expression === null) return { hits: [], more: false };
  const { rows } = dialect === 'sqlite' ? await searchSqlite(db, expression, q) : await searchPostgres(db, expression, q);
  return { hits: rows.slice(0, q.limit).map(toHit), more: rows.length > q.limit };
}
