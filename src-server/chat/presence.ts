// Which specialists are connected right now (in memory, per server process) and their grace timers after a disconnect.
import type { Clock, TimerHandle } from '../clock';

interface Entry {
  sockets: number;
  grace: TimerHandle | null;
}

export class PresenceRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  /** Returns true when this is the specialist's first socket (they came back or arrived). */
  connect(specialistId: string): boolean {
    const e = this.entries.get(specialistId) ?? { sockets: 0, grace: null };
    e.grace?.cancel();
    e.grace = null;
    e.sockets += 1;
    this.entries.set(specialistId, e);
    return e.sockets === 1;
  }

  /** On the last socket's disconnect, runs `onGraceExpired` after `graceMs` unless they reconnect first; true when it was the last. */
  disconnect(specialistId: string, graceMs: number, onGraceExpired: () => void): boolean {
    const e = this.entries.get(specialistId);
    if (!e) return false;
    e.sockets = Math.max(0, e.sockets - 1);
    if (e.sockets > 0) return false;
    e.grace?.cancel();
    e.grace = this.clock.setTimer(graceMs, () => {
      const now = this.entries.get(specialistId);
      if (!now || now.sockets > 0) return;
      this.entries.delete(specialistId);
      onGraceExpired();
    });
    return true;
  }

  isConnected(specialistId: string): boolean {
    return (this.entries.get(specialistId)?.sockets ?? 0) > 0;
  }

  connectedIds(): string[] {
    return [...this.entries].filter(([, e]) => e.sockets > 0).map(([id]) => id);
  }

  clear(): void {
    for (const e of this.entries.values()) e.grace?.cancel();
    this.entries.clear();
  }
}
