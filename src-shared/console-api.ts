// The console's one internal contract: what the renderer may ask of the console core and the change events
// it can subscribe to. The console protocol (console-protocol.ts) carries it over a MessagePort in the desktop
// app and the loopback WebSocket in browser mode; every side derives names and types from here.
import { z } from 'zod';
import type { Result } from './result';
import { attachmentIdSchema, conversationIdSchema, departmentIdSchema, emailSchema, specialistIdSchema, ticketIdSchema } from './ids';
import { presenceSchema, type Specialist } from './specialist';
import type { Department } from './department';
import type { Conversation } from './conversation';
import { messageBodySchema, type Message } from './message';
import type { DropBox } from './drop-box';
import { ticketFilterSchema, ticketPatchSchema, type Ticket, type TicketAuditEntry, type TicketComment } from './ticket';
import { agentInbound, transferTargetSchema, type IncidentAlert } from './protocol/agent';
import { incidentStateSchema, type Incident } from './incident';
import type { DashboardStats } from './stats';
import { issueCategorySchema } from './issue-category';
import type { CannedResponse } from './canned-response';
import type { AdminOverview, PasswordReset, SpecialistCreated } from './admin';
import type { SystemNotice } from './notice';
import type { InboundMailDetail, InboundMailSummary } from './inbound-mail';
import type { HelpArticleDetail, HelpSearchHit, HelpSection, HelpTree } from './help-center';
import type { HelpImageUploaded } from './protocol/help';

export const connectionStateSchema = z.enum(['online', 'reconnecting', 'offline']);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const notificationPrefsSchema = z.object({
  enabled: z.boolean(),
  sound: z.boolean(),
  /** While away, only chats assigned to me notify. */
  quietWhenAway: z.boolean(),
});
export type NotificationPrefs = z.infer<typeof notificationPrefsSchema>;

export const consoleSettingsSchema = z.object({
  serverUrl: z.url(),
  notifications: notificationPrefsSchema,
  theme: z.enum(['system', 'light', 'dark']),
  /** Desktop app: closing the window while signed in keeps the app in the tray (the specialist stays online). */
  closeToTray: z.boolean(),
  /** Desktop app: start when the user signs in to the computer. */
  openAtLogin: z.boolean(),
});
export type ConsoleSettings = z.infer<typeof consoleSettingsSchema>;

/** Input schema of every ConsoleApi method; the keys are the method (and channel) names. */
export const consoleMethods = {
  getSession: z.object({}),
  login: z.object({ serverUrl: z.url(), email: emailSchema, password: z.string().min(1).max(200) }),
  logout: z.object({}),
  setStatus: z.object({ status: presenceSchema }),
  getSettings: z.object({}),
  updateSettings: consoleSettingsSchema.partial(),
  /** Where the console runs (desktop app or browser mode), its version and where it writes its log. */
  getAppInfo: z.object({}),
  listDepartments: z.object({}),
  listSpecialists: z.object({}),
  listConversations: z.object({ departmentId: departmentIdSchema.optional() }),
  getMessages: z.object({
    conversationId: conversationIdSchema,
    beforeSeq: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(10000).default(200),
  }),
  listDropBoxes: z.object({ conversationId: conversationIdSchema }),
  acceptChat: z.object({ conversationId: conversationIdSchema }),
  acceptNext: z.object({ departmentId: departmentIdSchema.optional() }),
  sendMessage: z.object({ conversationId: conversationIdSchema, body: messageBodySchema, internal: z.boolean().default(false) }),
  setTyping: z.object({ conversationId: conversationIdSchema, typing: z.boolean() }),
  transferChat: z.object({ conversationId: conversationIdSchema, to: transferTargetSchema, note: z.string().max(1000).optional() }),
  endChat: z.object({ conversationId: conversationIdSchema }),
  insertDropBox: z.object({ conversationId: conversationIdSchema, label: z.string().max(200).optional() }),
  attachFile: z.object({
    conversationId: conversationIdSchema,
    fileName: z.string().min(1).max(255),
    /** File bytes, base64 (IPC and WebSocket both carry strings reliably). */
    dataBase64: z.string().max(15_000_000),
  }),
  markRead: z.object({ conversationId: conversationIdSchema }),
  /** Which chat pane has focus (or none), so notifications skip what the specialist is looking at. */
  setFocus: z.object({ conversationId: conversationIdSchema.nullable(), windowFocused: z.boolean() }),
  listTickets: ticketFilterSchema.extend({ mine: z.boolean().optional(), query: z.string().max(200).optional() }),
  getTicket: z.object({ ticketId: ticketIdSchema }),
  updateTicket: z.object({ ticketId: ticketIdSchema, patch: ticketPatchSchema }),
  addTicketComment: z.object({ ticketId: ticketIdSchema, body: messageBodySchema, internal: z.boolean().default(true) }),
  escalateTicket: z.object({ ticketId: ticketIdSchema, category: issueCategorySchema, note: z.string().max(2000).default('') }),
  search: z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(100).default(20) }),
  getOutbox: z.object({}),
  retryOutboxItem: z.object({ clientId: z.uuid() }),
  discardOutboxItem: z.object({ clientId: z.uuid() }),
  openExternal: z.object({ url: z.url() }),
  /** Leads: incidents from the server when online, else the cached ones. */
  listIncidents: z.object({ state: incidentStateSchema.optional() }),
  createIncident: agentInbound['incident:create'].omit({ clientId: true }),
  linkIncident: agentInbound['incident:link'].omit({ clientId: true }),
  resolveIncident: agentInbound['incident:resolve'].omit({ clientId: true }),
  /** Leads: an update on an open incident, shown on /status and mailed to status subscribers. */
  postIncidentUpdate: agentInbound['incident:update'].omit({ clientId: true }),
  /** Leads: today's dashboard numbers from the server, or the last ones fetched (with their age) offline. */
  getStats: z.object({}),
  /**
   * Downloads an attachment (with the specialist's token) into the console's data folder and opens it
   * (Electron: the default app, or `reveal` shows it in its folder); browser mode answers a one-time URL.
   */
  openAttachment: z.object({ attachmentId: attachmentIdSchema, reveal: z.boolean().default(false) }),
  /** A thumbnail of an image attachment (downloaded by the core like openAttachment): a data: URL, never a server URL or token. */
  previewAttachment: z.object({ attachmentId: attachmentIdSchema }),
  /** Canned responses this specialist may use (from the server online, the cached ones offline). */
  listCanned: z.object({}),
  /**
   * Administration (leads read, admins change). Online only: an admin change is never queued in the outbox —
   * it answers `offline` at once, so nobody edits hours believing they were saved.
   */
  getAdmin: z.object({}),
  createDepartment: agentInbound['department:create'].omit({ clientId: true }),
  updateDepartment: agentInbound['department:update'].omit({ clientId: true }),
  reorderDepartments: agentInbound['department:reorder'].omit({ clientId: true }),
  createSpecialist: agentInbound['specialist:create'].omit({ clientId: true }),
  updateSpecialist: agentInbound['specialist:update'].omit({ clientId: true }),
  resetPassword: agentInbound['specialist:reset-password'].omit({ clientId: true }),
  saveCanned: agentInbound['canned:save'].omit({ clientId: true }),
  deleteCanned: agentInbound['canned:delete'].omit({ clientId: true }),
  /** Leads and admins: post or clear (null) the notice banner on every support page. */
  setNotice: agentInbound['notice:set'].omit({ clientId: true }),
  /**
   * The email channel, online only like administration (nothing of it is cached): a ticket's inbound mails with
   * their headers, for anyone who sees the ticket; the inbound mail list and one mail (leads and admins); processing
   * a failed or waiting mail again (admins).
   */
  listTicketMail: agentInbound['ticket:mail'],
  listInboundMail: agentInbound['inbound:list'],
  getInboundMail: agentInbound['inbound:get'],
  retryInboundMail: agentInbound['inbound:retry'].omit({ clientId: true }),
  /**
   * The help center (leads and admins author; anyone asks for suggestions), online only like administration: a draft
   * is never queued, so nobody closes the editor believing it was saved. `saveHelpArticle` answers `conflict` when
   * someone saved a newer revision since `baseRevision`.
   */
  getHelpTree: agentInbound['help:tree'],
  saveHelpSection: agentInbound['help:section:save'].omit({ clientId: true }),
  getHelpArticle: agentInbound['help:article:get'],
  createHelpArticle: agentInbound['help:article:create'].omit({ clientId: true }),
  saveHelpArticle: agentInbound['help:article:save'].omit({ clientId: true }),
  publishHelpArticle: agentInbound['help:article:publish'].omit({ clientId: true }),
  unpublishHelpArticle: agentInbound['help:article:unpublish'].omit({ clientId: true }),
  suggestHelp: agentInbound['help:suggest'],
  /** An image for an article (uploaded with the specialist's token); answers the URL the Markdown links. */
  uploadHelpImage: z.object({ fileName: z.string().min(1).max(255), dataBase64: z.string().max(15_000_000) }),
  /** An article image for the editor's preview as a data: URL (the renderer never loads server URLs); null when not one. */
  previewHelpImage: z.object({ url: z.string().min(1).max(2000) }),
} as const;
export type ConsoleMethod = keyof typeof consoleMethods;
export const consoleMethodNames = Object.keys(consoleMethods) as ConsoleMethod[];

export const isConsoleMethod = (name: unknown): name is ConsoleMethod =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(consoleMethods, name);

export interface AppInfo {
  /** `desktop`: the Electron app (tray, login item, log file); `browser`: browser mode. */
  shell: 'desktop' | 'browser';
  /** Node's platform name of the machine the core runs on (`win32`, `darwin`, `linux`). */
  platform: string;
  version: string;
  /** The desktop app's log folder (main.log, core.log, rotated); null in browser mode, which logs to its terminal. */
  logDir: string | null;
}

/** A message as the console shows it: `pending` while its send is still in the outbox (seq is 0 then). */
export type ConsoleMessage = Message & { pending?: boolean };

export interface SessionInfo {
  serverUrl: string | null;
  me: Specialist | null;
  connection: ConnectionState;
}

export interface OutboxItem {
  clientId: string;
  kind: string;
  /** Human summary for the UI ("Send message to a@b.com"). */
  summary: string;
  createdAt: number;
  attempts: number;
  state: 'pending' | 'sending' | 'failed';
  error: { code: string; message: string } | null;
}

export interface SearchHit {
  kind: 'message' | 'ticket';
  conversationId: string | null;
  ticketId: number | null;
  title: string;
  /** Snippet with matches wrapped in \u0002…\u0003 (control chars, so they can't collide with text); the UI renders them as <mark>. */
  snippet: string;
  at: number;
}

/** The value each method resolves to on success. */
export interface ConsoleResults {
  getSession: SessionInfo;
  login: SessionInfo;
  logout: null;
  setStatus: Specialist;
  getSettings: ConsoleSettings;
  updateSettings: ConsoleSettings;
  getAppInfo: AppInfo;
  listDepartments: Department[];
  listSpecialists: Specialist[];
  listConversations: Conversation[];
  getMessages: ConsoleMessage[];
  listDropBoxes: DropBox[];
  acceptChat: Conversation;
  acceptNext: Conversation | null;
  sendMessage: ConsoleMessage;
  setTyping: null;
  transferChat: Conversation;
  endChat: Conversation;
  insertDropBox: DropBox;
  attachFile: ConsoleMessage;
  markRead: null;
  setFocus: null;
  listTickets: Ticket[];
  getTicket: {
    ticket: Ticket;
    comments: TicketComment[];
    transcript: ConsoleMessage[];
    /** Who changed what, when, oldest first (from the server online, the cached events offline). */
    audit: TicketAuditEntry[];
    incidentIds: string[];
  };
  updateTicket: Ticket;
  addTicketComment: TicketComment;
  escalateTicket: Ticket;
  search: SearchHit[];
  getOutbox: OutboxItem[];
  retryOutboxItem: null;
  discardOutboxItem: null;
  openExternal: null;
  listIncidents: Incident[];
  createIncident: Incident;
  linkIncident: Incident;
  resolveIncident: Incident;
  postIncidentUpdate: Incident;
  getStats: StatsSnapshot;
  /** `url`: browser mode's one-time download link; null when the shell opened the file itself. */
  openAttachment: { url: string | null };
  /** null for anything but a PNG, JPEG, GIF or WebP of at most MAX_PREVIEW_BYTES (src-shared/image-preview.ts). */
  previewAttachment: { dataUrl: string | null };
  listCanned: CannedResponse[];
  getAdmin: AdminOverview;
  createDepartment: Department;
  updateDepartment: Department;
  reorderDepartments: Department[];
  createSpecialist: SpecialistCreated;
  updateSpecialist: Specialist;
  resetPassword: PasswordReset;
  saveCanned: CannedResponse;
  deleteCanned: null;
  setNotice: SystemNotice | null;
  /** Oldest first: the mail that opened the ticket, then each reply. */
  listTicketMail: InboundMailDetail[];
  /** Newest first. */
  listInboundMail: InboundMailSummary[];
  getInboundMail: InboundMailDetail;
  /** The mail as it is after processing (a ticket or comment, or the reason it failed again). */
  retryInboundMail: InboundMailSummary;
  getHelpTree: HelpTree;
  saveHelpSection: HelpSection;
  getHelpArticle: HelpArticleDetail;
  createHelpArticle: HelpArticleDetail;
  saveHelpArticle: HelpArticleDetail;
  publishHelpArticle: HelpArticleDetail;
  unpublishHelpArticle: HelpArticleDetail;
  /** Best match first, at most `limit`. */
  suggestHelp: HelpSearchHit[];
  uploadHelpImage: HelpImageUploaded;
  previewHelpImage: { dataUrl: string | null };
}

/** Server dashboard numbers as the console holds them: `fetchedAt` tells how old they are when offline. */
export interface StatsSnapshot {
  stats: DashboardStats;
  fetchedAt: number;
  /** False when the server could not be asked and this is the cached last value. */
  live: boolean;
}

/** Change events pushed to the renderer. Payloads carry ids or small deltas; the renderer re-queries. */
export interface ConsoleEvents {
  session: SessionInfo;
  connection: { state: ConnectionState; unsent: number; nextRetryAt: number | null };
  syncProgress: { phase: 'snapshot' | 'events' | 'done'; done: number; total: number | null };
  conversations: { ids: string[] };
  messages: { conversationId: string; messages: ConsoleMessage[] };
  /** Catching up after sign-in or a reconnect: these chats have new messages (bodies are not pushed in bulk); a view showing one re-reads it. */
  messagesChanged: { conversationIds: string[] };
  typing: { conversationId: string; typing: boolean };
  dropBoxes: { conversationId: string };
  tickets: { ids: number[] };
  specialists: { ids: string[] };
  outbox: { items: OutboxItem[] };
  unread: { byConversation: Record<string, number>; badge: number };
  notification: { title: string; body: string; conversationId: string | null; ticketId: number | null; sound: boolean };
  /** Leads: many reports of one category (and event) just arrived — a likely incident. */
  incidentAlert: IncidentAlert;
  incidents: { ids: string[] };
  /** Departments changed (names, hours, order): views holding them re-read. */
  departments: { ids: string[] };
  /** Canned responses changed: the composer re-reads them. */
  canned: { ids: string[] };
  /** Leads and admins: something administrative changed (audit, notice, accounts): the admin screens re-read. */
  admin: Record<string, never>;
  /** Leads: fresh dashboard numbers (refreshed on relevant changes, at most every 2 s). */
  stats: StatsSnapshot;
  /** Settings changed (by any window, or the desktop shell that applies tray and login-item settings). */
  settings: ConsoleSettings;
  /** Show this chat or ticket: the specialist clicked its desktop notification. */
  navigate: { conversationId: string | null; ticketId: number | null };
  /**
   * Raised by the client end of the console protocol, never by the core: the connection to the core was
   * replaced (the core process restarted, browser mode's host came back), so views reload what they show.
   */
  reconnected: Record<string, never>;
}
export type ConsoleEventName = keyof ConsoleEvents;
export const isConsoleEventName = (name: unknown): name is ConsoleEventName =>
  typeof name === 'string' && (consoleEventNames as readonly string[]).includes(name);
export const consoleEventNames: readonly ConsoleEventName[] = [
  'session',
  'connection',
  'syncProgress',
  'conversations',
  'messages',
  'messagesChanged',
  'typing',
  'dropBoxes',
  'tickets',
  'specialists',
  'outbox',
  'unread',
  'notification',
  'incidentAlert',
  'incidents',
  'departments',
  'canned',
  'admin',
  'stats',
  'settings',
  'navigate',
  'reconnected',
] as const satisfies readonly ConsoleEventName[];

export type ConsoleApi = {
  [M in ConsoleMethod]: (input: z.input<(typeof consoleMethods)[M]>) => Promise<Result<ConsoleResults[M]>>;
} & {
  /** Subscribes to a change event; returns the unsubscribe function. */
  on<E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEvents[E]) => void): () => void;
};

/** The main-process side: each method receives input already parsed by its schema (defaults applied). */
export type ConsoleHandlers = {
  [M in ConsoleMethod]: (input: z.output<(typeof consoleMethods)[M]>) => Promise<Result<ConsoleResults[M]>>;
};

/** Re-exported for callers that build transfer targets. */
export { transferTargetSchema, specialistIdSchema };
export type { IncidentAlert, Incident, DashboardStats };
