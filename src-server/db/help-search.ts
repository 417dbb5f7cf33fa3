// Full-text search over published help articles behind one interface: SQLite FTS5 (bm25, snippet()) and PostgreSQL
// (prefix tsquery, ts_rank, ts_headline). Answers hits with highlighted parts, best first. The reader's words only
// ever reach SQL as bound parameters; the match expressions built from them are quoted (FTS5) or reduced to letters
// and digits (tsquery), so quotes, operators and SQL in a query are searched for as words or dropped.
// Two ways to match: 'all' words (the search box: each word narrows) or 'any' (suggestions: a customer's whole
// question, its stop words dropped, where articles matching more of its words come first).
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
  /** 'all' (default): every word must match. 'any': one is enough, more rank higher; stop words are dropped. */
  match?: 'all' | 'any';
}

/** Marks around matched words in the database's snippets; control characters no article text contains. */
const START = '\u0002';
const STOP = '\u0003';
/** More words than this add cost, not precision. */
const MAX_WORDS = 12;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Words that say nothing about what a question is about (PostgreSQL's English list, plus a few words every support
 * question has). Dropped for 'any' only: with 'all' they narrow nothing wrongly, with 'any' they would match everything.
 */
const STOP_WORDS = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its
itself they them their theirs themselves what which who whom this that these those am is are was were be been being have
has had having do does did doing a an the and but if or because as until while of at by for with about against between
into through during before after above below to from up down in out on off over under again further then once here there
when where why how all any both each few more most other some such no nor not only own same so than too very s t can
will just don should now im ive id its dont doesnt didnt cant cannot wont isnt arent wasnt since get got please help
hello hi thanks thank would could also still`.split(/\s+/),
);

/** The query's words in order, at most MAX_WORDS; for 'any' without stop words. */
function queryWords(query: string, split: RegExp, match: 'all' | 'any'): string[] {
  const words = query.split(split).filter((w) => w !== '' && HAS_WORD_CHARACTER.test(w));
  const kept = match === 'any' ? words.filter((w) => !STOP_WORDS.has(w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))) : words;
  return kept.slice(0, MAX_WORDS);
}

/** FTS5: one word as a quoted phrase (so `"`, `*`, `NEAR`, `OR`, `-` are just text), a prefix when the reader may still be typing it. */
const ftsWord = (w: string, prefix: boolean) => `"${w.replaceAll('"', '""')}"${prefix ? '*' : ''}`;

/** FTS5 phrases of the query's words, the last one a prefix. */
export function ftsWords(query: string, match: 'all' | 'any' = 'all'): string[] {
  const words = queryWords(query.trim(), /\s+/, match);
  return words.map((w, i) => ftsWord(w, i === words.length - 1));
}

/** FTS5: the words ANDed ('all') or ORed ('any'). Null when nothing searchable is left. */
export function ftsMatchExpression(query: string, match: 'all' | 'any' = 'all'): string | null {
  const words = ftsWords(query, match);
  return words.length === 0 ? null : words.join(match === 'all' ? ' AND ' : ' OR ');
}

/**
 * PostgreSQL: the runs of letters and digits, the last one a prefix. Nothing but letters, digits and `:*` is left, so
 * no tsquery syntax of the reader's can take effect.
 */
export function tsQueryWords(query: string, match: 'all' | 'any' = 'all'): string[] {
  const words = queryWords(query, /[^\p{L}\p{N}]+/u, match);
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w));
}

/** PostgreSQL: the words ANDed ('all') or ORed ('any'). Null when nothing searchable is left. */
export function tsQueryText(query: string, match: 'all' | 'any' = 'all'): string | null {
  const words = tsQueryWords(query, match);
  return words.length === 0 ? null : words.join(match === 'all' ? ' & ' : ' | ');
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

/** 'any': how many of the query's words an article matches, each word's matches one set (not a search per row). */
function matchedWordsSqlite(words: readonly string[]) {
  return sql.join(
    words.map((w) => sql`(rowid in (select rowid from help_search where help_search match ${w}))`),
    sql` + `,
  );
}

function searchSqlite(db: Db, match: string, words: readonly string[], q: HelpSearchQuery) {
  // bm25 weights per column (article_id, title, body): a word in the title counts ten times one in the body. snippet()
  // and highlight() must be in the statement that matches (they read its cursor), so the page is chosen there. Ties
  // go by rowid, which costs nothing (article_id would be read from the content table for every match).
  const matched = q.match === 'any' ? matchedWordsSqlite(words) : sql`0`;
  return sql<HitRow>`
    with page as (
      select rowid as rid, article_id, ${preferredFirst(q, sql.ref('article_id'))} ${matched} as matched, bm25(help_search, 0, 10.0, 1.0) as score,
        highlight(help_search, 1, ${START}, ${STOP}) as title_marked,
        snippet(help_search, 2, ${START}, ${STOP}, '…', 16) as snippet_marked
      from help_search
      where help_search match ${match}
      order by ${preferredFirst(q, sql.ref('article_id'))} matched desc, score, rid
      limit ${q.limit + 1} offset ${q.offset}
    )
    select a.id as article_id, a.slug, a.published_title as title, s.title as section_title, p.name as product_name, page.title_marked, page.snippet_marked
    from page
    join help_articles a on a.id = page.article_id
    join help_sections s on s.id = a.section_id
    join help_products p on p.id = s.product_id
    where a.status = 'published'
    order by ${preferredFirst(q, sql.ref('page.article_id'))} page.matched desc, page.score, page.rid`.execute(db);
}

const BODY_HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxFragments=1, MaxWords=24, MinWords=8`;
const TITLE_HEADLINE = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;

/**
 * PostgreSQL, 'all' words and no product preference (the search box): articles whose title matches come first (the
 * title-over-body rule, stated outright rather than left to ts_rank's weights), ranked among themselves; body-only
 * matches are ranked only when the title matches do not fill the page. A broad word matches a third of all articles
 * and ranking reads each one's document; its title matches, found by their own small index, are a hundred or so.
 */
function titleFirstPage(tsq: string, q: HelpSearchQuery) {
  const need = q.offset + q.limit + 1;
  return sql`
    q as (select to_tsquery('english', ${tsq}) as query),
    titled as (
      select hs.article_id, 0 as tier, ts_rank(hs.document, q.query) as score
      from help_search hs cross join q
      where hs.title_document @@ q.query
      order by score desc, hs.article_id
      limit ${need}
    ),
    bodied as (
      select hs.article_id, 1 as tier, ts_rank(hs.document, q.query) as score
      from help_search hs cross join q
      where (select count(*) from titled) < ${need} and hs.document @@ q.query and not hs.title_document @@ q.query
      order by score desc, hs.article_id
      limit ${need}
    ),
    ranked as (
      select article_id, 0 as preferred, 0 as matched, tier, score from titled
      union all
      select article_id, 0 as preferred, 0 as matched, tier, score from bodied
    )`;
}

/** PostgreSQL, the general case: every match ranked (by product, then words matched for 'any', then title, then ts_rank). */
function everyMatchRanked(tsq: string, words: readonly string[], q: HelpSearchQuery) {
  const preferred = q.productId === undefined ? sql`0` : sql`case when hs.article_id in (select a.id from help_articles a join help_sections s on s.id = a.section_id where s.product_id = ${q.productId}) then 0 else 1 end`;
  const matched = q.match === 'any' ? sql.join(words.map((w) => sql`(hs.document @@ to_tsquery('english', ${w}))::int`), sql` + `) : sql`0`;
  return sql`
    q as (select to_tsquery('english', ${tsq}) as query),
    ranked as (
      select hs.article_id, ${preferred} as preferred, ${matched} as matched,
        case when hs.title_document @@ q.query then 0 else 1 end as tier, ts_rank(hs.document, q.query) as score
      from help_search hs cross join q
      where hs.document @@ q.query
    )`;
}

/** Characters of the body given to ts_headline, and how many of them come before the first match. */
const HEADLINE_WINDOW = 600;
const HEADLINE_LEAD = 200;

/**
 * The part of the body a snippet is cut from: HEADLINE_WINDOW characters around the earliest place one of the
 * words starts (its first five letters, enough to find "billing" from "bill" and back), or the beginning. ts_headline
 * parses and stems all the text it is given, so the whole body cost half a millisecond per hit on 300 words, and an
 * article of thousands of words far more; the snippet only ever shows one fragment of about 24 words anyway.
 */
function headlineWindow(words: readonly string[]) {
  const stems = [...new Set(words.map((w) => w.replace(/:\*$/, '').toLowerCase().slice(0, 5)).filter((w) => w.length > 0))].slice(0, 6);
  const first = stems.length === 0 ? sql`0` : sql`coalesce(least(${sql.join(stems.map((w) => sql`nullif(strpos(lower(hs.body), ${w}), 0)`))}), 0)`;
  return sql`substr(hs.body, greatest(1, ${first} - ${HEADLINE_LEAD}), ${HEADLINE_WINDOW})`;
}

function searchPostgres(db: Db, tsq: string, words: readonly string[], q: HelpSearchQuery) {
  const ranked = q.match !== 'any' && q.productId === undefined ? titleFirstPage(tsq, q) : everyMatchRanked(tsq, words, q);
  // Only the page's rows are joined and only those shown get headlines, each over a window of its body (above); the
  // extra row only tells whether there is more.
  return sql<HitRow>`
    with ${ranked},
    page as (
      select article_id, preferred, matched, tier, score,
        row_number() over (order by preferred, matched desc, tier, score desc, article_id) as n
      from ranked
      order by preferred, matched desc, tier, score desc, article_id
      limit ${q.limit + 1} offset ${q.offset}
    )
    select a.id as article_id, a.slug, a.published_title as title, s.title as section_title, p.name as product_name,
      case when page.n <= ${q.offset + q.limit} then ts_headline('english', hs.title, q.query, ${TITLE_HEADLINE}) end as title_marked,
      case when page.n <= ${q.offset + q.limit} then ts_headline('english', ${headlineWindow(words)}, q.query, ${BODY_HEADLINE}) end as snippet_marked
    from page
    cross join q
    join help_search hs on hs.article_id = page.article_id
    join help_articles a on a.id = page.article_id
    join help_sections s on s.id = a.section_id
    join help_products p on p.id = s.product_id
    where a.status = 'published'
    order by page.preferred, page.matched desc, page.tier, page.score desc, page.article_id`.execute(db);
}

export async function searchHelp(db: Db, dialect: DialectName, q: HelpSearchQuery): Promise<{ hits: HelpSearchHit[]; more: boolean }> {
  const match = q.match ?? 'all';
  if (dialect === 'sqlite') {
    const expression = ftsMatchExpression(q.query, match);
    if (expression === null) return { hits: [], more: false };
    const { rows } = await searchSqlite(db, expression, ftsWords(q.query, match), q);
    return { hits: rows.slice(0, q.limit).map(toHit), more: rows.length > q.limit };
  }
  const expression = tsQueryText(q.query, match);
  if (expression === null) return { hits: [], more: false };
  const { rows } = await searchPostgres(db, expression, tsQueryWords(q.query, match), q);
  return { hits: rows.slice(0, q.limit).map(toHit), more: rows.length > q.limit };
}
