// The same migrations and repository round trip against a real PostgreSQL started for this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type DbHandle } from '../../../../src-server/db/connection';
import { migrate, LATEST_VERSION, currentVersion } from '../../../../src-server/db/migrations';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../../support/postgres';
import { repositoryRoundTrip } from './repository-round-trip';

const reason = postgresUnavailableReason();

describe.skipIf(reason !== null)(`PostgreSQL${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let pg: TestPostgres;
  let handle: DbHandle;
  beforeAll(async () => {
    pg = await startPostgres();
    handle = openPostgres(pg.url);
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
    await pg?.stop();
  });

  it('runs every migration and round-trips the repositories', async () => {
    expect(await migrate(handle.db, 'postgres', 0, 1)).toEqual([1]);
    expect(await migrate(handle.db, 'postgres', 0)).toEqual(Array.from({ length: LATEST_VERSION - 1 }, (_, i) => i + 2));
    expect(await currentVersion(handle.db)).toBe(LATEST_VERSION);
    await repositoryRoundTrip(handle.db);
  });
});
