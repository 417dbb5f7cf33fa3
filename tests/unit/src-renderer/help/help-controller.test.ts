import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHelpController } from '../../../../src-renderer/help/help-controller';
import { createAppStore } from '../../../../src-renderer/store/app-store';
import { err, ok, type Result } from '../../../../src-shared/result';
import type { HelpArticleDetail } from '../../../../src-shared/help-center';
import { ME, specialist } from '../factories';
import { fakeConsoleApi, type FakeHandlers } from '../fake-console-api';
import { ARTICLE, detail, tree } from './help-fixtures';

const CONFLICT = 'Someone else saved this article since you opened it.';

function setup(handlers: FakeHandlers) {
  const store = createAppStore();
  store.getState().setSession({ serverUrl: 'http://127.0.0.1:1', me: specialist({ id: ME, role: 'lead' }), connection: 'online' });
  const fake = fakeConsoleApi({ getHelpTree: async () => ok(tree()), ...handlers });
  const help = createHelpController(fake.api, store, async () => 'AAAA');
  return { store, help, ...fake };
}

afterEach(() => vi.restoreAllMocks());

describe('help center controller', () => {
  it('saves on top of the revision it opened; a conflict keeps the text, stops saving, and Reload brings the newest', async () => {
    let newest: HelpArticleDetail = detail(2);
    const { store, help, calls } = setup({
      getHelpArticle: async () => ok(newest),
      saveHelpArticle: async () => err('conflict', CONFLICT),
    });
    await help.openArticle(ARTICLE);
    help.edit({ body: 'My edit' });
    expect(help.unsaved()).toBe(true);

    expect(await help.save()).toBeNull();
    const e = store.getState().helpEditor;
    expect(calls.find((c) => c.method === 'saveHelpArticle')?.input).toEqual({ articleId: ARTICLE, baseRevision: 2, draft: { title: 'Title 2', body: 'My edit' } });
    expect(e).toMatchObject({ conflict: true, problem: CONFLICT, body: 'My edit', busy: null });

    // Someone else's revision 3 is what Reload opens; the conflict is over and nothing is unsaved.
    newest = detail(3);
    await help.openArticle(ARTICLE);
    expect(store.getState().helpEditor).toMatchObject({ conflict: false, problem: null, body: 'Body 3', baseRevision: 3 });
    expect(help.unsaved()).toBe(false);
  });

  it('publishing unsaved text saves it first, then publishes, and the tree is read again', async () => {
    const { store, help, calls } = setup({
      getHelpArticle: async () => ok(detail(1)),
      saveHelpArticle: async () => ok(detail(2, { body: 'Final' })),
      publishHelpArticle: async () => ok(detail(2, { body: 'Final', publishedRevision: 2, summary: { status: 'published' } })),
    });
    await help.openArticle(ARTICLE);
    help.edit({ body: 'Final' });
    expect(await help.publish()).toBe(true);
    expect(calls.map((c) => c.method).filter((m) => m !== 'getHelpTree')).toEqual(['getHelpArticle', 'saveHelpArticle', 'publishHelpArticle']);
    expect(store.getState().helpEditor).toMatchObject({ body: 'Final', baseRevision: 2, detail: { publishedRevision: 2 } });
    expect(help.unsaved()).toBe(false);
    expect(store.getState().toast?.text).toMatch(/revision 2/);
  });

  it('a refused save does not publish', async () => {
    const { help, calls } = setup({
      getHelpArticle: async () => ok(detail(1)),
      saveHelpArticle: async () => err('offline', 'You are offline'),
    });
    await help.openArticle(ARTICLE);
    help.edit({ title: 'New title' });
    expect(await help.publish()).toBe(false);
    expect(calls.some((c) => c.method === 'publishHelpArticle')).toBe(false);
  });

  it('opens an older revision by number, to restore it', async () => {
    const { store, help, calls } = setup({ getHelpArticle: async () => ok(detail(4, { open: 2 })) });
    await help.openArticle(ARTICLE, 2);
    expect(calls[0]?.input).toEqual({ articleId: ARTICLE, revision: 2 });
    expect(store.getState().helpEditor).toMatchObject({ opened: { revision: 2 }, baseRevision: 4 });
  });

  it('suggestions that cannot be had are an empty list and a log line, never a toast', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { store, help } = setup({ suggestHelp: async () => err('offline', 'You are offline') });
    expect(await help.suggest('reset password')).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
    expect(store.getState().toast).toBeNull();
  });

  it('asks for a preview image once per address, and again after a failure', async () => {
    let answer: Result<{ dataUrl: string | null }> = err('offline', 'You are offline');
    const { help, calls } = setup({ previewHelpImage: async () => answer });
    expect(await help.previewImage('/help/images/a.png')).toBeNull();
    answer = ok({ dataUrl: 'data:image/png;base64,AAAA' });
    expect(await help.previewImage('/help/images/a.png')).toBe('data:image/png;base64,AAAA');
    expect(await help.previewImage('/help/images/a.png')).toBe('data:image/png;base64,AAAA');
    expect(calls.filter((c) => c.method === 'previewHelpImage')).toHaveLength(2);
  });
});
