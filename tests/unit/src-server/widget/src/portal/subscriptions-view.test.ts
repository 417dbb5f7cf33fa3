// The Subscriptions screen's release notes rows (subscriptions-view.ts).
import { describe, expect, it } from 'vitest';
import { releaseNotesChoices, sectionName } from '../../../../../../src-server/widget/src/portal/subscriptions-view';
import type { HelpSectionsAnswer } from '../../../../../../src-shared/protocol/help';
import type { HelpFollow } from '../../../../../../src-shared/help-center';

const ids = { lumRn: '11111111-1111-4111-8111-111111111111', lumFaq: '22222222-2222-4222-8222-222222222222', techRn: '33333333-3333-4333-8333-333333333333', techRn2: '44444444-4444-4444-8444-444444444444' };

const answer: HelpSectionsAnswer = {
  products: [
    { id: 'technical', name: 'Technical', description: '', position: 2, showsStatus: true },
    { id: 'lumina', name: 'Lumina', description: '', position: 1, showsStatus: false },
    { id: 'finance', name: 'Finance', description: '', position: 3, showsStatus: false },
  ],
  sections: [
    { id: ids.lumFaq, productId: 'lumina', slug: 'faqs', title: 'FAQs', description: '', kind: 'faq', position: 1 },
    { id: ids.lumRn, productId: 'lumina', slug: 'release-notes', title: 'Release notes', description: '', kind: 'release_notes', position: 3 },
    { id: ids.techRn2, productId: 'technical', slug: 'old-notes', title: 'Old notes', description: '', kind: 'release_notes', position: 9 },
    { id: ids.techRn, productId: 'technical', slug: 'release-notes', title: 'Release notes', description: '', kind: 'release_notes', position: 2 },
  ],
};

const follow = (kind: HelpFollow['kind'], id: string): HelpFollow => ({ kind, id, title: 't', productName: 'p', url: '/', since: 0 });

describe('release notes choices', () => {
  it('one row per product with release notes (its first by position), in the order the answer lists products', () => {
    expect(releaseNotesChoices(answer, []).map((r) => [r.productName, r.sectionId, r.followed])).toEqual([
      ['Technical', ids.techRn, false],
      ['Lumina', ids.lumRn, false],
    ]);
  });

  it('followed when the caller follows that section (an article with the same id does not count)', () => {
    const rows = releaseNotesChoices(answer, [follow('section', ids.lumRn), follow('article', ids.techRn), follow('section', ids.lumFaq)]);
    expect(rows.map((r) => [r.productName, r.followed])).toEqual([
      ['Technical', false],
      ['Lumina', true],
    ]);
  });
});

describe('the follow offer names its section', () => {
  it('as the unfollow answer does; an article or an unknown section is not named', () => {
    expect(sectionName(answer, { kind: 'section', id: ids.lumFaq })).toBe('the section FAQs of Lumina');
    expect(sectionName(answer, { kind: 'article', id: ids.lumFaq })).toBeNull();
    expect(sectionName(answer, { kind: 'section', id: '55555555-5555-4555-8555-555555555555' })).toBeNull();
    expect(sectionName(null, { kind: 'section', id: ids.lumFaq })).toBeNull();
  });
});
