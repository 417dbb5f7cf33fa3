// What the server answers on `/agent` (the value of each ack) and on the auth routes, as zod schemas: the console
// parses every answer with these before anything reaches its cache. The type checks at the bottom fail to compile
// when a schema and the event map in agent.ts drift apart.
import { z } from 'zod';
import type { Ack } from '../result';
import { cursorSchema } from '../ids';
import { specialistSchema } from '../specialist';
import { departmentSchema } from '../department';
import { conversationSchema } from '../conversation';
import { messageSchema } from '../message';
import { dropBoxSchema } from '../drop-box';
import { ticketAuditEntrySchema, ticketCommentSchema, ticketSchema } from '../ticket';
import { incidentSchema } from '../incident';
import { dashboardStatsSchema } from '../stats';
import { systemNoticeSchema } from '../notice';
import { eventsPageSchema } from '../events';
import { cannedResponseSchema } from '../canned-response';
import { adminOverviewSchema, passwordResetSchema, specialistCreatedSchema } from '../admin';
import { inboundMailDetailSchema, inboundMailSummarySchema } from '../inbound-mail';
import type { AgentClientToServerEvents, AgentSnapshot, TicketDetail } from './agent';
import type { AuthTokens } from './http';
import { helpArticleDetailSchema, helpSearchHitSchema, helpSectionSchema, helpTreeSchema } from '../help-center';

export const agentSnapshotSchema = z.object({
  me: specialistSchema,
  departments: z.array(departmentSchema),
  specialists: z.array(specialistSchema),
  conversations: z.array(conversationSchema),
  cursor: cursorSchema,
});

export const ticketDetailSchema = z.object({
  ticket: ticketSchema,
  comments: z.array(ticketCommentSchema),
  transcript: z.array(messageSchema),
  // Servers from before the ticket history answer without these two.
  audit: z.array(ticketAuditEntrySchema).default([]),
  incidentIds: z.array(z.string()).default([]),
});

/** The ack value of every `/agent` event that has one (typing has none worth reading). */
export const agentAnswerSchemas = {
  'status:set': specialistSchema,
  'snapshot:get': agentSnapshotSchema,
  'events:since': eventsPageSchema,
  'chat:accept': conversationSchema,
  'chat:accept-next': conversationSchema.nullable(),
  'message:send': messageSchema,
  'chat:transfer': conversationSchema,
  'chat:end': conversationSchema,
  'dropbox:insert': dropBoxSchema,
  'tickets:list': z.array(ticketSchema),
  'ticket:get': ticketDetailSchema,
  'ticket:update': ticketSchema,
  'ticket:comment': ticketCommentSchema,
  'ticket:escalate': ticketSchema,
  'notice:set': systemNoticeSchema.nullable(),
  'incident:create': incidentSchema,
  'incident:link': incidentSchema,
  'incident:resolve': incidentSchema,
  'incidents:list': z.array(incidentSchema),
  'stats:get': dashboardStatsSchema,
  'canned:list': z.array(cannedResponseSchema),
  'admin:get': adminOverviewSchema,
  'department:create': departmentSchema,
  'department:update': departmentSchema,
  'department:reorder': z.array(departmentSchema),
  'specialist:create': specialistCreatedSchema,
  'specialist:update': specialistSchema,
  'specialist:reset-password': passwordResetSchema,
  'canned:save': cannedResponseSchema,
  'canned:delete': z.null(),
  'ticket:mail': z.array(inboundMailDetailSchema),
  'inbound:list': z.array(inboundMailSummarySchema),
  'inbound:get': inboundMailDetailSchema,
  'inbound:retry': inboundMailSummarySchema,
  'incident:update': incidentSchema,
  'help:tree': helpTreeSchema,
  'help:section:save': helpSectionSchema,
  'help:article:get': helpArticleDetailSchema,
  'help:article:create': helpArticleDetailSchema,
  'help:article:save': helpArticleDetailSchema,
  'help:article:publish': helpArticleDetailSchema,
  'help:article:unpublish': helpArticleDetailSchema,
  'help:suggest': z.array(helpSearchHitSchema),
} as const;
export type AgentAnswerEvent = keyof typeof agentAnswerSchemas;
export type AgentAnswer<E extends AgentAnswerEvent> = z.output<(typeof agentAnswerSchemas)[E]>;

/** `POST /api/auth/login` and `/api/auth/refresh`. */
export const authTokensSchema = z.object({
  accessToken: z.string().min(1),
  accessExpiresAt: z.number().int(),
  refreshToken: z.string().min(1),
  specialist: specialistSchema,
});

// ---- drift checks: a parsed answer must be what the event map promises ----
type AckValue<E extends keyof AgentClientToServerEvents> = Parameters<AgentClientToServerEvents[E]>[1] extends Ack<infer R> | undefined ? R : never;
type Fits<A, B> = [A] extends [B] ? true : false;
type AllTrue<T extends Record<string, true>> = T;
export type AgentAnswerDriftCheck = AllTrue<{ [E in AgentAnswerEvent]: Fits<AgentAnswer<E>, AckValue<E>> }>;
export type SnapshotDriftCheck = AllTrue<{ snapshot: Fits<z.output<typeof agentSnapshotSchema>, AgentSnapshot>; detail: Fits<z.output<typeof ticketDetailSchema>, TicketDetail> }>;
export type AuthDriftCheck = AllTrue<{ tokens: Fits<z.output<typeof authTokensSchema>, AuthTokens> }>;
// Every event with an ack has a schema here.
export type AgentAnswerCoverage = AllTrue<{ [E in Exclude<keyof AgentClientToServerEvents, 'typing'>]: Fits<E, AgentAnswerEvent> }>;
