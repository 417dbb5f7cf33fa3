// Images for help articles: leads and admins upload PNG, JPEG, GIF or WebP (checked by their bytes), stored under a
// random name in DATA_DIR/help-images and served to anyone reading an article.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '../../src-shared/result';
import type { HelpImageUploaded } from '../../src-shared/protocol/help';
import type { AgentActor, ServerContext } from '../context';
import { helpImageByStoredName, insertHelpImage } from '../db/help-images';
import { sniffContentType } from '../uploads/content-type';
import type { UploadedFile } from '../uploads/upload-service';
import { refuseAgents } from './help-article-rules';

/** The image types an article may show, with the extension their stored name gets. */
const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/** Exactly the names `upload` makes: checked before any lookup, so no path or odd name reaches the disk or the query. */
export const HELP_IMAGE_NAME = /^[0-9a-f]{32}\.(?:png|jpg|gif|webp)$/;

export const helpImageUrl = (storedName: string): string => `/help/images/${storedName}`;

export interface StoredHelpImage {
  path: string;
  contentType: string;
  size: number;
}

export class HelpImages {
  constructor(private readonly ctx: Pick<ServerContext, 'config' | 'db' | 'writes' | 'clock'>) {}

  get dir(): string {
    return join(this.ctx.config.dataDir, 'help-images');
  }

  /** Checks role, size and bytes before anything touches the disk; a failed insert removes the stored file again. */
  async upload(actor: AgentActor, file: UploadedFile): Promise<Result<HelpImageUploaded>> {
    const refused = refuseAgents(actor);
    if (refused) return refused;
    if (file.bytes.length > this.ctx.config.maxUploadBytes) return err('too_large', `Files are limited to ${this.ctx.config.maxUploadBytes} bytes.`);
    const contentType = await sniffContentType(file.bytes, file.fileName);
    const ext = contentType === null ? undefined : IMAGE_EXTENSIONS[contentType];
    if (contentType === null || ext === undefined) return err('unsupported_type', 'Articles show PNG, JPEG, GIF or WebP images only.');
    const storedName = `${randomBytes(16).toString('hex')}.${ext}`;
    const path = join(this.dir, storedName);
    await mkdir(this.dir, { recursive: true });
    await writeFile(path, file.bytes, { flag: 'wx' });
    const id = randomUUID();
    try {
      await this.ctx.writes.run((trx) =>
        insertHelpImage(trx, { id, storedName, contentType, size: file.bytes.length, uploadedBy: actor.specialistId, uploadedAt: this.ctx.clock.now() }),
      );
    } catch (e) {
      await rm(path, { force: true });
      throw e;
    }
    return ok({ id, url: helpImageUrl(storedName) });
  }

  /** The stored image by its name in the URL, or null (a malformed name, an unknown one, or a file gone missing). */
  async find(name: string): Promise<StoredHelpImage | null> {
    if (!HELP_IMAGE_NAME.test(name)) return null;
    const image = await helpImageByStoredName(this.ctx.db, name);
    if (!image) return null;
    const path = join(this.dir, image.storedName);
    const present = await stat(path).then(
      (s) => s.isFile(),
      () => false,
    );
    return present ? { path, contentType: image.contentType, size: image.size } : null;
  }
}
