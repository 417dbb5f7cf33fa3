import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type DbHandle } from '../../../../src-server/db/connection';
import { migrate } from '../../../../src-server/db/migrations';
import { getKeyState, newestReports, pruneReports, recordReport, saveKeyState } from '../../../../src-server/db/incident-reports';

let dir: string;
let handle: DbHandle;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-incident-reports-'));
  handle = openSqlite(join(dir, 'db.sqlite'));
  await migrate(handle.db, 'sqlite', 0);
});
afterEach(async () => {
  await handle.close();
  await rm(dir, { recursive: true, force: true });
});

const KEY = '["streaming","ev-7"]';

describe('incident reports', () => {
  it('counts a ticket once per key while its report is in the window, and again once that report has left it', async () => {
    const db = handle.db;
    expect(await recordReport(db, { ticketId: 1, key: KEY, at: 100 }, 100 - 50)).toBe(true);
    expect(await recordReport(db, { ticketId: 1, key: KEY, at: 120 }, 120 - 50)).toBe(false);
    expect(await recordReport(db, { ticketId: 1, key: '["streaming",null]', at: 120 }, 120 - 50)).toBe(true);
    expect(await recordReport(db, { ticketId: 1, key: KEY, at: 150 }, 150 - 50)).toBe(true);
    expect(await newestReports(db, KEY, { after: 0, exceptTicketId: 0, limit: 10 })).toEqual([{ ticketId: 1, at: 150 }]);
  });

  it('reads the newest reports of a key inside the window, oldest first, without the reporting ticket', async () => {
    const db = handle.db;
    for (const [ticketId, at] of [[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]] as const) await recordReport(db, { ticketId, key: KEY, at }, at - 100);
    await recordReport(db, { ticketId: 6, key: '["platform_access","ev-7"]', at: 45 }, 0);
    expect(await newestReports(db, KEY, { after: 10, exceptTicketId: 5, limit: 2 })).toEqual([{ ticketId: 3, at: 30 }, { ticketId: 4, at: 40 }]);
    expect(await newestReports(db, KEY, { after: 10, exceptTicketId: 5, limit: 9 })).toEqual([{ ticketId: 2, at: 20 }, { ticketId: 3, at: 30 }, { ticketId: 4, at: 40 }]);
  });

  it('saves a judgement only over the state it was made from, so one of two racing judgements raises the alert', async () => {
    const db = handle.db;
    expect(await saveKeyState(db, KEY, null, { open: false, latestAt: 10 })).toBe(true);
    expect(await saveKeyState(db, KEY, null, { open: true, latestAt: 11 })).toBe(false);
    const read = await getKeyState(db, KEY);
    expect(read).toEqual({ open: false, latestAt: 10, version: 1 });
    // Two transactions judged from version 1 and both decided to open the incident: only the first one saves.
    expect(await saveKeyState(db, KEY, 1, { open: true, latestAt: 20 })).toBe(true);
    expect(await saveKeyState(db, KEY, 1, { open: true, latestAt: 21 })).toBe(false);
    expect(await getKeyState(db, KEY)).toEqual({ open: true, latestAt: 20, version: 2 });
  });

  it('prunes reports and key states at or before the given instant', async () => {
    const db = handle.db;
    await recordReport(db, { ticketId: 1, key: KEY, at: 10 }, 0);
    await recordReport(db, { ticketId: 2, key: KEY, at: 30 }, 0);
    await saveKeyState(db, KEY, null, { open: false, latestAt: 30 });
    await saveKeyState(db, '["streaming",null]', null, { open: true, latestAt: 10 });
    await pruneReports(db, 10);
    expect(await newestReports(db, KEY, { after: 0, exceptTicketId: 0, limit: 10 })).toEqual([{ ticketId: 2, at: 30 }]);
    expect(await getKeyState(db, KEY)).not.toBeNull();
    expect(await getKeyState(db, '["streaming",null]')).toBeNull();
  });
});
