// First-start help center: a product tile per seeded department, each with FAQs, Training and Documentation and
// Release notes sections, and a few published starter articles (help-seed-articles.ts) that search finds at once.
import { randomUUID } from 'node:crypto';
import type { Department } from '../../src-shared/department';
import { helpSectionKindLabels, type HelpProduct, type HelpSection, type HelpSectionKind } from '../../src-shared/help-center';
import type { Db } from '../db/schema';
import { countHelpProducts, insertHelpProducts } from '../db/help-products';
import { insertHelpSections } from '../db/help-sections';
import { HELP_SYSTEM_AUTHOR, insertHelpArticle, insertHelpRevision } from '../db/help-articles';
import { indexArticle } from '../db/help-search-index';
import { listSpecialists } from '../db/specialists';
import { starterArticles } from './help-seed-articles';

/** The tile that shows system availability (the docs: "View system availability (within the Technical tile)"). */
const STATUS_PRODUCT = 'technical';

/** Every product's sections, in this order. */
export const SEEDED_SECTIONS: readonly { slug: 'faqs' | 'documentation' | 'release-notes'; kind: HelpSectionKind; description: string }[] = [
  { slug: 'faqs', kind: 'faq', description: 'Answers to the questions we hear most.' },
  { slug: 'documentation', kind: 'documentation', description: 'Guides and training material.' },
  { slug: 'release-notes', kind: 'release_notes', description: 'What changed, release by release. Follow this section to hear about each one.' },
];

/**
 * Seeds the help center when it has no product yet, in one transaction (a crash leaves nothing half-made). Starter
 * articles are saved by the first admin account when there is one, else by HELP_SYSTEM_AUTHOR.
 */
export async function seedHelpIfEmpty(db: Db, now: number, departments: readonly Department[]): Promise<void> {
  if ((await countHelpProducts(db)) > 0) return;
  const admin = (await listSpecialists(db)).find((s) => s.role === 'admin' && s.active);
  const savedBy = admin?.id ?? HELP_SYSTEM_AUTHOR.id;
  const products: HelpProduct[] = departments.map((d) => ({ id: d.id, name: d.name, description: d.description, position: d.position, showsStatus: d.id === STATUS_PRODUCT }));
  const sections: HelpSection[] = products.flatMap((p) =>
    SEEDED_SECTIONS.map((s, i) => ({ id: randomUUID(), productId: p.id, slug: s.slug, title: helpSectionKindLabels[s.kind], description: s.description, kind: s.kind, position: i + 1 })),
  );
  await db.transaction().execute(async (trx) => {
    await insertHelpProducts(trx, products);
    await insertHelpSections(trx, sections);
    for (const a of starterArticles(departments)) {
      const section = sections.find((s) => s.productId === a.productId && s.slug === a.sectionSlug);
      if (!section) continue;
      const id = randomUUID();
      await insertHelpArticle(trx, {
        id,
        sectionId: section.id,
        slug: a.slug,
        status: 'published',
        latestRevision: 1,
        publishedRevision: 1,
        publishedTitle: a.title,
        publishedBody: a.body,
        firstPublishedAt: now,
        publishedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await insertHelpRevision(trx, { articleId: id, revision: 1, title: a.title, body: a.body, savedBy, savedAt: now });
      await indexArticle(trx, { id, title: a.title, body: a.body });
    }
  });
}
