import { describe, expect, it } from 'vitest';
import type { HelpSearchHit } from '../../../../../src-shared/help-center';
import type { HelpSuggestAnswer, SuggestionEvent } from '../../../../../src-shared/protocol/help';
import { err, ok, type Result } from '../../../../../src-shared/result';
import { HelpSuggestions, SUGGEST_DEBOUNCE_MS, suggestionQuery, type SuggestionSession } from '../../../../../src-server/widget/src/help-suggestions';

const hit = (n: number): HelpSearchHit => ({
  articleId: `00000000-0000-4000-8000-00000000000${n}`,
  slug: `article-${n}`,
  title: `Article ${n}`,
  titleParts: [{ text: `Article ${n}`, match: false }],
  snippet: [],
  sectionTitle: 'FAQs',
  productName: 'Technical',
  url: `/help/articles/article-${n}`,
});

/** A controller with a hand-driven timer and look-ups answered when the test says so. */
function rig() {
  let now = 0;
  const timers: { at: number; run: () => void; live: boolean }[] = [];
  const lookUps: { query: string; productId: string | undefined; signal: AbortSignal; answer(r: Result<HelpSuggestAnswer>): void }[] = [];
  const events: SuggestionEvent[] = [];
  const shown: (readonly HelpSearchHit[])[] = [];
  const session: SuggestionSession = { id: '11111111-1111-4111-8111-111111111111', shown: false, asked: false };
  const c = new HelpSuggestions({
    session,
    fetchSuggestions: (query, productId, signal) => new Promise((resolve) => lookUps.push({ query, productId, signal, answer: resolve })),
    logEvent: (e) => events.push(e),
    schedule: (run, ms) => {
      const t = { at: now + ms, run, live: true };
      timers.push(t);
      return () => (t.live = false);
    },
    onHits: (h) => shown.push(h),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers) {
      if (!t.live || t.at > now) continue;
      t.live = false;
      t.run();
    }
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { c, advance, settle, lookUps, events, shown, session };
}

describe('suggestionQuery', () => {
  it('keeps the subject words of a question, each once, in lower case', () => {
    expect(suggestionQuery('How do I reset my Password? My password!')).toBe('reset password');
    expect(suggestionQuery('I can’t export the invoice')).toBe('export invoice');
  });

  it('is null below three characters of subject', () => {
    expect(suggestionQuery('hi')).toBeNull();
    expect(suggestionQuery('how do I do it')).toBeNull();
    expect(suggestionQuery('vpn')).toBe('vpn');
  });

  it('looks up the first six subject words, never more than the server’s 200 characters, never cutting a word', () => {
    expect(suggestionQuery('stream buffering keynote chrome laptop wifi office yesterday')).toBe('stream buffering keynote chrome laptop wifi');
    const long = (c: string) => c.repeat(60);
    expect(suggestionQuery([long('a'), long('b'), long('c'), long('d')].join(' '))).toBe([long('a'), long('b'), long('c')].join(' '));
  });
});

describe('HelpSuggestions', () => {
  it('looks up once per typing pause, only when the words changed, with the department’s product', async () => {
    const r = rig();
    r.c.update('bil', 'finance');
    r.advance(100);
    r.c.update('billing', 'finance');
    r.advance(SUGGEST_DEBOUNCE_MS - 1);
    expect(r.lookUps).toHaveLength(0);
    r.advance(1);
    expect(r.lookUps.map((l) => [l.query, l.productId])).toEqual([['billing', 'finance']]);
    // Only punctuation or filler changed: the same words, no new look-up.
    r.c.update('billing?', 'finance');
    r.c.update('the billing', 'finance');
    r.advance(SUGGEST_DEBOUNCE_MS);
    expect(r.lookUps).toHaveLength(1);
    // Another department is another look-up.
    r.c.update('billing', undefined);
    r.advance(SUGGEST_DEBOUNCE_MS);
    expect(r.lookUps.map((l) => l.productId)).toEqual(['finance', undefined]);
  });

  it('aborts the previous look-up when the words change, and never shows its late answer', async () => {
    const r = rig();
    r.c.update('billing', undefined);
    r.advance(SUGGEST_DEBOUNCE_MS);
    r.c.update('billing invoice', undefined);
    expect(r.lookUps[0]!.signal.aborted).toBe(true);
    r.advance(SUGGEST_DEBOUNCE_MS);
    r.lookUps[0]!.answer(ok({ hits: [hit(1)] }));
    r.lookUps[1]!.answer(ok({ hits: [hit(2)] }));
    await r.settle();
    expect(r.shown.map((h) => h.map((x) => x.slug))).toEqual([['article-2']]);
  });

  it('logs shown once per session, opened per click, and asked once and only after suggestions were shown', async () => {
    const r = rig();
    r.c.asked();
    expect(r.events).toEqual([]);
    r.c.update('billing', undefined);
    r.advance(SUGGEST_DEBOUNCE_MS);
    r.lookUps[0]!.answer(ok({ hits: [hit(1), hit(2), hit(3), hit(4)] }));
    await r.settle();
    expect(r.shown.at(-1)).toHaveLength(3);
    r.c.update('billing invoice', undefined);
    r.advance(SUGGEST_DEBOUNCE_MS);
    r.lookUps[1]!.answer(ok({ hits: [hit(2)] }));
    await r.settle();
    r.c.opened(hit(2));
    r.c.asked();
    r.c.asked();
    const id = r.session.id;
    expect(r.events).toEqual([
      { sessionId: id, kind: 'shown', articleId: null },
      { sessionId: id, kind: 'opened', articleId: hit(2).articleId },
      { sessionId: id, kind: 'asked', articleId: null },
    ]);
  });

  it('keeps the form as it was when a look-up fails, and clears suggestions when the words are gone', async () => {
    const r = rig();
    r.c.update('billing', undefined);
    r.advance(SUGGEST_DEBOUNCE_MS);
    r.lookUps[0]!.answer(ok({ hits: [hit(1)] }));
    await r.settle();
    r.c.update('billing invoice', undefined);
    r.advance(SUGGEST_DEBOUNCE_MS);
    r.lookUps[1]!.answer(err('rate_limited', 'Too many requests'));
    await r.settle();
    expect(r.shown).toHaveLength(1);
    r.c.update('hi', undefined);
    expect(r.shown.at(-1)).toEqual([]);
    expect(r.events.map((e) => e.kind)).toEqual(['shown']);
  });

  it('after dispose no timer fires a look-up, and a remount looks the same words up again', () => {
    const r = rig();
    r.c.update('billing', undefined);
    r.c.dispose();
    r.advance(SUGGEST_DEBOUNCE_MS);
    expect(r.lookUps).toHaveLength(0);
    r.c.update('billing', undefined);
    r.advance(SUGGEST_DEBOUNCE_MS);
    expect(r.lookUps).toHaveLength(1);
  });
});
