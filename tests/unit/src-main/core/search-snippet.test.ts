import { describe, expect, it } from 'vitest';
import { makeSnippet, searchWords } from '../../../../src-main/core/search-snippet';

describe('searchWords', () => {
  it('drops quotes, control characters and a leading #', () => {
    expect(searchWords(' "black"  #1042 \u0002x ')).toEqual(['black', '1042', 'x']);
  });
  it('ignores input without letters or digits', () => {
    expect(searchWords('-- !!')).toEqual([]);
  });
});

describe('makeSnippet', () => {
  it('marks every match, ignoring case and accents', () => {
    expect(makeSnippet('Café is closed, the CAFE opens later', ['cafe'])).toBe('\u0002Café\u0003 is closed, the \u0002CAFE\u0003 opens later');
  });

  it('matches the last typed word as a prefix only', () => {
    expect(makeSnippet('stream streaming stre', ['stre'])).toBe('\u0002stream\u0003 \u0002streaming\u0003 \u0002stre\u0003');
    expect(makeSnippet('stream streaming', ['stre', 'x'])).toBe('stream streaming');
  });

  it('cuts long text around the first match with ellipses', () => {
    const text = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const s = makeSnippet(text, ['w20'], 6);
    expect(s).toBe('…w17 w18 w19 \u0002w20\u0003 w21 w22…');
  });

  it('matches words of an email address typed whole', () => {
    expect(makeSnippet('#7 Invoice · bob@corp.example', ['bob@corp'])).toBe('#7 Invoice · \u0002bob\u0003@\u0002corp\u0003.example');
  });
});
