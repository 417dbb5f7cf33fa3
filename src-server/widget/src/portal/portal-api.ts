// The portal's HTTP calls (src-shared/protocol/portal.ts), same origin with the session cookie; every answer is parsed
// with its schema, so a server that drifts from the contract shows a clear error instead of a half-drawn page.
import type { z } from 'zod';
import {
  departmentContactsSchema,
  portalCommentReceiptSchema,
  portalRequestReceiptSchema,
  portalSessionSchema,
  portalSignInSentSchema,
  portalTicketDetailSchema,
  portalTicketListSchema,
  type PortalComment,
  type PortalRequest,
} from '../../../../src-shared/protocol/portal';
import type { TicketStatus } from '../../../../src-shared/ticket-lifecycle';
import { err, ok, type Result } from '../../../../src-shared/result';
import { call, postJson } from '../server-api';

async function parsed<S extends z.ZodType>(schema: S, answer: Promise<Result<unknown>>): Promise<Result<z.infer<S>>> {
  const res = await answer;
  if (!res.ok) return res;
  const value = schema.safeParse(res.value);
  return value.success ? ok(value.data) : err('internal', 'Support answered in a way this page does not understand. Reload the page and try again.');
}

/** Inputs as the form holds them; defaults of the schema (empty CCs, files, context) may be left out. */
export type CommentInput = Pick<PortalComment, 'clientId' | 'body' | 'ccs' | 'attachmentIds'>;
export type RequestInput = PortalRequest;

export const portalApi = {
  signIn: (email: string, returnTo?: string) =>
    parsed(portalSignInSentSchema, call('/api/portal/sign-in', postJson(returnTo ? { email, returnTo } : { email }))),
  createSession: (token: string) => parsed(portalSessionSchema, call('/api/portal/session', postJson({ token }))),
  session: () => parsed(portalSessionSchema, call('/api/portal/session')),
  /** Signed out once the server forgot the session; a 204 has no body, and a 401 means it was already gone. */
  signOut: async (): Promise<Result<null>> => {
    try {
      const response = await fetch('/api/portal/session', { method: 'DELETE', headers: { accept: 'application/json' } });
      return response.ok || response.status === 401 ? ok(null) : err('internal', `Signing out failed (HTTP ${response.status}). Try again.`);
    } catch {
      return err('unavailable', "We can't reach support right now. Check your connection and try again.");
    }
  },
  tickets: (query: { status: readonly TicketStatus[]; beforeId: number | null }) => {
    const params = new URLSearchParams();
    if (query.status.length > 0) params.set('status', query.status.join(','));
    if (query.beforeId !== null) params.set('beforeId', String(query.beforeId));
    const qs = params.toString();
    return parsed(portalTicketListSchema, call(`/api/portal/tickets${qs ? `?${qs}` : ''}`));
  },
  ticket: (ticketId: number) => parsed(portalTicketDetailSchema, call(`/api/portal/tickets/${ticketId}`)),
  comment: (ticketId: number, input: CommentInput) =>
    parsed(portalCommentReceiptSchema, call(`/api/portal/tickets/${ticketId}/comments`, postJson(input))),
  request: (input: RequestInput) => parsed(portalRequestReceiptSchema, call('/api/portal/requests', postJson(input))),
  contacts: () => parsed(departmentContactsSchema, call('/api/portal/contacts')),
};

/** Upload targets (multipart, one file each; the session cookie is the credential). */
export const portalUploadUrl = '/api/portal/uploads';
export const ticketUploadUrl = (ticketId: number) => `/api/portal/tickets/${ticketId}/attachments`;
export const ticketAttachmentUrl = (ticketId: number, attachmentId: string) =>
  `/api/portal/tickets/${ticketId}/attachments/${encodeURIComponent(attachmentId)}`;
