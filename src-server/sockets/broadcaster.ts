// Pushes committed events and ephemeral signals to the socket rooms allowed to see them.
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
type LooseNamespace = Pick<Namespace, 'to' | 'emit'>;

export function socketBroadcaster(visitors: LooseNamespace, agents: LooseNamespace): Broadcaster {
  const agentTargets = (departmentId: string | null, specialistId: string | null) => {
    if (departmentId === null) return agents;
    let op = agents.to(rooms.department(departmentId)).to(rooms.allAgents);
    if (specialistId) op = op.to(rooms.specialist(specialistId));
    return op;
  };
  return {
    publish(events) {
      // In seq order, whatever order a command collected them in: clients skip any seq at or below their cursor.
      for (const { envelope, scope } of [...events].sort((a, b) => a.envelope.seq - b.envelope.seq)) {
        agentTargets(scope.departmentId, scope.specialistId).emit('event', envelope);
        if (scope.visitorVisible) (scope.conversationId ? visitors.to(rooms.conversation(scope.conversationId)) : visitors).emit('event', envelope);
      }
    },
    queuePosition(conversationId, position) {
      visitors.to(rooms.conversation(conversationId)).emit('queue:position', { conversationId, position });
    },
    queueStats(stats) {
      agents.emit('queue:stats', stats);
    },
    availability(list) {
      visitors.emit('availability', list);
    },
    typingToVisitor(conversationId, displayName, typing, ttlMs) {
      visitors.to(rooms.conversation(conversationId)).emit('typing', { conversationId, displayName, typing, ttlMs });
    },
    typingToAgents(t) {
      agentTargets(t.departmentId, t.specialistId).emit('typing', { conversationId: t.conversationId, typing: t.typing, ttlMs: t.ttlMs });
    },
    notice(n) {
      visitors.emit('notice', n);
    },
    incidentAlert(a) {
      agents.to(rooms.allAgents).emit('incident:alert', a);
    },
  };
}
