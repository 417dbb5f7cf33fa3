// HTTP calls to the server's auth routes (login, refresh); every answer is a Result, never a throw, and its
// tokens are parsed with the shared schema before anyone stores them.
import type { Logger } from 'pino';
import type { AuthTokens } from '../../../src-shared/protocol/http';
import { authTokensSchema } from '../../../src-shared/protocol/agent-answers';
import { err, type Result } from '../../../src-shared/result';
import { UNREADABLE_ANSWER } from '../outbox-retry';
import { readEnvelope, readValue } from './answer-check';

type Log = Pick<Logger, 'warn'>;

async function postTokens(url: string, body: unknown, log: Log): Promise<Result<AuthTokens>> {
  let response: Response;
  let parsed: unknown;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    parsed = await response.json().catch(() => null);
  } catch {
    return err('unavailable', 'The support server cannot be reached');
  }
  const envelope = readEnvelope(parsed, 'auth', log);
  // A proxy's error page while the server restarts: try again later, it says nothing about the session.
  if (!envelope.ok && envelope.error.message === UNREADABLE_ANSWER && response.status >= 500) return err('unavailable', `The support server answered HTTP ${response.status}`);
  return envelope.ok ? readValue(authTokensSchema, envelope.value, 'auth tokens', log) : envelope;
}

const base = (serverUrl: string) => serverUrl.replace(/\/+$/, '');

export const loginRequest = (serverUrl: string, email: string, password: string, log: Log): Promise<Result<AuthTokens>> =>
  postTokens(`${base(serverUrl)}/api/auth/login`, { email, password }, log);

export const refreshRequest = (serverUrl: string, refreshToken: string, log: Log): Promise<Result<AuthTokens>> =>
  postTokens(`${base(serverUrl)}/api/auth/refresh`, { refreshToken }, log);
