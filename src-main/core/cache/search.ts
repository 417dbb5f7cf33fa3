// Offline full-text search over cached messages and tickets (FTS5), with highlighted snippets.
import type Database from 'better-sqlite3';
import type { SearchHit } from '../../../src-shared/console-api';
import { makeSnippet, searchWords } from '../search-snippet';

/** bm25 over every match of a common word costs ~1 s at 1M rows (DESIGN.md §5); rank only the newest ones. */
export const RANK_WINDOW = 5000;

/**
 * Turns what a person typed into a safe FTS5 query: each word quoted (so operators and punctuation are
 * literal), all words required, the last one as a prefix so results appear while typing.
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string, prefixLast = true): string | null {
  const words = searchWords(input);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${prefixLast && i === words.length - 1 ? '*' : ''}`).join(' ');
}

interface Ranked {
  rowid: number;
  score: number;
}

export function createSearchRepo(db: Database.Database) {
  const messageFloorStmt = db
    .prepare(`SELECT min(rowid) FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW})`)
    .pluck();
  const messageRankStmt = db.prepare(`
    SELECT rowid, bm25(messages_fts) AS score FROM messages_fts
    WHERE messages_fts MATCH @q AND rowid >= @floor ORDER BY score LIMIT @limit`);
  const messageRowsStmt = db.prepare(`
    SELECT m.rowid AS rowid, m.body AS body, m.conversation_id AS conversationId, m.created_at AS at,
           c.visitor_email AS visitorEmail, c.ticket_id AS ticketId
    FROM messages m LEFT JOIN conversations c ON c.id = m.conversation_id
    WHERE m.rowid IN (SELECT value FROM json_each(@rowids))`);
  const ticketFloorStmt = db
    .prepare(`SELECT min(rowid) FROM (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW})`)
    .pluck();
  const ticketRankStmt = db.prepare(`
    SELECT rowid, bm25(tickets_fts) AS score FROM tickets_fts
    WHERE tickets_fts MATCH @q AND rowid >= @floor ORDER BY score LIMIT @limit`);
  const ticketRowsStmt = db.prepare(`
    SELECT id AS ticketId, subject, requester_email AS requester, conversation_id AS conversationId, updated_at AS at
    FROM tickets WHERE id IN (SELECT value FROM json_each(@ids))`);

  const floor = (stmt: Database.Statement, q: string): number => (stmt.get(q) as number | null) ?? 0;
  /**
   * Whole words first: a prefix term makes FTS5 merge its entire doclist before ranking (~2x slower for a
   * common word). Only when whole words do not fill the page is the last word widened to a prefix.
   */
  const rank = (floorStmt: Database.Statement, rankStmt: Database.Statement, input: string, limit: number): Ranked[] => {
    const exact = toFtsQuery(input, false);
    if (!exact) return [];
    const ranked = rankStmt.all({ q: exact, floor: floor(floorStmt, exact), limit }) as Ranked[];
    if (ranked.length >= limit) return ranked;
    const prefix = toFtsQuery(input) as string;
    return rankStmt.all({ q: prefix, floor: floor(floorStmt, prefix), limit }) as Ranked[];
  };

  return {
    /** Best matches across messages and tickets, best first. */
    search(input: string, limit: number): SearchHit[] {
      const words = searchWords(input);
      if (words.length === 0) return [];
      const rankedMessages = rank(messageFloorStmt, messageRankStmt, input, limit);
      const rankedTickets = rank(ticketFloorStmt, ticketRankStmt, input, limit);
      const scoreOf = (ranked: Ranked[]) => new Map(ranked.map((r) => [r.rowid, r.score]));
      const messageScores = scoreOf(rankedMessages);
      const ticketScores = scoreOf(rankedTickets);
      const messageRows = rankedMessages.length
        ? (messageRowsStmt.all({ rowids: JSON.stringify(rankedMessages.map((r) => r.rowid)) }) as {
            rowid: number;
            body: string;
            conversationId: string;
            at: number;
            visitorEmail: string | null;
            ticketId: number | null;
          }[])
        : [];
      const ticketRows = rankedTickets.length
        ? (ticketRowsStmt.all({ ids: JSON.stringify(rankedTickets.map((r) => r.rowid)) }) as {
            ticketId: number;
            subject: string;
            requester: string;
            conversationId: string | null;
            at: number;
          }[])
        : [];
      const hits: (SearchHit & { score: number })[] = [
        ...messageRows.map((r) => ({
          kind: 'message' as const,
          conversationId: r.conversationId,
          ticketId: r.ticketId,
          title: r.visitorEmail ? `Chat with ${r.visitorEmail}` : 'Chat',
          snippet: makeSnippet(r.body, words),
          at: r.at,
          score: messageScores.get(r.rowid) ?? 0,
        })),
        ...ticketRows.map((r) => ({
          kind: 'ticket' as const,
          conversationId: r.conversationId,
          ticketId: r.ticketId,
          title: `#${r.ticketId} ${r.subject}`,
          snippet: makeSnippet(`#${r.ticketId} ${r.subject} · ${r.requester}`, words),
          at: r.at,
          score: ticketScores.get(r.ticketId) ?? 0,
        })),
      ];
      // bm25 scores are negative, lower is better; ties go to the newer hit.
      hits.sort((a, b) => a.score - b.score || b.at - a.at);
      return hits.slice(0, limit).map(({ score: _score, ...hit }) => hit);
    },
    /** Merges the FTS segments into one b-tree; worth it once after a large initial sync (faster term reads). */
    optimize(): void {
      db.prepare(`INSERT INTO messages_fts (messages_fts) VALUES ('optimize')`).run();
      db.prepare(`INSERT INTO tickets_fts (tickets_fts) VALUES ('optimize')`).run();
    },
    /** Ticket ids matching a ticket-list query box. */
    ticketIds(input: string, limit: number): number[] {
      return rank(ticketFloorStmt, ticketRankStmt, input, limit).map((r) => r.rowid);
    },
  };
}
export type SearchRepo = ReturnType<typeof createSearchRepo>;
