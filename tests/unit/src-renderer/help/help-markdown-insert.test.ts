import { describe, expect, it } from 'vitest';
import { imageMarkdown, insertAt } from '../../../../src-renderer/help/help-markdown-insert';

describe('image markdown', () => {
  it('uses the file name as alt text, without anything that could end the link early', () => {
    expect(imageMarkdown('export-dialog_v2.png', '/help/images/a1.png')).toBe('![export dialog v2](/help/images/a1.png)');
    expect(imageMarkdown('a]b[c.jpg', '/help/images/x (1).jpg')).toBe('![a b c](/help/images/x%20%281%29.jpg)');
    expect(imageMarkdown('.png', '/help/images/y.png')).toBe('![image](/help/images/y.png)');
  });
});

describe('insert at the cursor', () => {
  it('replaces the selection and puts the cursor after the insert', () => {
    expect(insertAt('Hello world', 6, 11, 'there')).toEqual({ text: 'Hello there', cursor: 11 });
  });

  it('puts a block on a line of its own', () => {
    expect(insertAt('Intro text.', 11, 11, '![a](u)', true)).toEqual({ text: 'Intro text.\n![a](u)', cursor: 19 });
    expect(insertAt('One\nTwo', 3, 3, '![a](u)', true)).toEqual({ text: 'One\n![a](u)\nTwo', cursor: 11 });
    expect(insertAt('', 0, 0, '![a](u)', true)).toEqual({ text: '![a](u)', cursor: 7 });
  });

  it('keeps a selection past the end inside the text', () => {
    expect(insertAt('abc', 10, 12, 'X')).toEqual({ text: 'abcX', cursor: 4 });
  });
});
