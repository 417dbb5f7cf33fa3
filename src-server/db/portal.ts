// The customer portal's tables: one-time sign-in links and sessions (SHA-256 of their tokens only), the tickets one
// address asks about or is copied on, and the portal's own uploads (held by their owner until a request uses them).
import { sql } from 'kysely';
import type { Ticket } from '../../src-shared/ticket';
import type { TicketStatus } from '../../src-shared/ticket-lifecycle';
import type { Db } from './schema';
import { fromJson } from './json';
import { toTicket } from './tickets';

export async function insertSignInLink(db: Db, l: { tokenHash: string; email: string; returnTo: string | null; now: number; expiresAt: number }): Promise<void> {
  await db
    .insertInto('portal_sign_in_links')
    .values({ token_hash: l.tokenHash, email: l.email, return_to: l.returnTo, created_at: l.now, expires_at: l.expiresAt, used_at: null })
    .execute();
}

export type LinkUse = { ok: true; email: string; returnTo: string | null } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/**
 * Uses the link up: one conditional UPDATE, so of two requests with the same token exactly one wins (the other sees
 * it used). When it does not win, a read says why, for the customer's sake (ask for a new link either way).
 */
export async function useSignInLink(db: Db, tokenHash: string, now: number): Promise<LinkUse> {
  const won = await db
    .updateTable('portal_sign_in_links')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['email', 'return_to'])
    .executeTakeFirst();
  if (won) return { ok: true, email: won.email, returnTo: won.return_to };
  const row = await db.selectFrom('portal_sign_in_links').select(['used_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  return { ok: false, reason: row.used_at !== null ? 'used' : 'expired' };
}

export async function insertSession(db: Db, s: { tokenHash: string; email: string; now: number; expiresAt: number }): Promise<void> {
  await db
    .insertInto('portal_sessions')
    .values({ token_hash: s.tokenHash, email: s.email, created_at: s.now, expires_at: s.expiresAt, last_seen_at: s.now, ended_at: null })
    .execute();
}

export interface LiveSession {
  email: string;
  expiresAt: number;
  lastSeenAt: number;
}

/** The session of this token hash while it is neither ended nor expired; null otherwise. */
export async function findLiveSession(db: Db, tokenHash: string, now: number): Promise<LiveSession | null> {
  const r = await db
    .selectFrom('portal_sessions')
    .select(['email', 'expires_at', 'last_seen_at'])
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r ? { email: r.email, expiresAt: Number(r.expires_at), lastSeenAt: Number(r.last_seen_at) } : null;
}

export async function touchSession(db: Db, tokenHash: string, now: number): Promise<void> {
  await db.updateTable('portal_sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function endSession(db: Db, tokenHash: string, now: number): Promise<void> {
  await db.updateTable('portal_sessions').set({ ended_at: now }).where('token_hash', '=', tokenHash).where('ended_at', 'is', null).execute();
}

/** `"a_b@x.com"` as it appears inside ccs_json, as a LIKE pattern with its wildcards escaped. */
function ccPattern(email: string): string {
  return `%${JSON.stringify(email).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of the tickets `email` asks about or is copied on, newest first. The CC test is a LIKE on the quoted
 * address within ccs_json (the same SQL on SQLite and PostgreSQL; lower() on both sides so both dialects agree on
 * case), and the caller checks each row exactly; `more` says whether rows below the page's last one match too.
 */
export async function listTicketsOf(db: Db, email: string, f: { statuses: readonly TicketStatus[]; beforeId: number | null; limit: number }): Promise<{ rows: Ticket[]; more: boolean }> {
  let q = db
    .selectFrom('tickets')
    .selectAll()
    .where((eb) => eb.or([eb(sql<string>`lower(requester_email)`, '=', email), eb(sql<string>`lower(ccs_json)`, 'like', sql<string>`${ccPattern(email)} escape '\\'`)]));
  if (f.statuses.length > 0) q = q.where('status', 'in', f.statuses);
  if (f.beforeId !== null) q = q.where('id', '<', f.beforeId);
  const rows = await q.orderBy('id', 'desc').limit(f.limit + 1).execute();
  return { rows: rows.slice(0, f.limit).map(toTicket), more: rows.length > f.limit };
}

/** Whether any comment of these tickets carries the attachment (attachment ids are UUIDs: the substring is exact). */
export async function attachmentsInComments(db: Db, ticketIds: readonly number[], attachmentIds: readonly string[]): Promise<Set<string>> {
  if (ticketIds.length === 0 || attachmentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('ticket_comments')
    .select('attachments_json')
    .where('ticket_id', 'in', ticketIds)
    .where((eb) => eb.or(attachmentIds.map((id) => eb('attachments_json', 'like', `%"id":"${id.replace(/[%_\\]/g, '')}"%`))))
    .execute();
  const used = new Set<string>();
  for (const r of rows) for (const a of fromJson<{ id: string }[]>(r.attachments_json)) if (attachmentIds.includes(a.id)) used.add(a.id);
  return used;
}

/** The follow-ups a reply to this ticket started (a comment's files may land on one). */
export async function followUpIds(db: Db, ticketId: number): Promise<number[]> {
  const rows = await db.selectFrom('tickets').select('id').where('follow_up_of', '=', ticketId).execute();
  return rows.map((r) => Number(r.id));
}

/**
 * Hands the owner's held uploads to the ticket their request created: only rows still unreferenced (ticket_id null)
 * and held by this owner move; returns how many did, so the caller can refuse when one was not theirs to give.
 */
export async function claimRequestUploads(db: Db, owner: string, ids: readonly string[], ticketId: number): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await db
    .updateTable('attachments')
    .set({ ticket_id: ticketId })
    .where('id', 'in', ids)
    .where('portal_owner', '=', owner)
    .where('ticket_id', 'is', null)
    .where('conversation_id', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
