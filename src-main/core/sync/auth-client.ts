// HTTP calls to the server's auth routes (login, refresh); every answer is a Result, never a throw.
import type { AuthTokens } from '../../../src-shared/protocol/http';
import { err, type Result } from '../../../src-shared/result';

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const ok = (body as { ok: unknown }).ok;
  return ok === true ? 'value' in body : ok === false && 'error' in body;
}

async function postJson<T>(url: string, body: unknown): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return err('unavailable', 'The support server cannot be reached');
  }
  const parsed: unknown = await response.json().catch(() => null);
  if (isResult(parsed)) return parsed as Result<T>;
  return err(response.status >= 500 ? 'unavailable' : 'internal', `Unexpected answer from the server (HTTP ${response.status})`);
}

const base = (serverUrl: string) => serverUrl.replace(/\/+$/, '');

export const loginRequest = (serverUrl: string, email: string, password: string): Promise<Result<AuthTokens>> =>
  postJson(`${base(serverUrl)}/api/auth/login`, { email, password });

export const refreshRequest = (serverUrl: string, refreshToken: string): Promise<Result<AuthTokens>> =>
  postJson(`${base(serverUrl)}/api/auth/refresh`, { refreshToken });
