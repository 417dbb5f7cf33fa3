// HTTP upload of a file a specialist attaches to a chat (multipart, bearer access token); answers a Result whose
// attachment is parsed with the shared schema.
import type { Logger } from 'pino';
import { attachmentSchema, type Attachment } from '../../../src-shared/attachment';
import { err, type Result } from '../../../src-shared/result';
import { readAnswer } from './answer-check';

export async function uploadToConversation(
  serverUrl: string,
  accessToken: string,
  conversationId: string,
  fileName: string,
  bytes: Uint8Array,
  log: Pick<Logger, 'warn'>,
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
  return readAnswer(attachmentSchema, body, 'upload', log);
}
