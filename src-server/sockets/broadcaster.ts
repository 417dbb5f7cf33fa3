// Pushes committed events and ephemeral signals to the socket rooms allowed to see them; while the Redis link is down,
// to this node's own sockets only.
import type { Namespace } from 'socket.io';
import type { Availability } from '../../src-shared/department';
import type { SystemNotice } from '../../src-shared/notice';
import type { IncidentAlert } from '../../src-shared/protocol/agent';
import type { LoggedEvent } from '../db/events';

export interface QueueStat {
  departmentId: string;
  waiting: number;
  longestWaitSince: number | null;
}

export interface Broadcaster {
  publish(events: readonly LoggedEvent[]): void;
  queuePosition(conversationId: string, position: number): void;
  queueStats(stats: QueueStat[]): void;
  availability(list: Availability[]): void;
  typingToVisitor(conversationId: string, displayName: string, typing: boolean, ttlMs: number): void;
  typingToAgents(t: { conversationId: string; departmentId: string; specialistId: string | null; typing: boolean; ttlMs: number }): void;
  notice(n: SystemNotice | null): void;
  incidentAlert(a: IncidentAlert): void;
}

/** Room names, in one place: a visitor joins its conversation; specialists join their departments, leads/admins join all. */
export const rooms = {
  conversation: (id: string) => `conv:${id}`,
  department: (id: string) => `dept:${id}`,
  specialist: (id: string) => `spec:${id}`,
  allAgents: 'agents:all',
} as const;

// The namespaces are loosely typed here: the typed maps live in the namespace modules; emitting is checked there.
type LooseNamespace = Pick<Namespace, 'to' | 'emit' | 'local'>;
type Emitter = Pick<LooseNamespace, 'to' | 'emit'>;

/**
 * `relayUp`: whether the Redis adapter can relay to the other nodes (absent: a single node). While it cannot, emits
 * skip the adapter: socket.io's cluster adapter delivers to local sockets only after Redis took the message, and
 * node-redis queues commands while disconnected, so this node's own sockets would get nothing live until Redis came
 * back. Skipped events are in the log; other nodes' clients read them after the `log:head` (sockets/log-head.ts).
 */
export function socketBroadcaster(visitorNsp: LooseNamespace, agentNsp: LooseNamespace, relayUp?: () => boolean): Broadcaster {
  const local = () => relayUp !== undefined && !relayUp();
  // Decided per emit: the link can go and come back at any moment.
  const visitorsNow = (): Emitter => (local() ? visitorNsp.local : visitorNsp);
  const agentsNow = (): Emitter => (local() ? agentNsp.local : agentNsp);
  const agentTargets = (departmentId: string | null, specialistId: string | null) => {
    const agents = agentsNow();
    if (departmentId === null) return agents;
    let op = agents.to(rooms.department(departmentId)).to(rooms.allAgents);
    if (specialistId) op = op.to(rooms.specialist(specialistId));
    return op;
  };
  return {
    publish(events) {
      // In seq order, whatever order a command collected them in: clients skip any seq at or below their cursor.
      const visitors = visitorsNow();
      for (const { envelope, scope } of [...events].sort((a, b) => a.envelope.seq - b.envelope.seq)) {
        agentTargets(scope.departmentId, scope.specialistId).emit('event', envelope);
        if (scope.visitorVisible) (scope.conversationId ? visitors.to(rooms.conversation(scope.conversationId)) : visitors).emit('event', envelope);
      }
    },
    queuePosition(conversationId, position) {
      visitorsNow().to(rooms.conversation(conversationId)).emit('queue:position', { conversationId, position });
    },
    queueStats(stats) {
      agentsNow().emit('queue:stats', stats);
    },
    availability(list) {
      visitorsNow().emit('availability', list);
    },
    typingToVisitor(conversationId, displayName, typing, ttlMs) {
      visitorsNow().to(rooms.conversation(conversationId)).emit('typing', { conversationId, displayName, typing, ttlMs });
    },
    typingToAgents(t) {
      agentTargets(t.departmentId, t.specialistId).emit('typing', { conversationId: t.conversationId, typing: t.typing, ttlMs: t.ttlMs });
    },
    notice(n) {
      visitorsNow().emit('notice', n);
    },
    incidentAlert(a) {
      agentsNow().to(rooms.allAgents).emit('incident:alert', a);
    },
  };
}
