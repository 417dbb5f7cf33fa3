// The /agent namespace: token auth at connect, presence, chats, drop boxes, tickets, administration and events:since
// scoped to the caller.
import type { Namespace, Socket } from 'socket.io';
import { ok } from '../../src-shared/result';
import { agentInbound, type AgentClientToServerEvents, type AgentServerToClientEvents, type AgentSocketData, type InterServerEvents } from '../../src-shared/protocol/agent';
import type { AgentActor, ServerContext } from '../context';
import type { ChatService } from '../chat/chat-service';
import type { TicketService } from '../tickets/ticket-service';
import type { NoticeService } from '../notices/notice-service';
import type { IncidentService } from '../incidents/incident-service';
import { dashboardStats } from '../stats/stats-service';
import { actorFromToken } from '../auth/account-service';
import { eventsForAgent } from '../db/events';
import { listSpecialists } from '../db/specialists';
import { bindEvents } from './handler';
import { rooms } from './broadcaster';
import { HandshakeError } from './handshake-error';
import type { AdminDeps } from '../admin/admin-deps';
import { adminOverview } from '../admin/admin-overview';
import { createDepartment, reorderDepartments, updateDepartment } from '../admin/department-admin';
import { createSpecialistAccount, resetPassword, updateSpecialist } from '../admin/specialist-admin';
import { deleteCanned, listCannedFor, saveCanned } from '../admin/canned-responses';
import type { InboundProcessor } from '../inbound/inbound-processor';
import { getInbound, listInbound, ticketMail } from '../inbound/inbound-view';
import { retryInbound } from '../inbound/inbound-retry';
import type { HelpAuthoring } from '../help/help-authoring';
import { suggestForAgent } from '../help/help-suggest';

export type AgentNamespace = Namespace<AgentClientToServerEvents, AgentServerToClientEvents, InterServerEvents, AgentSocketData>;
type AgentSocket = Socket<AgentClientToServerEvents, AgentServerToClientEvents, InterServerEvents, AgentSocketData>;

/**
 * Closes every socket of the specialist, on every node (through the adapter): deactivated, signed out, or its scope
 * changed (the console reconnects, and its token's account is re-read at connect). Deferred a turn, so the answer to
 * the command that caused it reaches the caller first, even when the caller is that specialist.
 */
export function signOutSpecialist(nsp: AgentNamespace, specialistId: string): void {
  setImmediate(() => nsp.in(rooms.specialist(specialistId)).disconnectSockets(true));
}

export interface AgentServices {
  chat: ChatService;
  tickets: TicketService;
  notices: NoticeService;
  incidents: IncidentService;
  admin: AdminDeps;
  inbound: InboundProcessor;
  help: HelpAuthoring;
}

export interface AgentNamespaceHooks {
  /**
   * Closes this node's sockets whose account changed since they connected — deactivated, or its name, role or
   * departments changed — when the change came from where no live effect reaches (the command line).
   */
  closeStaleSockets(): Promise<void>;
}

/** Whether the account as it is now still matches what the socket was authorised as. */
const stillSame = (a: AgentActor, s: { active: boolean; role: string; displayName: string; departmentIds: readonly string[] }): boolean =>
  s.active && s.role === a.role && s.displayName === a.displayName && [...s.departmentIds].sort().join() === [...a.departmentIds].sort().join();

export function attachAgentNamespace(nsp: AgentNamespace, ctx: ServerContext, services: AgentServices): AgentNamespaceHooks {
  const { chat, tickets, notices, incidents, admin, inbound, help } = services;
  const actors = new WeakMap<AgentSocket, AgentActor>();

  nsp.use((socket, next) => {
    const token = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    actorFromToken(ctx, token).then(
      (res) => {
        if (!res.ok) return next(new HandshakeError(res.error.code, res.error));
        actors.set(socket, res.value);
        socket.data.specialistId = res.value.specialistId;
        socket.data.role = res.value.role;
        next();
      },
      (e: unknown) => {
        ctx.log.error({ err: e }, 'agent auth failed');
        next(new HandshakeError('internal', { code: 'internal', message: 'Authentication failed.' }));
      },
    );
  });

  nsp.on('connection', (socket: AgentSocket) => {
    const actor = actors.get(socket);
    if (!actor) {
      socket.disconnect(true);
      return;
    }
    const log = ctx.log.child({ ns: 'agent', specialistId: actor.specialistId });
    void socket.join(rooms.specialist(actor.specialistId));
    if (actor.role === 'agent') for (const d of actor.departmentIds) void socket.join(rooms.department(d));
    else void socket.join(rooms.allAgents);

    const connected = chat.specialistConnected(actor).catch((e) => log.error({ err: e }, 'connect bookkeeping failed'));
    void chat.queueStats().then(
      (stats) => socket.emit('queue:stats', stats),
      (e: unknown) => log.error({ err: e }, 'queue stats failed'),
    );
    socket.on('disconnect', () => {
      void connected.then(() => chat.specialistDisconnected(actor)).catch((e) => log.error({ err: e }, 'disconnect bookkeeping failed'));
    });

    bindEvents(
      socket,
      agentInbound,
      {
        'status:set': ({ status }) => chat.setStatus(actor, status),
        'snapshot:get': () => chat.snapshot(actor),
        'events:since': async ({ since, limit }) =>
          ok(await eventsForAgent(ctx.db, { all: actor.role !== 'agent', departmentIds: actor.departmentIds, specialistId: actor.specialistId }, since, limit)),
        'chat:accept': (input) => chat.accept(actor, input),
        'chat:accept-next': (input) => chat.acceptNext(actor, input),
        'message:send': (input) => chat.agentSend(actor, input),
        typing: (input) => chat.agentTyping(actor, input),
        'chat:transfer': (input) => chat.transfer(actor, input),
        'chat:end': (input) => chat.end(actor, input),
        'dropbox:insert': (input) => chat.insertDropBox(actor, input),
        'tickets:list': (input) => tickets.list(actor, input),
        'ticket:get': ({ ticketId }) => tickets.get(actor, ticketId),
        'ticket:update': (input) => tickets.update(actor, input),
        'ticket:comment': (input) => tickets.comment(actor, input),
        'ticket:escalate': (input) => tickets.escalate(actor, input),
        'notice:set': (input) => notices.set(actor, input),
        'incident:create': (input) => incidents.create(actor, input),
        'incident:link': (input) => incidents.linkTickets(actor, input),
        'incident:resolve': (input) => incidents.resolve(actor, input),
        'incidents:list': (input) => incidents.list(actor, input),
        'stats:get': () => dashboardStats(ctx, actor),
        'canned:list': async () => ok(await listCannedFor(ctx.db, actor)),
        'admin:get': () => adminOverview(ctx.db, actor),
        'department:create': (input) => createDepartment(admin, actor, input),
        'department:update': (input) => updateDepartment(admin, actor, input),
        'department:reorder': (input) => reorderDepartments(admin, actor, input),
        'specialist:create': (input) => createSpecialistAccount(admin, actor, input),
        'specialist:update': (input) => updateSpecialist(admin, actor, input),
        'specialist:reset-password': (input) => resetPassword(admin, actor, input),
        'canned:save': (input) => saveCanned(admin, actor, input),
        'canned:delete': (input) => deleteCanned(admin, actor, input),
        'ticket:mail': ({ ticketId }) => ticketMail(ctx, actor, ticketId),
        'inbound:list': (input) => listInbound(ctx, actor, input),
        'inbound:get': ({ inboundId }) => getInbound(ctx, actor, inboundId),
        'inbound:retry': (input) => retryInbound(ctx, inbound, actor, input),
        'incident:update': (input) => incidents.postUpdate(actor, input),
        'help:tree': () => help.tree(actor),
        'help:section:save': (input) => help.saveSection(actor, input),
        'help:article:get': (input) => help.getArticle(actor, input),
        'help:article:create': (input) => help.createArticle(actor, input),
        'help:article:save': (input) => help.saveArticle(actor, input),
        'help:article:publish': (input) => help.publish(actor, input),
        'help:article:unpublish': (input) => help.unpublish(actor, input),
        'help:suggest': (input) => suggestForAgent(ctx, actor, input),
      },
      { log, optionalAck: ['typing'], now: () => ctx.clock.now() },
    );
  });

  return {
    async closeStaleSockets() {
      if (nsp.sockets.size === 0) return;
      const accounts = new Map((await listSpecialists(ctx.db)).map((s) => [s.id, s]));
      for (const socket of nsp.sockets.values()) {
        const actor = actors.get(socket);
        const account = actor && accounts.get(actor.specialistId);
        if (actor && (!account || !stillSame(actor, account))) socket.disconnect(true);
      }
    },
  };
}
