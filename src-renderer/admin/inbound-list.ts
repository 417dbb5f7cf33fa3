// What the Inbound mail screen derives from the server's list: the status filter choices with the failed count,
// which mails may be processed again, and the words for a count. Pure.
import { inboundMailStatusLabels, inboundMailStatusSchema, type InboundMailStatus } from '../../src-shared/inbound-mail';

export interface StatusChoice {
  status: InboundMailStatus | null;
  label: string;
  /** Shown after the label ("Could not be read · 3"); only the failed count is known without reading every status. */
  count: string | null;
}

/** "All" first, then every status in the shared order; the failed one carries its count ("200+" at the list limit). */
export function statusChoices(failedCount: number | null, limit: number): StatusChoice[] {
  return [
    { status: null, label: 'All', count: null },
    ...inboundMailStatusSchema.options.map((status) => ({
      status,
      label: inboundMailStatusLabels[status],
      count: status === 'failed' && failedCount !== null ? countText(failedCount, limit) : null,
    })),
  ];
}

/** "3", or "200+" when the server answered as many as it lists at once. */
export function countText(n: number, limit: number): string {
  return n >= limit ? `${limit}+` : String(n);
}

/**
 * A mail that failed, or is still waiting (the listener stored it but processing never finished — a restart in
 * between), may be processed again; one on a ticket or ignored as automatic mail needs nothing more.
 */
export const canProcessAgain = (status: InboundMailStatus): boolean => status === 'failed' || status === 'received';

/** The line above the list when some mail could not be read, or null when none. */
export function failedNotice(failedCount: number | null, limit: number): string | null {
  if (!failedCount) return null;
  return failedCount === 1 ? '1 mail could not be read.' : `${countText(failedCount, limit)} mails could not be read.`;
}
