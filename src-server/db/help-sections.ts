// Help center sections (table help_sections): FAQs, documentation, release notes… of one product, slug unique within it.
import { sql } from 'kysely';
import type { HelpSection, HelpSectionKind } from '../../src-shared/help-center';
import type { Db } from './schema';
import type { HelpSectionsTable } from './schema-help';

/** A row as the shared type (also for joined rows of help-reading.ts). */
export const toSection = (r: HelpSectionsTable): HelpSection => ({
  id: r.id,
  productId: r.product_id,
  slug: r.slug,
  title: r.title,
  description: r.description,
  kind: r.kind as HelpSectionKind,
  position: Number(r.position),
});

const toRow = (s: HelpSection): HelpSectionsTable => ({
  id: s.id,
  product_id: s.productId,
  slug: s.slug,
  title: s.title,
  description: s.description,
  kind: s.kind,
  position: s.position,
});

/** Every section (of one product when `productId` is given), by product then position. */
export async function listHelpSections(db: Db, productId?: string): Promise<HelpSection[]> {
  let q = db.selectFrom('help_sections').selectAll();
  if (productId !== undefined) q = q.where('product_id', '=', productId);
  const rows = await q.orderBy('product_id').orderBy('position').orderBy('slug').execute();
  return rows.map(toSection);
}

export async function getHelpSection(db: Db, id: string): Promise<HelpSection | null> {
  const r = await db.selectFrom('help_sections').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toSection(r) : null;
}

/** The section at `/help/<productId>/<slug>`. */
export async function helpSectionBySlug(db: Db, productId: string, slug: string): Promise<HelpSection | null> {
  const r = await db.selectFrom('help_sections').selectAll().where('product_id', '=', productId).where('slug', '=', slug).executeTakeFirst();
  return r ? toSection(r) : null;
}

/** The position after the product's last section: where a new one goes. */
export async function nextHelpSectionPosition(db: Db, productId: string): Promise<number> {
  const r = await db.selectFrom('help_sections').select(sql<number | null>`max(position)`.as('p')).where('product_id', '=', productId).executeTakeFirst();
  return r?.p === null || r?.p === undefined ? 1 : Number(r.p) + 1;
}

export async function insertHelpSections(db: Db, sections: readonly HelpSection[]): Promise<void> {
  if (sections.length > 0) await db.insertInto('help_sections').values(sections.map(toRow)).execute();
}

/** Replaces every field but the id (a moved section keeps its articles and their URLs). */
export async function replaceHelpSection(db: Db, s: HelpSection): Promise<void> {
  const { id: _id, ...rest } = toRow(s);
  await db.updateTable('help_sections').set(rest).where('id', '=', s.id).execute();
}
