// Images uploaded for help articles (table help_images); the bytes are DATA_DIR/help-images/<stored_name>.
import type { Db } from './schema';

export interface HelpImageRecord {
  id: string;
  storedName: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: number;
}

export async function insertHelpImage(db: Db, i: HelpImageRecord): Promise<void> {
  await db
    .insertInto('help_images')
    .values({ id: i.id, stored_name: i.storedName, content_type: i.contentType, size: i.size, uploaded_by: i.uploadedBy, uploaded_at: i.uploadedAt })
    .execute();
}

export async function helpImageByStoredName(db: Db, storedName: string): Promise<HelpImageRecord | null> {
  const r = await db.selectFrom('help_images').selectAll().where('stored_name', '=', storedName).executeTakeFirst();
  return r
    ? { id: r.id, storedName: r.stored_name, contentType: r.content_type, size: Number(r.size), uploadedBy: r.uploaded_by, uploadedAt: Number(r.uploaded_at) }
    : null;
}
