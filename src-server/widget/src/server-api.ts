// HTTP calls of the support page (departments, EMAIL US, comment links), each answering a Result, never throwing.
import type {
  CommentPage,
  CustomerCommentReceipt,
  DepartmentsResponse,
  EmailRequestReceipt,
} from '../../../src-shared/protocol/http';
import type { SupportContext } from '../../../src-shared/visitor';
import { helpSuggestAnswerSchema, type HelpSuggestAnswer, type SuggestionEvent } from '../../../src-shared/protocol/help';
import { err, ok, type Result } from '../../../src-shared/result';

const unreachable = "We can't reach support right now. Check your connection and try again.";

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const ok = (body as { ok: unknown }).ok;
  return ok === true ? 'value' in body : ok === false && 'error' in body;
}

/** A JSON call whose answer is a Result; shared with the portal's calls (portal/portal-api.ts). */
export async function call<T>(url: string, init?: RequestInit): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    return err('unavailable', unreachable);
  }
  const body: unknown = await response.json().catch(() => null);
  // The server's bodies are Results by contract; anything else (a proxy's error page) is reported, not trusted.
  if (isResult(body)) return body as Result<T>;
  return err('internal', `Support answered unexpectedly (HTTP ${response.status}). Please try again.`);
}

export const postJson = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const fetchDepartments = (origin: string): Promise<Result<DepartmentsResponse>> => call(`${origin}/api/departments`);

export interface EmailRequestInput {
  clientId: string;
  email: string;
  departmentId: string;
  question: string;
  context: SupportContext;
}

export const sendEmailRequest = (origin: string, input: EmailRequestInput): Promise<Result<EmailRequestReceipt>> =>
  call(`${origin}/api/email-requests`, postJson(input));

/** Up to three help articles for the question being typed (GET /api/help/suggest); `signal` cancels a stale look-up. */
export async function fetchSuggestions(origin: string, query: string, productId: string | undefined, signal: AbortSignal): Promise<Result<HelpSuggestAnswer>> {
  const params = new URLSearchParams({ q: query, ...(productId ? { productId } : {}) });
  const res = await call<unknown>(`${origin}/api/help/suggest?${params.toString()}`, { signal });
  if (!res.ok) return res;
  // Titles and snippets are shown as text parts; anything not shaped like the schema is dropped, not rendered.
  const parsed = helpSuggestAnswerSchema.safeParse(res.value);
  return parsed.success ? ok(parsed.data) : err('internal', 'Support answered suggestions unexpectedly.');
}

/** Logs one suggestion outcome (POST /api/help/suggestion-events); the answer changes nothing on the page. */
export const postSuggestionEvent = (origin: string, event: SuggestionEvent): Promise<Result<{ recorded: true }>> =>
  call(`${origin}/api/help/suggestion-events`, { ...postJson(event), keepalive: true });

const commentUrl = (origin: string, ticketId: number, sig: string) =>
  `${origin}/api/comment/${ticketId}?sig=${encodeURIComponent(sig)}`;

export const fetchCommentTicket = (origin: string, ticketId: number, sig: string): Promise<Result<CommentPage>> =>
  call(commentUrl(origin, ticketId, sig));

export const postComment = (
  origin: string,
  ticketId: number,
  sig: string,
  input: { body: string; ccs: string[]; attachmentIds: string[] },
): Promise<Result<CustomerCommentReceipt>> => call(commentUrl(origin, ticketId, sig), postJson(input));

/** Upload target of a comment's files; the signature in the query is the only credential the comment page holds. */
export const commentUploadUrl = (origin: string, ticketId: number, sig: string) =>
  `${origin}/api/comment/${ticketId}/attachments?sig=${encodeURIComponent(sig)}`;

/** A plain link works here (unlike chat downloads): the credential travels in the query, not in a header. */
export const commentAttachmentUrl = (origin: string, ticketId: number, sig: string, attachmentId: string) =>
  `${origin}/api/comment/${ticketId}/attachments/${encodeURIComponent(attachmentId)}?sig=${encodeURIComponent(sig)}`;

/** Attachments need the visitor's bearer token, which a plain link cannot send: fetch, then hand the browser a blob. */
export async function downloadAttachment(origin: string, attachmentId: string, token: string, fileName: string): Promise<Result<null>> {
  let response: Response;
  try {
    response = await fetch(`${origin}/api/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    return err('unavailable', unreachable);
  }
  if (!response.ok) return err('not_found', 'This file is no longer available.');
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, value: null };
}
