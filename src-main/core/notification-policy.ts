// When the console raises a native notification, with sound or not, how bursts coalesce, and the badge count.
// Pure: the service passes the change, what the specialist is looking at, their prefs and `now`.
import type { Conversation } from '../../src-shared/conversation';
import type { Message } from '../../src-shared/message';
import type { Ticket, TicketComment } from '../../src-shared/ticket';
import type { Presence } from '../../src-shared/specialist';
import type { NotificationPrefs } from '../../src-shared/console-api';
import type { IncidentAlert } from '../../src-shared/protocol/agent';
import { issueCategoryLabels } from '../../src-shared/issue-category';

export const COALESCE_WINDOW_MS = 2_000;
const PREVIEW_CHARS = 80;

export interface NotificationContext {
  me: { id: string; departmentIds: readonly string[]; status: Presence };
  focus: { conversationId: string | null; windowFocused: boolean };
  prefs: NotificationPrefs;
}

export type NotificationTrigger =
  | { kind: 'conversation'; conversation: Conversation; previous: Conversation | null }
  | { kind: 'message'; message: Message; conversation: Conversation | null }
  | { kind: 'ticket_comment'; comment: TicketComment; ticket: Ticket | null }
  | { kind: 'incident_alert'; alert: IncidentAlert };

export interface NotificationCandidate {
  title: string;
  body: string;
  conversationId: string | null;
  ticketId: number | null;
  /** Chats assigned to me still notify while away (quiet hours mute only the general queue). */
  forMe: boolean;
}

export interface NotificationDecision extends NotificationCandidate {
  sound: boolean;
}

const preview = (text: string) => (text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text);
const assignedTo = (c: Conversation | null, id: string) => c !== null && c.specialist?.id === id && c.state !== 'ended';

/** What, if anything, a change is worth telling the specialist about (before quiet rules and coalescing). */
export function candidateFor(trigger: NotificationTrigger, ctx: NotificationContext): NotificationCandidate | null {
  const meId = ctx.me.id;
  switch (trigger.kind) {
    case 'conversation': {
      const { conversation: c, previous } = trigger;
      if (assignedTo(c, meId) && !assignedTo(previous, meId)) {
        return { title: 'New chat assigned', body: `${c.visitorEmail}: ${preview(c.question)}`, conversationId: c.id, ticketId: c.ticketId, forMe: true };
      }
      if (c.state === 'queued' && previous?.state !== 'queued' && ctx.me.departmentIds.includes(c.departmentId)) {
        return { title: 'Chat waiting', body: `${c.visitorEmail}: ${preview(c.question)}`, conversationId: c.id, ticketId: c.ticketId, forMe: false };
      }
      return null;
    }
    case 'message': {
      const { message: m, conversation: c } = trigger;
      if (m.authorKind !== 'visitor' || !assignedTo(c, meId)) return null;
      const looking = ctx.focus.windowFocused && ctx.focus.conversationId === m.conversationId;
      if (looking) return null;
      return { title: `Message from ${c?.visitorEmail ?? m.authorName}`, body: preview(m.body), conversationId: m.conversationId, ticketId: c?.ticketId ?? null, forMe: true };
    }
    case 'ticket_comment': {
      const { comment, ticket } = trigger;
      if (comment.authorKind !== 'customer' || !ticket || ticket.assigneeId !== meId) return null;
      return { title: `Reply on ticket #${ticket.id}`, body: preview(comment.body), conversationId: null, ticketId: ticket.id, forMe: true };
    }
    case 'incident_alert': {
      // Only leads receive alerts; one is about the whole service, so it counts as theirs even while away.
      const { alert } = trigger;
      const where = alert.eid ? ` (event ${alert.eid})` : '';
      return { title: 'Possible incident', body: `${alert.count} reports of ${issueCategoryLabels[alert.category]}${where}`, conversationId: null, ticketId: null, forMe: true };
    }
  }
}

/** Applies prefs and presence: notifications off, or away/offline with quiet mode, mute all but my own chats. */
export function decide(candidate: NotificationCandidate | null, ctx: NotificationContext): NotificationDecision | null {
  if (!candidate || !ctx.prefs.enabled) return null;
  const quiet = ctx.me.status !== 'online' && ctx.prefs.quietWhenAway;
  if (quiet && !candidate.forMe) return null;
  return { ...candidate, sound: ctx.prefs.sound && !quiet };
}

export interface CoalesceState {
  lastShownAt: number | null;
  /** Whether the last one shown was about my own chats; a general one never masks a personal one. */
  lastForMe: boolean;
  /** Notifications swallowed since the last one shown; mentioned in the next one. */
  suppressed: number;
}
export const initialCoalesceState: CoalesceState = { lastShownAt: null, lastForMe: false, suppressed: 0 };

/**
 * At most one notification per window: a burst (10 messages in 2 s) shows the first and counts the rest,
 * which the next notification mentions; the badge carries the exact numbers meanwhile. A notification about
 * my own chats still shows right after a general one ("chat waiting" then "assigned to you" in one second).
 */
export function coalesce(
  state: CoalesceState,
  decision: NotificationDecision,
  now: number,
  windowMs = COALESCE_WINDOW_MS,
): { state: CoalesceState; show: NotificationDecision | null } {
  const escalates = decision.forMe && !state.lastForMe;
  if (state.lastShownAt !== null && now - state.lastShownAt < windowMs && !escalates) {
    return { state: { ...state, suppressed: state.suppressed + 1 }, show: null };
  }
  const more = state.suppressed > 0 ? ` (+${state.suppressed} more)` : '';
  return { state: { lastShownAt: now, lastForMe: decision.forMe, suppressed: 0 }, show: { ...decision, body: decision.body + more } };
}

/** Badge = chats with unread visitor messages + chats waiting in my departments. */
export function badgeCount(
  unreadByConversation: Readonly<Record<string, number>>,
  waitingByDepartment: Readonly<Record<string, number>>,
  myDepartmentIds: readonly string[],
): number {
  const unreadChats = Object.values(unreadByConversation).filter((n) => n > 0).length;
  const waiting = myDepartmentIds.reduce((sum, d) => sum + (waitingByDepartment[d] ?? 0), 0);
  return unreadChats + waiting;
}
