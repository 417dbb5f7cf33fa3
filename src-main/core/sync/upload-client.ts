// HTTP upload of a file a specialist attaches to a chat (multipart, bearer access token); answers a Result.
import type { Attachment } from '../../../src-shared/attachment';
import { err, type Result } from '../../../src-shared/result';

export async function uploadToConversation(
  serverUrl: string,
  accessToken: string,
  conversationId: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<Result<Attachment>> {
  const form = new FormData();
  // Node's Buffers may sit on a SharedArrayBuffer in the types; ours never do (read from a file).
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName);
  let response: Response;
  try {
    response = await fetch(`${serverUrl.replace(/\/+$/, '')}/api/uploads/conversation/${encodeURIComponent(conversationId)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      body: form,
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    return err('unavailable', 'The support server cannot be reached');
  }
  const body: unknown = await response.json().catch(() => null);
  if (typeof body === 'object' && body !== null && 'ok' in body) return body as Result<Attachment>;
  return err('internal', `Unexpected answer from the server (HTTP ${response.status})`);
}
