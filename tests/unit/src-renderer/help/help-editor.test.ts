import { describe, expect, it } from 'vitest';
import { canSave, editorAfter, editorFor, hasChanges, newestRevision, saveInput, showsOlderRevision } from '../../../../src-renderer/help/help-editor';
import { ARTICLE, detail } from './help-fixtures';

describe('article editor state', () => {
  it('opens the newest revision with nothing to save, and saves on top of it once the author types', () => {
    const e = editorFor(detail(3));
    expect(e.baseRevision).toBe(3);
    expect(hasChanges(e)).toBe(false);
    expect(canSave(e)).toBe(false);
    const typed = { ...e, body: 'New text' };
    expect(canSave(typed)).toBe(true);
    expect(saveInput(typed)).toEqual({ articleId: ARTICLE, baseRevision: 3, draft: { title: 'Title 3', body: 'New text' } });
  });

  it('an older revision opened builds on the newest, and saving it unchanged is a restore', () => {
    const d = detail(5, { open: 2 });
    expect(newestRevision(d)).toBe(5);
    const e = editorFor(d);
    expect(showsOlderRevision(e)).toBe(true);
    expect(canSave(e)).toBe(true);
    expect(saveInput(e)).toMatchObject({ baseRevision: 5, draft: { title: 'Title 2', body: 'Body 2' } });
  });

  it('cannot save during a conflict, a request, or with an empty title', () => {
    const e = { ...editorFor(detail(1)), body: 'changed' };
    expect(canSave({ ...e, conflict: true })).toBe(false);
    expect(canSave({ ...e, busy: 'save' })).toBe(false);
    expect(canSave({ ...e, title: '  ' })).toBe(false);
  });

  it('after a save follows the server, keeping text typed while the save was out', () => {
    const before = { ...editorFor(detail(1)), title: ' Reset ', body: 'sent' };
    const sent = { title: ' Reset ', body: 'sent' };
    // The server trimmed the title; the body was typed on meanwhile.
    const after = editorAfter({ ...before, body: 'sent, and more' }, detail(2, { title: 'Reset', body: 'sent' }), sent);
    expect(after.baseRevision).toBe(2);
    expect(after.title).toBe('Reset');
    expect(after.body).toBe('sent, and more');
    expect(hasChanges(after)).toBe(true);
    const clean = editorAfter(before, detail(2, { title: 'Reset', body: 'sent' }), sent);
    expect(hasChanges(clean)).toBe(false);
  });
});
