// Wire contract of the `/agent` socket.io namespace (console main process ↔ support server).
// Every inbound event carries a validated payload and answers with a Result ack.
import { z } from 'zod';
import type { Ack } from '../result';
import {
  clientIdSchema,
  conversationIdSchema,
  departmentIdSchema,
  specialistIdSchema,
  ticketIdSchema,
} from '../ids';
import { messageBodySchema, type Message } from '../message';
import type { Conversation } from '../conversation';
import type { DropBox } from '../drop-box';
import { presenceSchema, type Specialist } from '../specialist';
import type { Department } from '../department';
import { ticketFilterSchema, ticketPatchSchema, type Ticket, type TicketAuditEntry, type TicketComment } from '../ticket';
import { incidentIdSchema, incidentStateSchema, type Incident } from '../incident';
import type { DashboardStats } from '../stats';
import { issueCategorySchema, type IssueCategory } from '../issue-category';
import { eventsSinceInputSchema, type EventsPage, type EventEnvelope } from '../events';
import { attachmentIdSchema } from '../ids';
import { systemNoticeSchema, type SystemNotice } from '../notice';
import type { LogHead } from './log-head';
import { departmentCreateSchema, departmentPatchSchema } from '../department';
import { cannedDraftSchema, type CannedResponse } from '../canned-response';
import { specialistCreateSchema, specialistPatchSchema, type AdminOverview, type PasswordReset, type SpecialistCreated } from '../admin';
import { inboundMailStatusSchema, type InboundMailDetail, type InboundMailSummary } from '../inbound-mail';
import {
  helpArticleDraftSchema,
  helpArticleIdSchema,
  helpSectionDraftSchema,
  helpSectionIdSchema,
  helpSlugSchema,
  type HelpArticleDetail,
  type HelpSearchHit,
  type HelpSection,
  type HelpTree,
} from '../help-center';
import { helpQuerySchema } from './help';

export const AGENT_NAMESPACE = '/agent';

export const transferTargetSchema = z.union([
  z.object({ specialistId: specialistIdSchema }),
  z.object({ departmentId: departmentIdSchema }),
]);

export const agentInbound = {
  'status:set': z.object({ status: presenceSchema }),
  'snapshot:get': z.object({}),
  'events:since': eventsSinceInputSchema,
  'chat:accept': z.object({ clientId: clientIdSchema, conversationId: conversationIdSchema }),
  'chat:accept-next': z.object({ clientId: clientIdSchema, departmentId: departmentIdSchema.optional() }),
  'message:send': z.object({
    clientId: clientIdSchema,
    conversationId: conversationIdSchema,
    body: messageBodySchema,
    internal: z.boolean().default(false),
    attachmentIds: z.array(attachmentIdSchema).max(10).default([]),
  }),
  typing: z.object({ conversationId: conversationIdSchema, typing: z.boolean() }),
  'chat:transfer': z.object({
    clientId: clientIdSchema,
    conversationId: conversationIdSchema,
    to: transferTargetSchema,
    note: z.string().max(1000).optional(),
  }),
  'chat:end': z.object({ clientId: clientIdSchema, conversationId: conversationIdSchema }),
  'dropbox:insert': z.object({
    clientId: clientIdSchema,
    conversationId: conversationIdSchema,
    label: z.string().trim().max(200).default('Please upload your file'),
  }),
  'tickets:list': ticketFilterSchema,
  'ticket:get': z.object({ ticketId: ticketIdSchema }),
  'ticket:update': z.object({ clientId: clientIdSchema, ticketId: ticketIdSchema, patch: ticketPatchSchema }),
  'ticket:comment': z.object({
    clientId: clientIdSchema,
    ticketId: ticketIdSchema,
    body: messageBodySchema,
    internal: z.boolean().default(true),
  }),
  'ticket:escalate': z.object({
    clientId: clientIdSchema,
    ticketId: ticketIdSchema,
    category: issueCategorySchema,
    note: z.string().max(2000).default(''),
  }),
  /** Leads and admins: post (or clear, with null) the system notice every support page shows. */
  'notice:set': z.object({
    clientId: clientIdSchema,
    notice: z.object({ severity: systemNoticeSchema.shape.severity, text: systemNoticeSchema.shape.text }).nullable(),
  }),
  /** Leads and admins: declare an incident, optionally linking tickets and posting a banner notice. */
  'incident:create': z.object({
    clientId: clientIdSchema,
    title: z.string().trim().min(1).max(200),
    category: issueCategorySchema,
    eid: z.string().trim().min(1).max(128).nullable().default(null),
    ticketIds: z.array(ticketIdSchema).max(500).default([]),
    notice: z.object({ severity: systemNoticeSchema.shape.severity, text: systemNoticeSchema.shape.text }).nullable().default(null),
  }),
  /** Leads and admins: link more tickets to an open incident. */
  'incident:link': z.object({ clientId: clientIdSchema, incidentId: incidentIdSchema, ticketIds: z.array(ticketIdSchema).min(1).max(500) }),
  /** Leads and admins: resolve; clears its notice; optionally emails every linked requester. */
  'incident:resolve': z.object({
    clientId: clientIdSchema,
    incidentId: incidentIdSchema,
    note: z.string().trim().min(1).max(2000),
    notifyRequesters: z.boolean().default(false),
  }),
  'incidents:list': z.object({ state: incidentStateSchema.optional() }),
  /** Leads and admins: dashboard numbers for today. */
  'stats:get': z.object({}),
  /** Canned responses the caller may use: the shared ones and those of its departments (leads and admins: all). */
  'canned:list': z.object({}),
  /** Leads (read-only) and admins: departments, every account, canned responses, the notice and the recent audit. */
  'admin:get': z.object({}),
  /** Admins: a new department, last in the order. `conflict` when the id exists. */
  'department:create': z.object({ clientId: clientIdSchema, department: departmentCreateSchema }),
  /** Admins: change only the fields given (hours and holidays are the `schedule` field). */
  'department:update': z.object({ clientId: clientIdSchema, departmentId: departmentIdSchema, patch: departmentPatchSchema }),
  /** Admins: the new order of every department (the full list of ids, each once). */
  'department:reorder': z.object({ clientId: clientIdSchema, order: z.array(departmentIdSchema).min(1).max(500) }),
  /** Admins: a new account; the answer carries its generated password once. */
  'specialist:create': z.object({ clientId: clientIdSchema, specialist: specialistCreateSchema }),
  /** Admins: change only the fields given; `active: false` deactivates. An admin cannot demote or deactivate themselves. */
  'specialist:update': z.object({ clientId: clientIdSchema, specialistId: specialistIdSchema, patch: specialistPatchSchema }),
  /** Admins: a new generated password (answered once); every session of the account ends. */
  'specialist:reset-password': z.object({ clientId: clientIdSchema, specialistId: specialistIdSchema }),
  /** Leads and admins: create (no id) or replace (id) a canned response, shared (departmentId null) or of any department. */
  'canned:save': z.object({ clientId: clientIdSchema, canned: cannedDraftSchema }),
  /** Leads and admins. */
  'canned:delete': z.object({ clientId: clientIdSchema, cannedId: z.uuid() }),
  /** Anyone who may see the ticket: the inbound mails on it (the original and replies), headers included, oldest first. */
  'ticket:mail': z.object({ ticketId: ticketIdSchema }),
  /** Leads and admins: mail the inbound listener received, newest first, optionally one status. */
  'inbound:list': z.object({ status: inboundMailStatusSchema.optional(), limit: z.number().int().min(1).max(200).default(50) }),
  /** Leads and admins: one received mail with its headers and the start of its source. */
  'inbound:get': z.object({ inboundId: z.number().int().positive() }),
  /** Admins: process a mail that failed (or is still waiting) again; answers its summary afterwards. */
  'inbound:retry': z.object({ clientId: clientIdSchema, inboundId: z.number().int().positive() }),
  /** Leads and admins: post an update on an open incident; shown on /status and mailed to status subscribers. */
  'incident:update': z.object({ clientId: clientIdSchema, incidentId: incidentIdSchema, note: z.string().trim().min(1).max(2000) }),
  /** Leads and admins: products, sections and every article (any status) for authoring. */
  'help:tree': z.object({}),
  /** Leads and admins: a new section (no id) or new fields for one. `conflict` when the slug is taken in its product. */
  'help:section:save': z.object({ clientId: clientIdSchema, section: helpSectionDraftSchema }),
  /** Leads and admins: one article, its newest revision as `latest` (or `revision`'s, to restore it: save that with baseRevision = revisions[0].revision) and its history. */
  'help:article:get': z.object({ articleId: helpArticleIdSchema, revision: z.number().int().positive().optional() }),
  /** Leads and admins: a new draft article (revision 1) in a section. `conflict` when the slug is taken. */
  'help:article:create': z.object({ clientId: clientIdSchema, sectionId: helpSectionIdSchema, slug: helpSlugSchema, draft: helpArticleDraftSchema }),
  /**
   * Leads and admins: save a new revision. `baseRevision` is the newest revision the editor opened; when someone
   * saved since, the answer is `conflict` and nothing changes (reload, then save again).
   */
  'help:article:save': z.object({ clientId: clientIdSchema, articleId: helpArticleIdSchema, baseRevision: z.number().int().positive(), draft: helpArticleDraftSchema }),
  /** Leads and admins: readers now see the newest revision; followers are notified (new or updated article). */
  'help:article:publish': z.object({ clientId: clientIdSchema, articleId: helpArticleIdSchema }),
  /** Leads and admins: readers get "not found"; revisions and follows stay. */
  'help:article:unpublish': z.object({ clientId: clientIdSchema, articleId: helpArticleIdSchema }),
  /** Any specialist: up to `limit` published articles matching the words (beside an open chat). */
  'help:suggest': z.object({ query: helpQuerySchema, limit: z.number().int().min(1).max(5).default(3) }),
} as const;
export type AgentInbound = typeof agentInbound;
export type AgentInput<E extends keyof AgentInbound> = z.input<AgentInbound[E]>;
/** The same, as a server handler receives it: parsed by its schema, defaults applied. */
export type AgentCommand<E extends keyof AgentInbound> = z.output<AgentInbound[E]>;

/** Initial state for a freshly connected console; later changes arrive as events after `cursor`. */
export interface AgentSnapshot {
  me: Specialist;
  departments: Department[];
  specialists: Specialist[];
  /** Queued and in-progress conversations the caller may see. */
  conversations: Conversation[];
  cursor: number;
}

export interface TicketDetail {
  ticket: Ticket;
  comments: TicketComment[];
  transcript: Message[];
  /** Who changed what, when, oldest first. */
  audit: TicketAuditEntry[];
  /** Incidents this ticket is linked to. */
  incidentIds: string[];
}

type Handler<E extends keyof AgentInbound, R> = (input: AgentInput<E>, ack: Ack<R>) => void;

export interface AgentClientToServerEvents {
  'status:set': Handler<'status:set', Specialist>;
  'snapshot:get': Handler<'snapshot:get', AgentSnapshot>;
  'events:since': Handler<'events:since', EventsPage>;
  'chat:accept': Handler<'chat:accept', Conversation>;
  'chat:accept-next': Handler<'chat:accept-next', Conversation | null>;
  'message:send': Handler<'message:send', Message>;
  typing: (input: AgentInput<'typing'>, ack?: Ack<null>) => void;
  'chat:transfer': Handler<'chat:transfer', Conversation>;
  'chat:end': Handler<'chat:end', Conversation>;
  'dropbox:insert': Handler<'dropbox:insert', DropBox>;
  'tickets:list': Handler<'tickets:list', Ticket[]>;
  'ticket:get': Handler<'ticket:get', TicketDetail>;
  'ticket:update': Handler<'ticket:update', Ticket>;
  'ticket:comment': Handler<'ticket:comment', TicketComment>;
  'ticket:escalate': Handler<'ticket:escalate', Ticket>;
  'notice:set': Handler<'notice:set', SystemNotice | null>;
  'incident:create': Handler<'incident:create', Incident>;
  'incident:link': Handler<'incident:link', Incident>;
  'incident:resolve': Handler<'incident:resolve', Incident>;
  'incidents:list': Handler<'incidents:list', Incident[]>;
  'stats:get': Handler<'stats:get', DashboardStats>;
  'canned:list': Handler<'canned:list', CannedResponse[]>;
  'admin:get': Handler<'admin:get', AdminOverview>;
  'department:create': Handler<'department:create', Department>;
  'department:update': Handler<'department:update', Department>;
  'department:reorder': Handler<'department:reorder', Department[]>;
  'specialist:create': Handler<'specialist:create', SpecialistCreated>;
  'specialist:update': Handler<'specialist:update', Specialist>;
  'specialist:reset-password': Handler<'specialist:reset-password', PasswordReset>;
  'canned:save': Handler<'canned:save', CannedResponse>;
  'canned:delete': Handler<'canned:delete', null>;
  'ticket:mail': Handler<'ticket:mail', InboundMailDetail[]>;
  'inbound:list': Handler<'inbound:list', InboundMailSummary[]>;
  'inbound:get': Handler<'inbound:get', InboundMailDetail>;
  'inbound:retry': Handler<'inbound:retry', InboundMailSummary>;
  'incident:update': Handler<'incident:update', Incident>;
  'help:tree': Handler<'help:tree', HelpTree>;
  'help:section:save': Handler<'help:section:save', HelpSection>;
  'help:article:get': Handler<'help:article:get', HelpArticleDetail>;
  'help:article:create': Handler<'help:article:create', HelpArticleDetail>;
  'help:article:save': Handler<'help:article:save', HelpArticleDetail>;
  'help:article:publish': Handler<'help:article:publish', HelpArticleDetail>;
  'help:article:unpublish': Handler<'help:article:unpublish', HelpArticleDetail>;
  'help:suggest': Handler<'help:suggest', HelpSearchHit[]>;
}

/** Ephemeral, to leads and admins: many reports of one category (and event) in a short window. */
export interface IncidentAlert {
  category: IssueCategory;
  /** Event id of the support links, when the reports share one. */
  eid: string | null;
  /** Reports in the window when it fired: the threshold, which the crossing report reached. */
  count: number;
  firstAt: number;
  lastAt: number;
  /** The tickets in the window, so a lead can link them to the incident in one step. */
  ticketIds: number[];
}

export interface AgentServerToClientEvents {
  /** A logged change visible to this specialist. */
  event: (envelope: EventEnvelope) => void;
  /** Ephemeral: a visitor is typing in a conversation the specialist can see. */
  typing: (t: { conversationId: string; typing: boolean; ttlMs: number }) => void;
  /** Ephemeral: queue length per department, for sidebars and dashboards. */
  'queue:stats': (s: { departmentId: string; waiting: number; longestWaitSince: number | null }[]) => void;
  /** Ephemeral, leads and admins only: a likely large-scale incident (see IncidentAlert). */
  'incident:alert': (a: IncidentAlert) => void;
  /**
   * Ephemeral: the newest committed seq, sent when the node's Redis link is back, and when the node finds events no
   * node published live (docs/protocol.md, "Live events and gaps").
   */
  'log:head': (head: LogHead) => void;
}

export interface AgentSocketData {
  specialistId: string;
  role: Specialist['role'];
}

/** Events exchanged between server nodes (Redis adapter, `serverSideEmit`). */
export interface InterServerEvents {
  /** The highest seq the sending node published live: the others' log head watchers do not announce it again. */
  'log:published': (seq: number) => void;
}
