// What the search index keeps of an article's Markdown: the words a reader sees, not its layout marks.
import { describe, expect, it } from 'vitest';
import { searchableText } from '../../../../src-server/db/help-search-index';

describe('searchableText', () => {
  it("keeps a table's cells and drops its delimiter row", () => {
    const text = searchableText('| Team | Chat hours |\n|---|:---:|\n| Finance | 9 to 5 |');
    expect(text).toContain('Team Chat hours');
    expect(text).toContain('Finance 9 to 5');
    expect(text).not.toMatch(/---/);
  });
  it('keeps link words and image alt text, not their targets', () => {
    expect(searchableText('See [the guide](/help/articles/x) and ![a diagram](/help/images/d.png).')).toBe('See the guide and a diagram.');
  });
});
