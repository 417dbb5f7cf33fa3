// Results of idempotent commands (accept, transfer, end, ticket updates), keyed by actor and client id.
import type { Db } from './schema';

export async function findCommandResult<T>(db: Db, key: string): Promise<T | undefined> {
  const r = await db.selectFrom('command_results').select('result_json').where('key', '=', key).executeTakeFirst();
  return r ? (JSON.parse(r.result_json) as T) : undefined;
}

export async function saveCommandResult(db: Db, key: string, value: unknown, now: number): Promise<void> {
  await db.insertInto('command_results').values({ key, result_json: JSON.stringify(value), created_at: now }).execute();
}
