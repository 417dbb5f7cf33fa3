// What the Subscriptions screen lists, as pure functions: the release notes section of each product (what "subscribe to
// release notes" follows) and whether the caller follows it. Tested without a browser.
import type { FollowKind, HelpFollow } from '../../../../src-shared/help-center';
import type { HelpSectionsAnswer } from '../../../../src-shared/protocol/help';

export interface ReleaseNotesChoice {
  sectionId: string;
  productName: string;
  sectionTitle: string;
  followed: boolean;
}

/** One row per product that has a release notes section (its first, by position), in the products' order. */
export function releaseNotesChoices(answer: HelpSectionsAnswer, follows: readonly HelpFollow[]): ReleaseNotesChoice[] {
  const followed = new Set(follows.filter((f) => f.kind === 'section').map((f) => f.id));
  return answer.products.flatMap((p) => {
    const section = answer.sections.filter((s) => s.productId === p.id && s.kind === 'release_notes').sort((a, b) => a.position - b.position)[0];
    return section ? [{ sectionId: section.id, productName: p.name, sectionTitle: section.title, followed: followed.has(section.id) }] : [];
  });
}

export const followKindLabels = { section: 'Section', article: 'Article' } as const;

/** "the section FAQs of Technical" (as the unfollow answer names it); null for an article or a section not listed. */
export function sectionName(answer: HelpSectionsAnswer | null, target: { kind: FollowKind; id: string }): string | null {
  if (!answer || target.kind !== 'section') return null;
  const section = answer.sections.find((s) => s.id === target.id);
  const product = section ? answer.products.find((p) => p.id === section.productId) : undefined;
  return section && product ? `the section ${section.title} of ${product.name}` : null;
}
