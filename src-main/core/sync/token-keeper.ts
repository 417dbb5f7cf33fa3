// The specialist's tokens: a valid access token on request, refreshed shortly before it expires. Refreshes are
// single-flight — every caller that needs one while it runs shares it — because a refresh token is single-use on
// the server: two refreshes with the same token would make the loser look logged out.
import { err, ok, type Result } from '../../../src-shared/result';
import type { AuthTokens } from '../../../src-shared/protocol/http';
import type { Clock } from '../clock';

/** Access tokens are refreshed this long before they expire, so a handshake never races the expiry. */
export const REFRESH_MARGIN_MS = 30_000;

export interface TokenKeeperDeps {
  /** Fresh tokens after a login, or null to start from the stored refresh token. */
  initial: AuthTokens | null;
  /** The refresh token saved last (by this keeper or any other part of this console). */
  storedRefreshToken(): string | null;
  refresh(refreshToken: string): Promise<Result<AuthTokens>>;
  clock: Clock;
  /** New tokens: save the refresh token before anyone can use it again. */
  onTokens(tokens: AuthTokens): void;
}

export function createTokenKeeper(deps: TokenKeeperDeps) {
  let tokens = deps.initial;
  let inFlight: Promise<Result<string>> | null = null;
  let closed = false;

  // The saved one first: whoever refreshed last (this keeper or another part of the console) saved it.
  const current = () => deps.storedRefreshToken() ?? tokens?.refreshToken ?? null;
  const fresh = () => tokens !== null && tokens.accessExpiresAt - REFRESH_MARGIN_MS > deps.clock.now();

  async function refreshWith(used: string, again: boolean): Promise<Result<string>> {
    const r = await deps.refresh(used);
    if (r.ok) {
      // A keeper closed meanwhile (logout, another login) must not overwrite the session that replaced it.
      if (closed) return err('unauthorized', 'signed out');
      tokens = r.value;
      deps.onTokens(r.value);
      return ok(r.value.accessToken);
    }
    // Refused, but the token we used is no longer the newest one we hold: it was rotated by ourselves (another
    // refresh, a login) while this one was on its way. That newer session is not logged out — use it.
    const newest = current();
    if (r.error.code === 'unauthorized' && newest !== null && newest !== used) {
      if (fresh() && tokens) return ok(tokens.accessToken);
      if (again) return refreshWith(newest, false);
    }
    return r;
  }

  return {
    /** A valid access token; concurrent callers needing a refresh share one. */
    accessToken(): Promise<Result<string>> {
      if (fresh() && tokens) return Promise.resolve(ok(tokens.accessToken));
      if (inFlight) return inFlight;
      const used = current();
      if (!used) return Promise.resolve(err('unauthorized', 'not logged in'));
      const run = refreshWith(used, true).finally(() => {
        if (inFlight === run) inFlight = null;
      });
      inFlight = run;
      return run;
    },
    /** The server refused the access token (e.g. after its secret changed): the next call refreshes. */
    expireAccess(): void {
      if (tokens) tokens = { ...tokens, accessExpiresAt: 0 };
    },
    close(): void {
      closed = true;
    },
  };
}
export type TokenKeeper = ReturnType<typeof createTokenKeeper>;
