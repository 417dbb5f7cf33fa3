// The login audit: attempts that reached the password check, the failure run of one account from one address
// (what the backoff counts), whether an account ever signed in from an address, and the admin's listing.
import type { Db } from './schema';

export interface LoginAttempt {
  email: string;
  address: string;
  at: number;
  success: boolean;
}

/** Audit rows are kept this long: the known-address rule looks back as far. */
export const LOGIN_AUDIT_KEEP_MS = 30 * 24 * 3_600_000;

/** Records one attempt and drops rows past the keep window, so the table is bounded by the login budgets. */
export async function recordLoginAttempt(db: Db, a: LoginAttempt): Promise<void> {
  await db.insertInto('login_attempts').values({ email: a.email, address: a.address, at: a.at, success: a.success ? 1 : 0 }).execute();
  await db.deleteFrom('login_attempts').where('at', '<', a.at - LOGIN_AUDIT_KEEP_MS).execute();
}

/** Failures of `email` from `address` since `since` and after the last success there: how many, and the newest. */
export async function failureRun(db: Db, email: string, address: string, since: number): Promise<{ failures: number; lastFailureAt: number | null }> {
  const lastSuccess = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('email', '=', email)
    .where('address', '=', address)
    .where('success', '=', 1)
    .where('at', '>=', since)
    .executeTakeFirst();
  const from = lastSuccess?.at === null || lastSuccess?.at === undefined ? since : Number(lastSuccess.at) + 1;
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('at').as('last')])
    .where('email', '=', email)
    .where('address', '=', address)
    .where('success', '=', 0)
    .where('at', '>=', from)
    .executeTakeFirst();
  return { failures: Number(row?.n ?? 0), lastFailureAt: row?.last === null || row?.last === undefined ? null : Number(row.last) };
}

/** Whether `email` signed in successfully from `address` since `since`: where its owner usually works. */
export async function hasSignedInFrom(db: Db, email: string, address: string, since: number): Promise<boolean> {
  const row = await db
    .selectFrom('login_attempts')
    .select('id')
    .where('email', '=', email)
    .where('address', '=', address)
    .where('success', '=', 1)
    .where('at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Failed attempts since `since`, newest first (admin CLI `login-failures`). */
export async function listLoginFailures(db: Db, since: number, limit: number): Promise<LoginAttempt[]> {
  const rows = await db
    .selectFrom('login_attempts')
    .select(['email', 'address', 'at'])
    .where('success', '=', 0)
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ email: r.email, address: r.address, at: Number(r.at), success: false }));
}
