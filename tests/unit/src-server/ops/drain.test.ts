import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { drainNode } from '../../../../src-server/ops/drain';

const log = pino({ level: 'silent' });

describe('drainNode', () => {
  it('marks not ready at once and stops only after the delay', async () => {
    const steps: string[] = [];
    const startedAt = performance.now();
    const done = drainNode({ markNotReady: () => steps.push('not ready'), stop: async () => void steps.push(`stop after ${Math.round(performance.now() - startedAt) >= 45 ? 'delay' : 'no delay'}`) }, { delayMs: 50, timeoutMs: 1000, log });
    expect(steps).toEqual(['not ready']);
    expect(await done).toBe('drained');
    expect(steps).toEqual(['not ready', 'stop after delay']);
  });
  it('gives up at the timeout when stopping hangs', async () => {
    const startedAt = performance.now();
    expect(await drainNode({ markNotReady: () => undefined, stop: () => new Promise<void>(() => undefined) }, { delayMs: 0, timeoutMs: 50, log })).toBe('timed_out');
    expect(performance.now() - startedAt).toBeLessThan(1000);
  });
});
