// Refresh tokens, stored only as hashes; each is used once and replaced (rotation).
import type { Db } from './schema';

export async function insertRefreshToken(db: Db, t: { tokenHash: string; specialistId: string; now: number; expiresAt: number }): Promise<void> {
  await db
    .insertInto('refresh_tokens')
    .values({ token_hash: t.tokenHash, specialist_id: t.specialistId, created_at: t.now, expires_at: t.expiresAt, used_at: null })
    .execute();
}

/** Marks the token used if it is unused and unexpired; returns its specialist, or null (unknown, used or expired). */
export async function consumeRefreshToken(db: Db, tokenHash: string, now: number): Promise<string | null> {
  const row = await db.selectFrom('refresh_tokens').select(['specialist_id', 'expires_at', 'used_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row || row.used_at !== null || Number(row.expires_at) <= now) return null;
  // Conditional update: two concurrent refreshes with one token cannot both win.
  const res = await db.updateTable('refresh_tokens').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? row.specialist_id : null;
}

/** Every unused token of the specialist stops working now (deactivation, password reset): marked used, as a rotation would. */
export async function revokeRefreshTokens(db: Db, specialistId: string, now: number): Promise<void> {
  await db.updateTable('refresh_tokens').set({ used_at: now }).where('specialist_id', '=', specialistId).where('used_at', 'is', null).execute();
}
