// Text the editor inserts into an article's Markdown at the cursor: an uploaded image as `![alt](url)`.

/** `![alt](url)` with an alt text that cannot end the link early (brackets and line breaks dropped). */
export function imageMarkdown(fileName: string, url: string): string {
  const alt = fileName
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[[\]\r\n\\]+/g, ' ')
    .replace(/[-_]+/g, ' ')
    .trim();
  // Parentheses and spaces would end the link's destination (encodeURIComponent leaves parentheses alone).
  const destination = url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `![${alt || 'image'}](${destination})`;
}

/**
 * `insert` put between `start` and `end` (the selection, replaced), on a line of its own when it is a block such as an
 * image; answers the new text and where the cursor goes (just after the insert).
 */
export function insertAt(text: string, start: number, end: number, insert: string, block = false): { text: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const before = text.slice(0, from);
  const after = text.slice(to);
  const lead = block && before !== '' && !before.endsWith('\n') ? '\n' : '';
  const trail = block && after !== '' && !after.startsWith('\n') ? '\n' : '';
  const middle = `${lead}${insert}${trail}`;
  return { text: `${before}${middle}${after}`, cursor: before.length + lead.length + insert.length };
}
