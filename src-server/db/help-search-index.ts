// The search index's rows (table help_search, migration 14): one per published article, its title and its body as
// plain words. Written in the transaction that publishes or unpublishes, so search never finds a hidden article.
import type { Db } from './schema';

/**
 * Markdown reduced to the words a reader sees: link and image targets, code fences' markers, emphasis and heading
 * marks dropped; the words of links, images' alt text and code stay findable.
 */
export function searchableText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n/g, '\n')
    // A table's delimiter row (|---|:--:|) is layout, not words a reader sees.
    .replace(/^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?[ \t]*)?$/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:[^>\s]+)>/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_~`|]+/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Replaces the article's row (publishing a new revision). */
export async function indexArticle(trx: Db, article: { id: string; title: string; body: string }): Promise<void> {
  await unindexArticle(trx, article.id);
  await trx.insertInto('help_search').values({ article_id: article.id, title: article.title, body: searchableText(article.body) }).execute();
}

export async function unindexArticle(trx: Db, articleId: string): Promise<void> {
  await trx.deleteFrom('help_search').where('article_id', '=', articleId).execute();
}
