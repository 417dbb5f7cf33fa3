// Fixed – Pending RCA rules: the move needs a workaround, and the RCA note is recorded once the analysis is done.
import { err, ok, type Result } from '../../src-shared/result';
import type { Ticket, TicketPatch } from '../../src-shared/ticket';

const filled = (text: string | null | undefined): boolean => typeof text === 'string' && text.trim().length > 0;

const refuse = (path: 'workaround' | 'rcaNote', message: string) => err('invalid_transition', message, [{ path, message }]);

/**
 * Checks the Fixed – Pending RCA fields of a specialist's patch against the ticket it applies to.
 *
 * This is the second gate, never a replacement for the first: the tickets service calls
 * canTransition(from, to, 'specialist') for the status move (which statuses may follow which), then this check for
 * the fields the move needs. canTransition knows nothing of fields; this knows nothing of who may move what.
 *
 * - Entering or staying in fixed_pending_rca needs a non-blank workaround, from the patch or already on the ticket;
 *   a patch cannot blank the workaround while the ticket is pending RCA (customers were promised one).
 * - An RCA note (non-blank) can be recorded while the ticket is pending RCA, in the same patch that moves it on
 *   (typically to solved), or later on a ticket that went through pending RCA (it has a workaround): root cause
 *   analysis often finishes after the ticket was solved or even closed. Nothing moves the status by itself when
 *   the note arrives; the specialist decides. Clearing a note (null) is always allowed.
 */
export function checkPendingRcaPatch(ticket: Ticket, patch: TicketPatch): Result<void> {
  const to = patch.status ?? ticket.status;
  const workaround = patch.workaround !== undefined ? patch.workaround : ticket.workaround;
  if (to === 'fixed_pending_rca' && !filled(workaround)) {
    return ticket.status === 'fixed_pending_rca'
      ? refuse('workaround', 'The workaround cannot be removed while the ticket is Fixed – Pending RCA.')
      : refuse('workaround', 'Moving a ticket to Fixed – Pending RCA needs the workaround that was provided.');
  }
  if (patch.rcaNote !== undefined && patch.rcaNote !== null) {
    if (!filled(patch.rcaNote)) return refuse('rcaNote', 'The RCA note is empty.');
    const wentThroughRca = ticket.status === 'fixed_pending_rca' || filled(ticket.workaround) || to === 'fixed_pending_rca';
    if (!wentThroughRca) return refuse('rcaNote', 'An RCA note belongs to a ticket that was Fixed – Pending RCA.');
  }
  return ok(undefined);
}

/** Pending RCA with the analysis recorded: the ticket is ready to be solved. */
export function isRcaDone(ticket: Ticket): boolean {
  return ticket.status === 'fixed_pending_rca' && filled(ticket.rcaNote);
}
