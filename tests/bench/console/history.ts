// History benchmark: applying ticket.audit / incident.updated envelopes to the cache (the catch-up path) vs
// a raw INSERT of the same rows into the same table, and reading one ticket's trail offline.
// Scale with BENCH_AUDIT (default 200,000 entries over 20,000 tickets).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCache } from '../../../src-main/core/cache/open-cache';
import { applyEnvelopes } from '../../../src-main/core/sync/apply-events';
import { auditKey } from '../../../src-main/core/cache/ticket-audit';
import type { EventEnvelope } from '../../../src-shared/events';
import type { TicketAuditEntry } from '../../../src-shared/ticket';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function runHistoryBench(): Promise<void> {
  const count = Number(process.env.BENCH_AUDIT ?? 200_000);
  const tickets = Math.max(1, Math.floor(count / 10));
  const entries: TicketAuditEntry[] = Array.from({ length: count }, (_, i) => ({
    ticketId: (i % tickets) + 1,
    at: 1_700_000_000_000 + i,
    actorKind: 'specialist',
    actorId: 'a1b2c3d4-0000-4000-8000-000000000001',
    field: i % 2 ? 'status' : 'subject',
    from: `v${i}`,
    to: `v${i + 1}`,
  }));
  const dir = mkdtempSync(join(tmpdir(), 'bench-history-'));
  try {
    const cache = openCache(join(dir, 'sync.db'));
    const envelopes = entries.map((payload, i) => ({ seq: i + 1, at: payload.at, type: 'ticket.audit', payload }) as EventEnvelope);
    let t = performance.now();
    for (let i = 0; i < envelopes.length; i += 5000) applyEnvelopes(cache, envelopes.slice(i, i + 5000), { collectTriggers: false });
    const applySeconds = (performance.now() - t) / 1000;

    const raw = openCache(join(dir, 'raw.db'));
    const insert = raw.db.prepare('INSERT INTO ticket_audit (key, ticket_id, at, data) VALUES (?, ?, ?, ?)');
    t = performance.now();
    for (let i = 0; i < entries.length; i += 5000) {
      raw.transaction(() => {
        for (const e of entries.slice(i, i + 5000)) insert.run(auditKey(e), e.ticketId, e.at, JSON.stringify(e));
      });
    }
    const rawSeconds = (performance.now() - t) / 1000;
    raw.close();

    const reads: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      cache.ticketAudit.list((i * 97) % tickets + 1);
      reads.push(performance.now() - start);
    }
    reads.sort((a, b) => a - b);
    console.log(`  audit events applied: ${fmt(count)} in ${applySeconds.toFixed(2)} s = ${fmt(count / applySeconds)} /s`);
    console.log(`  raw insert baseline:  ${fmt(count)} in ${rawSeconds.toFixed(2)} s = ${fmt(count / rawSeconds)} /s (apply = ${(rawSeconds / applySeconds).toFixed(2)}x of raw)`);
    console.log(`  one ticket's trail offline (${count / tickets} entries): p50 ${reads[100]!.toFixed(3)} ms, p95 ${reads[190]!.toFixed(3)} ms`);
    cache.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
