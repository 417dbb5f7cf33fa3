// How much traffic and how long the outages: FAULTS_SCALE=full (`npm run faults`) is the bar (≥ 10,000
// messages, Redis down 30 s, SMTP down a minute); the short form (in `npm test`) runs every fault once, smaller.
export interface FaultScale {
  name: 'short' | 'full';
  visitors: number;
  specialists: number;
  /** Messages each visitor writes; each gets one reply, so the total is about 2 × visitors × this. */
  messagesPerVisitor: number;
  /** Pause between two messages a visitor writes (they queue in its outbox while it is cut off). */
  writeEveryMs: number;
  /** Tickets waiting for the customer whose reminders fall due while the faults go on. */
  remindedTickets: number;
  redisDownMs: number;
  smtpDownMs: number;
}

const SHORT: FaultScale = {
  name: 'short',
  visitors: 12,
  specialists: 4,
  messagesPerVisitor: 45,
  writeEveryMs: 450,
  remindedTickets: 6,
  redisDownMs: 8_000,
  smtpDownMs: 10_000,
};

const FULL: FaultScale = {
  name: 'full',
  visitors: 24,
  specialists: 6,
  messagesPerVisitor: 210,
  // ~80 messages/s with the replies: what three nodes, PostgreSQL, Redis and 30 clients sustain together on a
  // 2-core machine with room for the faults (at saturation every queue grows and the run measures overload).
  writeEveryMs: 600,
  remindedTickets: 12,
  redisDownMs: 30_000,
  smtpDownMs: 60_000,
};

export const scale: FaultScale = process.env.FAULTS_SCALE === 'full' ? FULL : SHORT;
