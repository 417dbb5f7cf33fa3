// Full-text search over published help articles behind one interface: SQLite FTS5 (bm25, snippet()) and PostgreSQL
// (websearch/prefix tsquery, ts_rank, ts_headline). Answers hits with highlighted parts, best first.
import type { HelpSearchHit } from '../../src-shared/help-center';
import type { Db, DialectName } from './schema';

export interface HelpSearchQuery {
  /** The reader's words (already validated: helpQuerySchema). */
  query: string;
  limit: number;
  offset: number;
  /** Rank this product's articles first (suggestions for a department's product). */
  productId?: string;
}

export async function searchHelp(_db: Db, _dialect: DialectName, _q: HelpSearchQuery): Promise<{ hits: HelpSearchHit[]; more: boolean }> {
  throw new Error('help search: being built (issue 16)');
}
