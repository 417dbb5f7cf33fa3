// Drop boxes: upload slots in a conversation and the files put into them.
import type { DropBox } from '../../src-shared/drop-box';
import type { Attachment } from '../../src-shared/attachment';
import type { Db, DropBoxesTable } from './schema';
import { fromJson, toJson } from './json';

const toDropBox = (r: DropBoxesTable): DropBox => ({
  id: r.id,
  conversationId: r.conversation_id,
  requestedBy: r.requested_by,
  label: r.label,
  state: r.state as DropBox['state'],
  attachments: fromJson<Attachment[]>(r.attachments_json),
  createdAt: Number(r.created_at),
});

export async function insertDropBox(db: Db, d: DropBox, clientId: string): Promise<void> {
  await db
    .insertInto('drop_boxes')
    .values({
      id: d.id,
      client_id: clientId,
      conversation_id: d.conversationId,
      requested_by: d.requestedBy,
      label: d.label,
      state: d.state,
      attachments_json: toJson(d.attachments),
      created_at: d.createdAt,
    })
    .execute();
}

export async function getDropBox(db: Db, id: string): Promise<DropBox | null> {
  const r = await db.selectFrom('drop_boxes').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDropBox(r) : null;
}

export async function findDropBoxByClientId(db: Db, clientId: string): Promise<DropBox | null> {
  const r = await db.selectFrom('drop_boxes').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  return r ? toDropBox(r) : null;
}

export async function listDropBoxes(db: Db, conversationId: string): Promise<DropBox[]> {
  const rows = await db.selectFrom('drop_boxes').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at').execute();
  return rows.map(toDropBox);
}

export async function fulfilDropBox(db: Db, id: string, attachments: Attachment[]): Promise<void> {
  await db.updateTable('drop_boxes').set({ state: 'fulfilled', attachments_json: toJson(attachments) }).where('id', '=', id).execute();
}
