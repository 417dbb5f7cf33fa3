import { describe, expect, it } from 'vitest';
import { Readiness, degradedParts, notReadyReasons } from '../../../../src-server/ops/readiness';

const good = { started: true, draining: false, schemaVersion: 7, latestVersion: 7, redisReady: null };

describe('notReadyReasons', () => {
  it('is empty for a started, migrated node without Redis', () => {
    expect(notReadyReasons(good)).toEqual([]);
  });
  it('names every part that is not ready', () => {
    expect(notReadyReasons({ started: false, draining: true, schemaVersion: null, latestVersion: 7, redisReady: false }).map((r) => r.check)).toEqual(['starting', 'draining', 'database']);
    expect(notReadyReasons({ ...good, schemaVersion: 6 }).map((r) => r.check)).toEqual(['migrations']);
  });
  it('keeps a node with Redis down ready (its own sockets are still served right)', () => {
    expect(notReadyReasons({ ...good, redisReady: false })).toEqual([]);
  });
});

describe('degradedParts', () => {
  it('names Redis while its connection is down, and nothing when it is up or not configured', () => {
    expect(degradedParts({ redisReady: false }).map((d) => d.check)).toEqual(['redis']);
    expect(degradedParts({ redisReady: true })).toEqual([]);
    expect(degradedParts({ redisReady: null })).toEqual([]);
  });
});

describe('Readiness', () => {
  it('shares one database probe among concurrent checks', async () => {
    let probes = 0;
    const r = new Readiness({ schemaVersion: async () => (probes++, 7), latestVersion: 7, redisReady: () => null });
    r.markStarted();
    const none = { notReady: [], degraded: [] };
    expect(await Promise.all([r.check(), r.check(), r.check()])).toEqual([none, none, none]);
    expect(probes).toBe(1);
  });
  it('answers "database" when the probe hangs, and starts no second query while the first is still out', async () => {
    let probes = 0;
    const r = new Readiness({ schemaVersion: () => (probes++, new Promise<number>(() => undefined)), latestVersion: 7, redisReady: () => true, probeTimeoutMs: 20 });
    r.markStarted();
    expect((await r.check()).notReady.map((x) => x.check)).toEqual(['database']);
    expect((await r.check()).notReady.map((x) => x.check)).toEqual(['database']);
    expect(probes).toBe(1);
  });
  it('reports Redis down as degraded, not as a reason to take the node out', async () => {
    let redisUp = true;
    const r = new Readiness({ schemaVersion: async () => 7, latestVersion: 7, redisReady: () => redisUp });
    r.markStarted();
    expect(await r.check()).toEqual({ notReady: [], degraded: [] });
    redisUp = false;
    const report = await r.check();
    expect(report.notReady).toEqual([]);
    expect(report.degraded.map((d) => d.check)).toEqual(['redis']);
  });
});
