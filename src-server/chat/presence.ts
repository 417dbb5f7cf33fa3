// Which specialists are connected to this server process right now (in memory), and so who can take chats. What
// happens when they stay away — the grace period, then their chats back to the queue — is decided in the database
// (chat-deadlines.ts).
import type { Specialist } from '../../src-shared/specialist';

export class PresenceRegistry {
  private readonly sockets = new Map<string, number>();

  /** Returns true when this is the specialist's first socket (they came back or arrived). */
  connect(specialistId: string): boolean {
    const n = (this.sockets.get(specialistId) ?? 0) + 1;
    this.sockets.set(specialistId, n);
    return n === 1;
  }

  /** True when this was their last socket on this process. */
  disconnect(specialistId: string): boolean {
    const n = this.sockets.get(specialistId);
    if (n === undefined) return false;
    if (n > 1) {
      this.sockets.set(specialistId, n - 1);
      return false;
    }
    this.sockets.delete(specialistId);
    return true;
  }

  isConnected(specialistId: string): boolean {
    return (this.sockets.get(specialistId) ?? 0) > 0;
  }

  /** Active, online and connected: to this node (in memory) or to another one (a live presence lease in the database). */
  isRoutable(s: Specialist, leased: ReadonlySet<string>): boolean {
    return s.active && s.status === 'online' && (this.isConnected(s.id) || leased.has(s.id));
  }

  connectedIds(): string[] {
    return [...this.sockets.keys()];
  }

  clear(): void {
    this.sockets.clear();
  }
}
