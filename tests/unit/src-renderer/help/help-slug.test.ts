import { describe, expect, it } from 'vitest';
import { HELP_SLUG_MAX, slugFromTitle, slugProblem } from '../../../../src-renderer/help/help-slug';
import { helpSlugSchema } from '../../../../src-shared/help-center';

describe('slug from a title', () => {
  it('joins lower-case words with dashes, dropping accents and punctuation', () => {
    expect(slugFromTitle('Résumé: printing & PDFs!')).toBe('resume-printing-pdfs');
    expect(slugFromTitle('  How do I  reset my password?  ')).toBe('how-do-i-reset-my-password');
    expect(slugFromTitle('Lumina 2.0 — release notes')).toBe('lumina-2-0-release-notes');
  });

  it('is empty when the title has no letters or digits', () => {
    expect(slugFromTitle('¿¡ — !?')).toBe('');
  });

  it('cuts a long title between words, never past the limit, and the result is always accepted by the server', () => {
    const title = 'Why the exported spreadsheet of last quarter shows different totals than the dashboard does today';
    const slug = slugFromTitle(title);
    expect(slug.length).toBeLessThanOrEqual(HELP_SLUG_MAX);
    expect(title.toLowerCase().replace(/ /g, '-').startsWith(slug)).toBe(true);
    expect(slug.endsWith('-')).toBe(false);
    expect(helpSlugSchema.safeParse(slug).success).toBe(true);
    expect(slugFromTitle('x'.repeat(120))).toBe('x'.repeat(HELP_SLUG_MAX));
  });
});

describe('slug problems', () => {
  it('accept what the server accepts and explain the rest', () => {
    expect(slugProblem('reset-password')).toBeNull();
    expect(slugProblem('')).toMatch(/slug/);
    expect(slugProblem('Reset Password')).toMatch(/lower-case/);
    expect(slugProblem('double--dash')).toMatch(/single dashes/);
  });
});
