// Help center values for the renderer's unit tests: an article detail with its history, and a small tree.
import type { HelpArticleDetail, HelpArticleSummary, HelpTree } from '../../../../src-shared/help-center';

export const ARTICLE = '30000000-0000-4000-8000-000000000001';
export const SECTION = '20000000-0000-4000-8000-000000000001';
const AUTHOR = '10000000-0000-4000-8000-000000000009';

export function summary(over: Partial<HelpArticleSummary> = {}): HelpArticleSummary {
  return {
    id: ARTICLE,
    sectionId: SECTION,
    slug: 'reset-password',
    title: 'Reset your password',
    status: 'draft',
    hasUnpublishedChanges: false,
    publishedAt: null,
    updatedAt: 1_700_000_000_000,
    ...over,
  };
}

/** An article whose newest revision is `newest`; `latest` is revision `open` (an older one when restoring). */
export function detail(newest: number, over: { open?: number; title?: string; body?: string; summary?: Partial<HelpArticleSummary>; publishedRevision?: number | null } = {}): HelpArticleDetail {
  const open = over.open ?? newest;
  const revisions = Array.from({ length: newest }, (_, i) => newest - i).map((revision) => ({
    revision,
    title: `Title ${revision}`,
    savedBy: AUTHOR,
    savedByName: 'Ada',
    savedAt: 1_700_000_000_000 + revision,
  }));
  return {
    summary: summary({ title: over.title ?? `Title ${newest}`, ...over.summary }),
    latest: { revision: open, title: over.title ?? `Title ${open}`, body: over.body ?? `Body ${open}`, savedBy: AUTHOR, savedByName: 'Ada', savedAt: 1_700_000_000_000 + open },
    publishedRevision: over.publishedRevision ?? null,
    revisions,
    url: '/help/articles/reset-password',
  };
}

export function tree(): HelpTree {
  const product = (id: string, name: string, position: number) => ({ id, name, description: '', position, showsStatus: false });
  const section = (id: string, productId: string, title: string, position: number) => ({ id, productId, slug: title.toLowerCase(), title, description: '', kind: 'faq' as const, position });
  return {
    products: [product('studio', 'Studio', 2), product('lumina', 'Lumina', 1), product('empty', 'Empty', 3)],
    sections: [
      section('20000000-0000-4000-8000-00000000000b', 'lumina', 'Setup', 2),
      section('20000000-0000-4000-8000-00000000000a', 'lumina', 'FAQs', 1),
      section('20000000-0000-4000-8000-00000000000c', 'studio', 'Guides', 1),
    ],
    articles: [
      summary({ id: '30000000-0000-4000-8000-00000000000b', sectionId: '20000000-0000-4000-8000-00000000000a', slug: 'billing', title: 'billing questions' }),
      summary({ id: '30000000-0000-4000-8000-00000000000a', sectionId: '20000000-0000-4000-8000-00000000000a', slug: 'accounts', title: 'Accounts' }),
      summary({ id: '30000000-0000-4000-8000-00000000000c', sectionId: '20000000-0000-4000-8000-00000000000c', slug: 'export', title: 'Export' }),
    ],
  };
}
