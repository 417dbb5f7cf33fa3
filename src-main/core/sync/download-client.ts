// HTTP download of one attachment with the specialist's access token, written to a temp file and renamed
// into place only when complete and matching the recorded SHA-256 (a cut download never looks finished).
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MAX_UPLOAD_BYTES, type Attachment } from '../../../src-shared/attachment';
import { err, ok, type Result } from '../../../src-shared/result';

export async function downloadAttachment(
  serverUrl: string,
  accessToken: string,
  attachment: Pick<Attachment, 'id' | 'sha256'>,
  dest: string,
): Promise<Result<string>> {
  let response: Response;
  try {
    response = await fetch(`${serverUrl.replace(/\/+$/, '')}/api/attachments/${encodeURIComponent(attachment.id)}`, {
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    return err('unavailable', 'The support server cannot be reached');
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    if (typeof body === 'object' && body !== null && 'ok' in body && (body as { ok: unknown }).ok === false) return body as Result<never>;
    return err('internal', `Download failed (HTTP ${response.status})`);
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_UPLOAD_BYTES) return err('too_large', 'The file is larger than any upload can be');
  if (createHash('sha256').update(bytes).digest('hex') !== attachment.sha256) return err('internal', 'The downloaded file is damaged; try again');
  await mkdir(dirname(dest), { recursive: true });
  const tmp = `${dest}.${randomUUID()}.part`;
  try {
    await writeFile(tmp, bytes, { mode: 0o600 });
    await rename(tmp, dest);
  } catch {
    await rm(tmp, { force: true });
    return err('internal', 'Could not save the file');
  }
  return ok(dest);
}
