// Slugs from titles: what "New section" and "New article" fill in as the author types a title (they may edit it). The
// same shape the server accepts (helpSlugSchema): lower-case words of letters and digits joined by dashes.
import { helpSlugSchema } from '../../src-shared/help-center';

/** The longest slug the server accepts. */
export const HELP_SLUG_MAX = 80;

/** "Résumé: printing & PDFs!" → "resume-printing-pdfs"; accents dropped, anything else a word break; "" when no letters. */
export function slugFromTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    // Cut between words, so a long title never ends its slug mid-word; a first word alone too long is cut hard.
    if (next.length > HELP_SLUG_MAX) return slug === '' ? word.slice(0, HELP_SLUG_MAX) : slug;
    slug = next;
  }
  return slug;
}

/** Why a slug the author typed would be refused, or null when the server will take it. */
export function slugProblem(slug: string): string | null {
  if (slug === '') return 'Give it a slug (it is part of the address).';
  return helpSlugSchema.safeParse(slug).success ? null : 'Use lower-case letters and digits, words joined by single dashes (at most 80 characters).';
}
