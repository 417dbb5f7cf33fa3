import { describe, expect, it } from 'vitest';
import { defaultCannedResponses, matchCanned, slashQuery } from '../../../../src-renderer/chats/canned-responses';

describe('slashQuery', () => {
  it('recognises a lone slash command only', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/Brow')).toBe('brow');
    expect(slashQuery('hello /brow')).toBeNull();
    expect(slashQuery('/brow ser')).toBeNull();
  });
});

describe('matchCanned', () => {
  it('lists shortcut prefix matches before text mentions', () => {
    const list = [
      { shortcut: 'thanks', title: 'Closing', body: 'Glad I could help' },
      { shortcut: 'help', title: 'Help', body: 'x' },
    ];
    expect(matchCanned(list, 'h').map((c) => c.shortcut)).toEqual(['help', 'thanks']);
  });
  it('offers every default for a bare slash', () => {
    expect(matchCanned(defaultCannedResponses, '')).toHaveLength(defaultCannedResponses.length);
  });
});
