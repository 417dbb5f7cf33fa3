import { describe, expect, it } from 'vitest';
import { helpArticleDraftSchema, helpSlugSchema } from '../../../../src-shared/help-center';
import { starterArticles } from '../../../../src-server/help/help-seed-articles';
import { defaultDepartments } from '../../../../src-server/seed';
import { SEEDED_SECTIONS } from '../../../../src-server/help/help-seed';

describe('starterArticles', () => {
  const articles = starterArticles(defaultDepartments);

  it('are 6 to 10 valid drafts with unique slugs that are not reader routes, each in a seeded section', () => {
    expect(articles.length).toBeGreaterThanOrEqual(6);
    expect(articles.length).toBeLessThanOrEqual(10);
    expect(new Set(articles.map((a) => a.slug)).size).toBe(articles.length);
    for (const a of articles) {
      expect(helpSlugSchema.safeParse(a.slug).success, a.slug).toBe(true);
      expect(helpArticleDraftSchema.safeParse({ title: a.title, body: a.body }).success, a.slug).toBe(true);
      expect(['search', 'articles', 'images', 'assets', 'unsubscribe']).not.toContain(a.slug);
      expect(defaultDepartments.map((d) => d.id)).toContain(a.productId);
      expect(SEEDED_SECTIONS.map((s) => s.slug)).toContain(a.sectionSlug);
    }
  });

  it('list every team address and hours from the departments, a pipe in a name or description kept out of the table', () => {
    const emails = articles.find((a) => a.slug === 'email-support-teams')?.body ?? '';
    for (const d of defaultDepartments) expect(emails).toContain(d.email);
    expect(emails).toContain('| AV Media | AV Print / Interactive / OOH / Media Accounting | avmedia@support.example.com |');
    const hours = articles.find((a) => a.slug === 'support-hours')?.body ?? '';
    expect(hours).toContain('| Technical | Mon–Fri 9 am to 7 pm Eastern Time |');
  });

  it('list every ticket status with its customer-facing name', () => {
    const body = articles.find((a) => a.slug === 'ticket-statuses')?.body ?? '';
    for (const label of ['Open', 'Awaiting your reply', 'Fixed – Pending RCA', 'Solved', 'Closed']) expect(body).toContain(`| ${label} |`);
  });
});
