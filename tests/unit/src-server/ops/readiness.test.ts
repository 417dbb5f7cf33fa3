import { describe, expect, it } from 'vitest';
import { Readiness, notReadyReasons } from '../../../../src-server/ops/readiness';

const good = { started: true, draining: false, schemaVersion: 7, latestVersion: 7, redisReady: null };

describe('notReadyReasons', () => {
  it('is empty for a started, migrated node without Redis', () => {
    expect(notReadyReasons(good)).toEqual([]);
  });
  it('names every part that is not ready', () => {
    expect(notReadyReasons({ started: false, draining: true, schemaVersion: null, latestVersion: 7, redisReady: false }).map((r) => r.check)).toEqual(['starting', 'draining', 'database', 'redis']);
    expect(notReadyReasons({ ...good, schemaVersion: 6 }).map((r) => r.check)).toEqual(['migrations']);
  });
});

describe('Readiness', () => {
  it('shares one database probe among concurrent checks', async () => {
    let probes = 0;
    const r = new Readiness({ schemaVersion: async () => (probes++, 7), latestVersion: 7, redisReady: () => null });
    r.markStarted();
    expect(await Promise.all([r.check(), r.check(), r.check()])).toEqual([[], [], []]);
    expect(probes).toBe(1);
  });
  it('answers "database" when the probe hangs, and starts no second query while the first is still out', async () => {
    let probes = 0;
    const r = new Readiness({ schemaVersion: () => (probes++, new Promise<number>(() => undefined)), latestVersion: 7, redisReady: () => true, probeTimeoutMs: 20 });
    r.markStarted();
    expect((await r.check()).map((x) => x.check)).toEqual(['database']);
    expect((await r.check()).map((x) => x.check)).toEqual(['database']);
    expect(probes).toBe(1);
  });
});
