// What the portal pages say, as pure functions: the status filter, CC chips, channel names, sign-in link problems
// and the "link works until" line. Kept apart from the components so each rule is tested without a browser.
import type { AppError } from '../../../../src-shared/result';
import { ticketStatuses, ticketStatusLabels, type TicketStatus } from '../../../../src-shared/ticket-lifecycle';
import { isLikelyEmail } from '../email-address';

/** The filter's choices: everything, everything still in progress, or one status by the docs' names. */
export const statusFilters: { value: string; label: string; statuses: readonly TicketStatus[] }[] = [
  { value: 'all', label: 'All requests', statuses: [] },
  { value: 'active', label: 'In progress (not solved or closed)', statuses: ['open', 'awaiting_reply', 'fixed_pending_rca'] },
  ...ticketStatuses.map((s) => ({ value: s, label: ticketStatusLabels[s], statuses: [s] })),
];

export function statusesFor(filter: string): readonly TicketStatus[] {
  return statusFilters.find((f) => f.value === filter)?.statuses ?? [];
}

export const channelLabels = { chat: 'Chat', email: 'Email', web: 'Web request' } as const;

/** portalCommentSchema and portalRequestSchema allow at most this many CCs. */
export const MAX_CCS = 20;

/**
 * Typed text → chips: "a@x.com, b@y.com" adds both; a duplicate (of a chip or of an address already copied) is skipped;
 * the first address that is not an email stays in the box with the reason, so nothing typed is lost silently.
 */
export function addCcChips(chips: readonly string[], text: string, already: readonly string[] = []): { chips: string[]; rest: string; error: string | null } {
  const parts = text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out = [...chips];
  const known = new Set([...chips, ...already].map((c) => c.toLowerCase()));
  for (const [i, part] of parts.entries()) {
    if (!isLikelyEmail(part)) return { chips: out, rest: parts.slice(i).join(', '), error: `“${part}” is not a valid email address.` };
    if (known.has(part.toLowerCase())) continue;
    if (out.length >= MAX_CCS) return { chips: out, rest: parts.slice(i).join(', '), error: `You can copy at most ${MAX_CCS} people at once.` };
    known.add(part.toLowerCase());
    out.push(part.toLowerCase());
  }
  return { chips: out, rest: '', error: null };
}

export type LinkProblem = 'used' | 'expired' | 'invalid' | 'other';

/** Why a sign-in link did not work, from the server's error (a used link and a forged one both read as "not valid"). */
export function signInLinkProblem(error: AppError): LinkProblem {
  if (error.code === 'expired') return 'expired';
  if (error.code === 'conflict' || /already (been )?used/i.test(error.message)) return 'used';
  if (['unauthorized', 'not_found', 'bad_request', 'forbidden'].includes(error.code)) return 'invalid';
  return 'other';
}

export const linkProblemText: Record<Exclude<LinkProblem, 'other'>, { title: string; text: string }> = {
  used: {
    title: 'This sign-in link was already used',
    text: 'Each link signs you in once. If you just signed in, go to My activities; otherwise send yourself a new link.',
  },
  expired: { title: 'This sign-in link has expired', text: 'Links work for a short time only, to keep your requests private. Send yourself a new one.' },
  invalid: { title: 'This sign-in link is not valid', text: 'It may have been cut short by your email program, or already used. Send yourself a new one.' },
};

/**
 * "until 11:15 PM (in 15 minutes)" for the "Check your email" state, in the reader's own clock. The relative part only
 * when it is plausible: a browser clock far off the server's would otherwise say "in 0 minutes" or "in 300 hours".
 */
export function expiryText(expiresAt: number, now: number, opts: { locale?: string; timeZone?: string } = {}): string {
  const minutes = Math.round((expiresAt - now) / 60_000);
  if (minutes <= 0 || minutes > 24 * 60) {
    const when = new Intl.DateTimeFormat(opts.locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: opts.timeZone });
    return `until ${when.format(expiresAt)}`;
  }
  const time = new Intl.DateTimeFormat(opts.locale, { hour: 'numeric', minute: '2-digit', timeZone: opts.timeZone }).format(expiresAt);
  const span = minutes < 90 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${Math.round(minutes / 60)} hours`;
  return `until ${time} (in ${span})`;
}

/** The document title of each screen, so tabs, history and screen readers name the page. */
export function pageTitle(heading: string): string {
  return `${heading} · Support`;
}
