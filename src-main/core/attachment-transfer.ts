// Attachment bytes between the server and this machine, for the console service: downloads for opening
// (reused when already there, so they open offline too), and files attached offline, kept on disk under their
// outbox client id until the outbox uploads them and sends the message that carries them.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { err, ok, type Result } from '../../src-shared/result';
import type { Cache } from './cache/open-cache';
import type { SyncEngine } from './sync/sync-engine';
import { downloadName, localFilePath } from './attachment-files';
import { downloadAttachment } from './sync/download-client';
import { uploadToConversation } from './sync/upload-client';

/** A downloaded attachment: where it is, and the sanitised name to offer when saving it. */
export interface LocalFile {
  path: string;
  fileName: string;
  contentType: string;
}

/** Outbox payload of a file attached while offline; its bytes wait in `<filesDir>/outgoing/<clientId>.bin`. */
export interface QueuedAttachment {
  clientId: string;
  conversationId: string;
  fileName: string;
}

export interface AttachmentTransferDeps {
  cache: Cache;
  log: Logger;
  /** The console's folder for attachments; without one nothing is downloaded or kept. */
  filesDir?: string | undefined;
  engine(): SyncEngine | null;
}

const NOT_YET = 'This file has not been downloaded yet; open it again when connected';

/** True when the file is there and is exactly the attachment. */
async function alreadyDownloaded(path: string, sha256: string): Promise<boolean> {
  try {
    return createHash('sha256').update(await readFile(path)).digest('hex') === sha256;
  } catch {
    return false;
  }
}

export function createAttachmentTransfer(deps: AttachmentTransferDeps) {
  const { cache, log } = deps;
  const outgoingDir = deps.filesDir ? join(deps.filesDir, 'outgoing') : null;
  const queuedBytesPath = (clientId: string) => (outgoingDir && /^[0-9a-f-]{36}$/i.test(clientId) ? join(outgoingDir, `${clientId}.bin`) : null);

  return {
    /** Whether files attached offline can be kept for later. */
    canQueue: (): boolean => outgoingDir !== null,
    async keepQueuedBytes(clientId: string, bytes: Uint8Array): Promise<Result<null>> {
      const path = queuedBytesPath(clientId);
      if (!outgoingDir || !path) return err('offline', 'Files can only be attached while connected to the server');
      try {
        await mkdir(outgoingDir, { recursive: true });
        await writeFile(path, bytes, { mode: 0o600 });
        return ok(null);
      } catch {
        return err('internal', 'Could not keep the file for sending later');
      }
    },
    /** Synchronous: the file is small and gone before anyone hears the item was delivered or discarded. */
    dropQueuedBytes(clientId: string): void {
      const path = queuedBytesPath(clientId);
      if (path) rmSync(path, { force: true });
    },
    /** Upload first (HTTP, needs the token), then the message that carries it, under the same client id. */
    async sendQueued(p: QueuedAttachment): Promise<Result<unknown>> {
      const engine = deps.engine();
      const serverUrl = cache.syncState.get('serverUrl');
      const path = queuedBytesPath(p.clientId);
      if (!engine || !serverUrl || !path) return err('offline', 'not connected');
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch {
        return err('not_found', 'The file saved for sending is gone; attach it again');
      }
      const token = await engine.accessToken();
      if (!token.ok) return token;
      const uploaded = await uploadToConversation(serverUrl, token.value, p.conversationId, p.fileName, bytes, log);
      if (!uploaded.ok) return uploaded;
      return engine.request('message:send', {
        clientId: p.clientId,
        conversationId: p.conversationId,
        body: uploaded.value.fileName,
        internal: false,
        attachmentIds: [uploaded.value.id],
      });
    },
    /** The attachment on disk under its generated name, downloaded with the specialist's token if needed. */
    async localCopy(attachmentId: string): Promise<Result<LocalFile>> {
      if (!deps.filesDir) return err('unavailable', 'Attachments cannot be opened here');
      const attachment = cache.attachments.get(attachmentId);
      if (!attachment) return err('not_found', 'Unknown attachment');
      const path = localFilePath(deps.filesDir, attachment);
      if (!path) return err('bad_request', 'Invalid attachment id');
      if (!(await alreadyDownloaded(path, attachment.sha256))) {
        const engine = deps.engine();
        const serverUrl = cache.syncState.get('serverUrl');
        if (!engine || !serverUrl) return err('offline', NOT_YET);
        const token = await engine.accessToken();
        if (!token.ok) return token.error.code === 'unavailable' ? err('offline', NOT_YET) : token;
        const downloaded = await downloadAttachment(serverUrl, token.value, attachment, path);
        if (!downloaded.ok) {
          log.warn({ attachmentId: attachment.id, code: downloaded.error.code }, 'attachment download failed');
          return downloaded.error.code === 'unavailable' ? err('offline', NOT_YET) : downloaded;
        }
      }
      return ok({ path, fileName: downloadName(attachment), contentType: attachment.contentType });
    },
  };
}
export type AttachmentTransfer = ReturnType<typeof createAttachmentTransfer>;
