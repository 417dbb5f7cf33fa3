import { describe, expect, it } from 'vitest';
import { splitSnippet } from '../../../../src-renderer/search/snippet';

describe('splitSnippet', () => {
  it('marks the text between \\u0002 and \\u0003 as a match', () => {
    expect(splitSnippet('the \u0002stream\u0003 is \u0002black\u0003 now')).toEqual([
      { text: 'the ', match: false },
      { text: 'stream', match: true },
      { text: ' is ', match: false },
      { text: 'black', match: true },
      { text: ' now', match: false },
    ]);
  });

  it('returns the whole text unmarked when there are no markers', () => {
    expect(splitSnippet('plain <b>text</b>')).toEqual([{ text: 'plain <b>text</b>', match: false }]);
  });

  it('ignores stray end markers and closes an unterminated match at the end', () => {
    expect(splitSnippet('a\u0003b \u0002c')).toEqual([
      { text: 'ab ', match: false },
      { text: 'c', match: true },
    ]);
  });
});
