// "Maybe this answers your question": which words of the CONTACT US question are looked up, when (debounced, only
// when they changed, cancelling the previous look-up), and the outcome events of this page load's session. No DOM and
// no React here (use-help-suggestions.ts binds it to the form), so every rule is tested with a fake timer.
import type { HelpSearchHit, SuggestionEventKind } from '../../../src-shared/help-center';
import { HELP_QUERY_MAX_CHARS } from '../../../src-shared/help-center';
import type { HelpSuggestAnswer, SuggestionEvent } from '../../../src-shared/protocol/help';
import type { Result } from '../../../src-shared/result';

/** Typing pauses shorter than this are one burst: one look-up after it. */
export const SUGGEST_DEBOUNCE_MS = 300;
/** Fewer characters than this (after dropping filler words) find nothing useful. */
export const SUGGEST_MIN_CHARS = 3;
/**
 * Search finds articles holding every word looked up, so a whole described problem would match nothing; the first
 * subject words of a question usually name it ("stream buffering keynote").
 */
export const SUGGEST_MAX_WORDS = 6;
/** Up to three suggestions (the server's limit too). */
export const SUGGESTIONS_SHOWN = 3;

/**
 * Words of a question that say nothing about its subject. A question is a sentence ("how do I reset my password?"),
 * and every word of a search must match, so these would hide the article about "reset password".
 */
const FILLER = new Set(
  ('a an and are am be been but by can cannot could did do does doing for from had has have hello hi how i if in into is it ' +
    "its i'm i've me my no not of on or our please so that the their them then there these this to too us was we were what " +
    "when where which who why will with would you your thanks thank can't don't doesn't won't isn't it's what's i'd i'll").split(' '),
);

/** The words looked up for a question (lower case, filler dropped, each once, the first few), or null when too little is left. */
export function suggestionQuery(question: string): string | null {
  const words = question.toLowerCase().replace(/’/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
  const kept: string[] = [];
  let length = 0;
  for (const w of words) {
    if (FILLER.has(w) || kept.includes(w)) continue;
    if (kept.length === SUGGEST_MAX_WORDS) break;
    // The server refuses a longer query rather than cutting it; the first words of a long question carry its subject.
    if (length + w.length + (kept.length > 0 ? 1 : 0) > HELP_QUERY_MAX_CHARS) break;
    length += w.length + (kept.length > 0 ? 1 : 0);
    kept.push(w);
  }
  const query = kept.join(' ');
  return query.length >= SUGGEST_MIN_CHARS ? query : null;
}

/** One page load's session: its id groups shown → opened → asked; the flags spare the server posts it would ignore. */
export interface SuggestionSession {
  id: string;
  shown: boolean;
  asked: boolean;
}

export interface SuggestionDeps {
  session: SuggestionSession;
  fetchSuggestions(query: string, productId: string | undefined, signal: AbortSignal): Promise<Result<HelpSuggestAnswer>>;
  logEvent(event: SuggestionEvent): void;
  /** Runs `run` after `ms`; answers a function that cancels it. */
  schedule(run: () => void, ms: number): () => void;
  /** The suggestions to show changed. */
  onHits(hits: readonly HelpSearchHit[]): void;
}

export class HelpSuggestions {
  private key: string | null = null;
  private cancelTimer: (() => void) | null = null;
  private inFlight: AbortController | null = null;
  private hits: readonly HelpSearchHit[] = [];

  constructor(private readonly deps: SuggestionDeps) {}

  /** The question or the department changed; `productId` prefers that product's articles. */
  update(question: string, productId: string | undefined): void {
    const query = suggestionQuery(question);
    const key = query === null ? null : `${productId ?? ''} ${query}`;
    if (key === this.key) return;
    this.key = key;
    this.stop();
    if (query === null) return this.show([]);
    this.cancelTimer = this.deps.schedule(() => void this.lookUp(query, productId), SUGGEST_DEBOUNCE_MS);
  }

  /** The customer opened a suggestion. */
  opened(hit: HelpSearchHit): void {
    this.log('opened', hit.articleId);
  }

  /** The customer sent a chat or email request: counted only where suggestions were shown first. */
  asked(): void {
    if (!this.deps.session.shown || this.deps.session.asked) return;
    this.deps.session.asked = true;
    this.log('asked', null);
  }

  /** The form went away: no late answer may update it. A later update() (a remount) looks its words up afresh. */
  dispose(): void {
    this.stop();
    this.key = null;
  }

  private stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.inFlight?.abort();
    this.inFlight = null;
  }

  private async lookUp(query: string, productId: string | undefined): Promise<void> {
    this.cancelTimer = null;
    const abort = new AbortController();
    this.inFlight = abort;
    const res = await this.deps.fetchSuggestions(query, productId, abort.signal).catch(() => null);
    if (abort.signal.aborted) return;
    this.inFlight = null;
    // A failed look-up (offline, rate limited) leaves the form as it was: suggestions are a bonus, never in the way.
    if (res?.ok) this.show(res.value.hits.slice(0, SUGGESTIONS_SHOWN));
  }

  private show(hits: readonly HelpSearchHit[]): void {
    if (hits.length === 0 && this.hits.length === 0) return;
    this.hits = hits;
    if (hits.length > 0 && !this.deps.session.shown) {
      this.deps.session.shown = true;
      this.log('shown', null);
    }
    this.deps.onHits(hits);
  }

  private log(kind: SuggestionEventKind, articleId: string | null): void {
    this.deps.logEvent({ sessionId: this.deps.session.id, kind, articleId });
  }
}
