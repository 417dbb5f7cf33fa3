// Help center product tiles (table help_products): the tiles of /help, in their order.
import { sql } from 'kysely';
import type { HelpProduct } from '../../src-shared/help-center';
import type { Db } from './schema';
import type { HelpProductsTable } from './schema-help';

/** A row as the shared type (also for joined rows of help-reading.ts). */
export const toProduct = (r: HelpProductsTable): HelpProduct => ({
  id: r.id,
  name: r.name,
  description: r.description,
  position: Number(r.position),
  showsStatus: Number(r.shows_status) === 1,
});

const toRow = (p: HelpProduct): HelpProductsTable => ({
  id: p.id,
  name: p.name,
  description: p.description,
  position: p.position,
  shows_status: p.showsStatus ? 1 : 0,
});

/** Every tile, in display order. */
export async function listHelpProducts(db: Db): Promise<HelpProduct[]> {
  const rows = await db.selectFrom('help_products').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map(toProduct);
}

export async function getHelpProduct(db: Db, id: string): Promise<HelpProduct | null> {
  const r = await db.selectFrom('help_products').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toProduct(r) : null;
}

export async function countHelpProducts(db: Db): Promise<number> {
  const r = await db.selectFrom('help_products').select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertHelpProducts(db: Db, products: readonly HelpProduct[]): Promise<void> {
  if (products.length > 0) await db.insertInto('help_products').values(products.map(toRow)).execute();
}
