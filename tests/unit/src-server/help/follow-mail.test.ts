// What followers read: the single article mail (follow-notices.ts) and the daily digest (help-digest-mail.ts).
import { describe, expect, it } from 'vitest';
import { articleMail } from '../../../../src-server/help/follow-notices';
import { digestArticles, digestMail } from '../../../../src-server/help/help-digest-mail';
import type { DigestItem } from '../../../../src-server/db/help-follows';

const section = { title: 'Release notes', productName: 'Lumina' };

describe('the article mail', () => {
  it('a new article: subject, where, link, and why with the way out', () => {
    const m = articleMail({ article: { title: 'Version 2', change: 'new' }, articleUrl: 'https://s/help/articles/v2', section, via: 'section', unsubscribePage: 'https://s/help/unsubscribe?token=t' });
    expect(m.subject).toBe('New article: Version 2');
    expect(m.text.split('\n')).toEqual([
      'A new article was published in Release notes (Lumina):',
      '',
      'Version 2',
      'https://s/help/articles/v2',
      '',
      'You get this mail because you follow the section Release notes of Lumina in our help center. To stop mail about this section, open:',
      'https://s/help/unsubscribe?token=t',
      '',
    ]);
  });

  it('an update of a followed article names the article', () => {
    const m = articleMail({ article: { title: 'Pairing', change: 'updated' }, articleUrl: 'u', section, via: 'article', unsubscribePage: 'p' });
    expect(m.subject).toBe('Updated article: Pairing');
    expect(m.text).toContain('An article in Release notes (Lumina) was updated:');
    expect(m.text).toContain('you follow the article “Pairing” in our help center. To stop mail about this article, open:');
  });
});

const item = (o: Partial<DigestItem>): DigestItem => ({ id: 1, articleId: 'a', revision: 1, change: 'new', title: 'A', slug: 'a', sectionTitle: 'FAQs', productName: 'Lumina', ...o });

describe('the digest', () => {
  it('lists an article once, at its newest revision, still "new" when first published since the last digest', () => {
    const list = digestArticles([
      item({ id: 1, articleId: 'a', revision: 1, change: 'new', title: 'A now' }),
      item({ id: 2, articleId: 'b', revision: 4, change: 'updated', title: 'B', slug: 'b' }),
      item({ id: 3, articleId: 'a', revision: 2, change: 'updated', title: 'A now' }),
      // Out of order: an older revision queued later changes nothing but the "new".
      item({ id: 4, articleId: 'b', revision: 3, change: 'updated', title: 'B', slug: 'b' }),
    ]);
    expect(list.map((a) => [a.articleId, a.revision, a.change])).toEqual([
      ['a', 2, 'new'],
      ['b', 4, 'updated'],
    ]);
  });

  it('leaves out articles taken down since', () => {
    expect(digestArticles([item({ title: null })])).toEqual([]);
  });

  it('one line and link per article, and the link that ends every follow', () => {
    const m = digestMail({ articles: digestArticles([item({ title: 'Captions', slug: 'captions', change: 'updated' })]), publicUrl: 'https://s', unsubscribePage: 'https://s/help/unsubscribe?token=t' });
    expect(m.subject).toBe('Help center digest: 1 article new or updated');
    expect(m.text).toContain('Updated: Captions — FAQs (Lumina)\nhttps://s/help/articles/captions\n');
    expect(m.text).toContain('To stop all of it, open:\nhttps://s/help/unsubscribe?token=t');
  });
});
