import { describe, expect, it } from 'vitest';
import { articlePlace, nestHelpTree } from '../../../../src-renderer/help/help-tree';
import { tree } from './help-fixtures';

describe('authoring tree', () => {
  it('nests products in their order, their sections in theirs, and each section’s articles by title', () => {
    const nested = nestHelpTree(tree());
    expect(nested.map((p) => p.product.name)).toEqual(['Lumina', 'Studio', 'Empty']);
    expect(nested[0]?.sections.map((s) => s.section.title)).toEqual(['FAQs', 'Setup']);
    // Case does not decide the order: "Accounts" before "billing questions".
    expect(nested[0]?.sections[0]?.articles.map((a) => a.title)).toEqual(['Accounts', 'billing questions']);
    expect(nested[0]?.sections[1]?.articles).toEqual([]);
    expect(nested[1]?.sections[0]?.articles.map((a) => a.slug)).toEqual(['export']);
    expect(nested[2]?.sections).toEqual([]);
  });

  it('says where a section sits, product first', () => {
    expect(articlePlace(tree(), '20000000-0000-4000-8000-00000000000c')).toBe('Studio › Guides');
    expect(articlePlace(tree(), '20000000-0000-4000-8000-0000000000ff')).toBe('');
  });
});
