// What a fuzz run sent and got back, and every failure grouped by kind with its smallest example, for the printout.
export interface Failure {
  /** Groups failures: e.g. "agent:ticket:update unanswered" or "POST /api/auth/login 500". */
  signature: string;
  /** What to send to see it again (already serialisable; shown shortened when large). */
  example: unknown;
  detail?: string;
}

interface Group {
  count: number;
  example: unknown;
  exampleSize: number;
  detail?: string;
}

export class Tally {
  readonly sent = new Map<string, number>();
  readonly answers = new Map<string, number>();
  private readonly latency = new Map<string, { n: number; totalMs: number; maxMs: number }>();
  private readonly failures = new Map<string, Group>();

  /** `groupOf` names the summary line a sent kind counts in (its form, say), printed before the details. */
  constructor(
    readonly title: string,
    private readonly groupOf: (kind: string) => string = (kind) => kind.split(':').slice(0, 2).join(':'),
  ) {}

  countSent(kind: string): void {
    this.sent.set(kind, (this.sent.get(kind) ?? 0) + 1);
  }

  countAnswer(code: string): void {
    this.answers.set(code, (this.answers.get(code) ?? 0) + 1);
  }

  /** How long an answer took, per event or route: a slowdown that grows with the run shows here first. */
  countLatency(kind: string, ms: number): void {
    const l = this.latency.get(kind) ?? { n: 0, totalMs: 0, maxMs: 0 };
    l.n += 1;
    l.totalMs += ms;
    l.maxMs = Math.max(l.maxMs, ms);
    this.latency.set(kind, l);
  }

  fail(f: Failure): void {
    const size = sizeOf(f.example);
    const g = this.failures.get(f.signature);
    if (!g) this.failures.set(f.signature, { count: 1, example: f.example, exampleSize: size, detail: f.detail });
    else {
      g.count += 1;
      // Keep the smallest example of each kind: the closest thing to a minimal reproduction.
      if (size < g.exampleSize) Object.assign(g, { example: f.example, exampleSize: size, detail: f.detail });
    }
  }

  get failureCount(): number {
    let n = 0;
    for (const g of this.failures.values()) n += g.count;
    return n;
  }

  failureSignatures(): string[] {
    return [...this.failures.keys()];
  }

  get total(): number {
    let n = 0;
    for (const v of this.sent.values()) n += v;
    return n;
  }

  report(extra: Record<string, unknown> = {}): string {
    const lines = [`── ${this.title} ──`];
    for (const [k, v] of Object.entries(extra)) lines.push(`${k}: ${String(v)}`);
    const groups = new Map<string, number>();
    for (const [k, v] of this.sent) groups.set(this.groupOf(k), (groups.get(this.groupOf(k)) ?? 0) + v);
    lines.push(`sent ${this.total}, by kind:`);
    for (const [k, v] of [...groups].sort()) lines.push(`  ${k.padEnd(48)} ${v}`);
    lines.push('sent, in detail:');
    for (const [k, v] of [...this.sent].sort()) lines.push(`  ${k.padEnd(60)} ${v}`);
    lines.push('answers:');
    for (const [k, v] of [...this.answers].sort((a, b) => b[1] - a[1])) lines.push(`  ${k.padEnd(48)} ${v}`);
    const slowest = [...this.latency].sort((a, b) => b[1].totalMs / b[1].n - a[1].totalMs / a[1].n).slice(0, 5);
    if (slowest.length > 0) lines.push('slowest answers (mean / max ms):');
    for (const [k, l] of slowest) lines.push(`  ${k.padEnd(48)} ${(l.totalMs / l.n).toFixed(1)} / ${l.maxMs.toFixed(0)}`);
    lines.push(`failures: ${this.failureCount}`);
    for (const [sig, g] of this.failures) {
      lines.push(`  ✗ ${sig} ×${g.count}${g.detail ? ` — ${g.detail}` : ''}`);
      lines.push(`    smallest example (${g.exampleSize} bytes): ${shorten(g.example)}`);
    }
    return lines.join('\n');
  }
}

function sizeOf(v: unknown): number {
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

/** JSON with long strings and arrays summarised, so a 600 kB example prints as one line that still says what it was. */
export function shorten(v: unknown, maxChars = 1_000): string {
  let out: string | undefined;
  try {
    out = JSON.stringify(v, (_k, x: unknown) => {
      if (typeof x === 'string' && x.length > 300) return `${x.slice(0, 200)}…(${x.length} chars)`;
      if (Array.isArray(x) && x.length > 20) return [...x.slice(0, 5), `…(${x.length} items)`];
      // Buffers reach the replacer already as { type: 'Buffer', data: [...] } (toJSON runs first).
      if (typeof x === 'object' && x !== null && (x as { type?: string }).type === 'Buffer') return `<${(x as { data?: unknown[] }).data?.length ?? '?'} bytes>`;
      return x;
    });
  } catch (e) {
    out = `<unserialisable: ${(e as Error).message}>`;
  }
  if (out === undefined) return 'undefined';
  return out.length > maxChars ? `${out.slice(0, maxChars)}…` : out;
}
