import { describe, expect, it } from 'vitest';
import { publicHelpUrl, suggestionLine, suggestionQuery, withSuggestion } from '../../../../src-renderer/help/help-suggestions';
import { HELP_QUERY_MAX_CHARS } from '../../../../src-shared/help-center';
import { helpQuerySchema } from '../../../../src-shared/protocol/help';

const visitor = (body: string) => ({ authorKind: 'visitor', body });
const agent = (body: string) => ({ authorKind: 'specialist', body });

describe('what the suggestions ask about', () => {
  it('the visitor’s latest message, else the question they opened the chat with', () => {
    expect(suggestionQuery('How do I export?', [])).toBe('How do I export?');
    expect(suggestionQuery('How do I export?', [visitor('also: reset password'), agent('Sure, one moment')])).toBe('also: reset password');
    expect(suggestionQuery('Question', [visitor('first'), visitor('  second   message \n here ')])).toBe('second message here');
  });

  it('nothing when there are fewer than two characters', () => {
    expect(suggestionQuery(' ', [])).toBeNull();
    expect(suggestionQuery('Long question', [visitor('k')])).toBeNull();
  });

  it('cuts a long message at a word break so the server never refuses it', () => {
    const long = `${'word '.repeat(60)}end`;
    const q = suggestionQuery(long, []) ?? '';
    expect(q.length).toBeLessThanOrEqual(HELP_QUERY_MAX_CHARS);
    expect(q.endsWith('word')).toBe(true);
    expect(helpQuerySchema.safeParse(q).success).toBe(true);
    expect(suggestionQuery('x'.repeat(500), [])).toBe('x'.repeat(HELP_QUERY_MAX_CHARS));
  });
});

describe('the line a suggestion adds to the reply', () => {
  it('is the title and the article’s address on the server', () => {
    expect(suggestionLine({ title: 'Reset your password', slug: 'reset-password' }, 'https://help.example.com/')).toBe('Reset your password — https://help.example.com/help/articles/reset-password');
  });

  it('keeps a full address the server answered as it is', () => {
    expect(publicHelpUrl('https://public.example.com/help/articles/a', 'http://10.0.0.5:8080')).toBe('https://public.example.com/help/articles/a');
    expect(publicHelpUrl('/help/articles/a', 'http://10.0.0.5:8080')).toBe('http://10.0.0.5:8080/help/articles/a');
  });

  it('goes on its own line after what is typed, never replacing it', () => {
    expect(withSuggestion('', 'L')).toBe('L');
    expect(withSuggestion('Have a look:  ', 'L')).toBe('Have a look:\nL');
    expect(withSuggestion('Line one\n', 'L')).toBe('Line one\nL');
  });
});
