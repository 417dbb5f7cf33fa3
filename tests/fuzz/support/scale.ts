// How long and with which seed: the short run (inside `npm test`, fixed seed) or the long one (`npm run fuzz`).
// Read once here; FUZZ_SEED replays any run (the seed is printed with the counts), FUZZ_RUNS sets cases per property.
export interface FuzzScale {
  name: 'short' | 'long';
  seed: number;
  /** Cases per socket property (valid-shaped, mutated); the HTTP properties run the same number. */
  runs: number;
  /** How long an emit with an ack may wait for its answer before it counts as unanswered. */
  ackTimeoutMs: number;
  /** A run stops early after this many unanswered acks (each costs `ackTimeoutMs`). */
  maxUnanswered: number;
}

const SHORT_SEED = 20261130;

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}

const long = process.env.FUZZ_SCALE === 'long';

export const scale: FuzzScale = {
  name: long ? 'long' : 'short',
  // The short run is the same every time (CI must not flake on a new seed); the long one explores.
  seed: intFromEnv('FUZZ_SEED', long ? Date.now() % 2 ** 31 : SHORT_SEED),
  runs: intFromEnv('FUZZ_RUNS', long ? 20_000 : 1_000),
  ackTimeoutMs: intFromEnv('FUZZ_ACK_TIMEOUT_MS', 5_000),
  maxUnanswered: long ? 50 : 10,
};
