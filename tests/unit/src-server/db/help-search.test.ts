// The pure half of help search: the match expressions built from a reader's words, and marked snippets → text parts.
import { describe, expect, it } from 'vitest';
import { ftsMatchExpression, ftsWords, markedParts, tsQueryText, tsQueryWords } from '../../../../src-server/db/help-search';

describe('ftsMatchExpression', () => {
  it('quotes every word as a phrase, the last one a prefix, all ANDed', () => {
    expect(ftsMatchExpression('reset pass')).toBe('"reset" AND "pass"*');
    expect(ftsMatchExpression('  bill  ')).toBe('"bill"*');
  });
  it('doubles quotes inside a word and drops words without letters or digits', () => {
    expect(ftsMatchExpression('say "hi" -- *')).toBe('"say" AND """hi"""*');
    expect(ftsMatchExpression('"" ** --')).toBeNull();
  });
});

describe('tsQueryText', () => {
  it('keeps runs of letters and digits only, the last one a prefix', () => {
    expect(tsQueryText("bill' | !x & y:*")).toBe('bill & x & y:*');
    expect(tsQueryText('café h264')).toBe('café & h264:*');
    expect(tsQueryText('"\'()&|!:*')).toBeNull();
  });
});

describe("'any' (suggestions)", () => {
  it('ORs the words after dropping stop words, the last kept word a prefix', () => {
    const question = 'Since the keynote started, I only see a black screen';
    expect(ftsMatchExpression(question, 'any')).toBe('"keynote" OR "started," OR "see" OR "black" OR "screen"*');
    expect(tsQueryText(question, 'any')).toBe('keynote | started | see | black | screen:*');
    expect(ftsWords('The Invoice', 'any')).toEqual(['"Invoice"*']);
    expect(tsQueryWords('Where is my invoice?', 'any')).toEqual(['invoice:*']);
  });
  it('answers nothing for stop words only, and keeps them with every word required', () => {
    expect(tsQueryText('how do I do this', 'any')).toBeNull();
    expect(ftsMatchExpression('how do I', 'any')).toBeNull();
    expect(tsQueryText('how do I')).toBe('how & do & I:*');
  });
});

describe('markedParts', () => {
  it('turns start/stop marks into matched parts and folds whitespace', () => {
    expect(markedParts('Pay a \u0002bill\u0003\nby  card')).toEqual([
      { text: 'Pay a ', match: false },
      { text: 'bill', match: true },
      { text: ' by card', match: false },
    ]);
  });
  it('merges neighbouring marks and drops empty parts', () => {
    expect(markedParts('\u0002a\u0003\u0002b\u0003\u0002\u0003 c')).toEqual([
      { text: 'ab', match: true },
      { text: ' c', match: false },
    ]);
    expect(markedParts('')).toEqual([]);
  });
  it('keeps markup-looking text as text', () => {
    expect(markedParts('<b>\u0002x\u0003</b>')).toEqual([
      { text: '<b>', match: false },
      { text: 'x', match: true },
      { text: '</b>', match: false },
    ]);
  });
});
