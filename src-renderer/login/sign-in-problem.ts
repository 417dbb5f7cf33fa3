// What the sign-in form says when a sign-in is refused: the core's message, plus the address tried when the
// server could not be reached, since a wrong address is the usual cause and the core's message cannot name it.
import type { AppError } from '../../src-shared/result';

/** Codes that mean no usable answer came back from the address, as opposed to a refusal by the server. */
const unreachable = new Set<AppError['code']>(['unavailable', 'offline']);

export function signInProblem(serverUrl: string, error: Pick<AppError, 'code' | 'message'>): string {
  if (!unreachable.has(error.code)) return error.message;
  const said = error.message.replace(/[.\s]+$/, '');
  return `${said} (${serverUrl}). Check the address, and that the server is running.`;
}
