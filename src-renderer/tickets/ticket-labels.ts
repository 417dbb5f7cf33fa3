// The words for the ids a ticket carries (status, resolution type, issue category, channel, product), read from
// the shared catalogues so the screen never shows "action-required-by-client" or "awaiting_reply". Pure.
import type { Ticket } from '../../src-shared/ticket';
import { ticketStatusLabels, ticketStatusSchema } from '../../src-shared/ticket-lifecycle';
import { findResolutionType } from '../../src-shared/resolution-catalog';
import { issueCategoryLabels, issueCategorySchema } from '../../src-shared/issue-category';

/** How a ticket came in: a chat, a mail to a department's address, or the portal's request form. */
export const ticketChannelLabels: Record<Ticket['channel'], string> = {
  chat: 'Chat',
  email: 'Email',
  web: 'Web form',
};

/** "id-like_words" → "Id like words": the last resort for an id no catalogue knows (e.g. a newer server's). */
export function humanizeId(id: string): string {
  const words = id
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : id;
}

/** A resolution type's catalogue label; a type retired from the catalogue still reads as words. */
export function resolutionLabel(typeId: string): string {
  return findResolutionType(typeId)?.label ?? humanizeId(typeId);
}

/** An issue category's label, or null when `value` is not one. */
export function categoryLabel(value: unknown): string | null {
  const parsed = issueCategorySchema.safeParse(value);
  return parsed.success ? issueCategoryLabels[parsed.data] : null;
}

/** A status's customer-facing name, or null when `value` is not one. */
export function statusLabel(value: unknown): string | null {
  const parsed = ticketStatusSchema.safeParse(value);
  return parsed.success ? ticketStatusLabels[parsed.data] : null;
}

/** Product lines are stored as lowercase slugs ("lumina"); there is no catalogue of names, so title-case them. */
export function productLabel(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
