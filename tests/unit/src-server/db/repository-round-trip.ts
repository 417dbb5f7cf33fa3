// One round trip through the repositories, shared by the SQLite and PostgreSQL tests so both dialects answer alike.
import { expect } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../../src-server/db/schema';
import { upsertDepartment, listDepartments, insertDepartment, updateDepartment, setDepartmentOrder, getDepartment, nextDepartmentPosition } from '../../../../src-server/db/departments';
import {
  insertSpecialist,
  getSpecialist,
  updateSpecialistFields,
  replaceSpecialistDepartments,
  countActiveAdmins,
  findCredentials,
  setPasswordHash,
  listSpecialists,
} from '../../../../src-server/db/specialists';
import { insertCanned, listCanned, findCannedByShortcut, replaceCanned, deleteCanned, getCanned } from '../../../../src-server/db/canned-responses';
import { insertAuditEntry, listAuditEntries, hasAuditOf } from '../../../../src-server/db/admin-audit';
import { insertRefreshToken, consumeRefreshToken, revokeRefreshTokens } from '../../../../src-server/db/refresh-tokens';
import { insertConversation, getConversation, nextMessageSeq, updateConversation, listQueued } from '../../../../src-server/db/conversations';
import { insertMessage, findMessageByClientId, listMessages } from '../../../../src-server/db/messages';
import { insertTicket, getTicket, listTickets, insertComment, listComments } from '../../../../src-server/db/tickets';
import { appendEvent, eventsForVisitor, eventsForAgent, latestSeq } from '../../../../src-server/db/events';
import { defaultDepartments } from '../../../../src-server/seed';

export async function repositoryRoundTrip(db: Db): Promise<void> {
  const now = 1_700_000_000_000;
  for (const d of defaultDepartments) await upsertDepartment(db, d);
  expect((await listDepartments(db)).map((d) => d.id)).toEqual(defaultDepartments.map((d) => d.id));

  const specialistId = randomUUID();
  await insertSpecialist(db, { id: specialistId, email: 'rt@example.com', displayName: 'RT', role: 'agent', maxConcurrentChats: 2, departmentIds: ['finance'], passwordHash: 'x', now });
  const conversationId = randomUUID();
  await insertConversation(db, { id: conversationId, clientId: randomUUID(), departmentId: 'finance', visitorEmail: 'v@example.com', question: 'q', context: { pid: 'p' }, tokenHash: randomUUID(), now });
  const ticket = await insertTicket(db, {
    clientId: null, subject: 's', status: 'open', channel: 'chat', departmentId: 'finance', requesterEmail: 'v@example.com', ccs: [], context: {}, category: null, product: null,
    resolution: null, assigneeId: null, conversationId, followUpOf: null, escalation: null, workaround: null, rcaNote: null, createdAt: now, updatedAt: now, solvedAt: null, closedAt: null,
  });
  expect(ticket.id).toBeGreaterThan(0);
  await updateConversation(db, conversationId, { ticketId: ticket.id });
  expect((await listQueued(db, 'finance')).map((c) => c.id)).toEqual([conversationId]);
  await updateConversation(db, conversationId, { state: 'assigned', specialistId, assignedAt: now });
  expect((await getSpecialist(db, specialistId))?.activeChats).toBe(1);

  const seq = await nextMessageSeq(db, conversationId, now);
  const clientId = randomUUID();
  await insertMessage(db, { id: randomUUID(), clientId, conversationId, seq, authorKind: 'visitor', authorId: null, authorName: 'v', body: 'hello', attachments: [], internal: false, createdAt: now });
  await insertMessage(db, { id: randomUUID(), clientId: randomUUID(), conversationId, seq: seq + 1, authorKind: 'specialist', authorId: specialistId, authorName: 'RT', body: 'note', attachments: [], internal: true, createdAt: now });
  await expect(
    insertMessage(db, { id: randomUUID(), clientId, conversationId, seq: 99, authorKind: 'visitor', authorId: null, authorName: 'v', body: 'dup', attachments: [], internal: false, createdAt: now }),
  ).rejects.toThrow();
  expect((await findMessageByClientId(db, conversationId, clientId))?.body).toBe('hello');
  expect((await listMessages(db, conversationId, { includeInternal: false })).map((m) => m.body)).toEqual(['hello']);

  const conv = await getConversation(db, conversationId);
  expect(conv).toMatchObject({ state: 'assigned', specialist: { id: specialistId, displayName: 'RT' }, ticketId: ticket.id, lastSeq: 1, context: { pid: 'p' } });
  await insertComment(db, { id: randomUUID(), ticketId: ticket.id, authorKind: 'customer', authorId: null, authorName: 'v', body: 'c1', attachments: [], internal: false, createdAt: now }, null);
  expect((await listComments(db, ticket.id, { includeInternal: true })).map((c) => c.body)).toEqual(['c1']);
  expect((await getTicket(db, ticket.id))?.createdAt).toBe(now);
  expect((await listTickets(db, { limit: 10, status: ['open'] }, ['finance'])).map((t) => t.id)).toEqual([ticket.id]);

  const before = await latestSeq(db);
  const scope = { conversationId, departmentId: 'finance', specialistId: null, visitorVisible: true };
  const e1 = await appendEvent(db, 'conversation.updated', conv!, now, scope);
  await appendEvent(db, 'ticket.updated', ticket, now, { ...scope, conversationId: null, visitorVisible: false });
  expect(e1.envelope.seq).toBe(before + 1);
  expect((await eventsForVisitor(db, conversationId, before, 10)).events.map((e) => e.type)).toEqual(['conversation.updated']);
  expect((await eventsForAgent(db, { all: false, departmentIds: ['finance'], specialistId }, before, 10)).events).toHaveLength(2);
  expect((await eventsForAgent(db, { all: false, departmentIds: ['technical'], specialistId }, before, 10)).events).toHaveLength(0);

  await administrationRoundTrip(db, specialistId, now);
}

/** Migration 10's tables and columns through their repositories: departments, accounts, canned responses, audit. */
async function administrationRoundTrip(db: Db, specialistId: string, now: number): Promise<void> {
  const position = await nextDepartmentPosition(db);
  expect(position).toBe(defaultDepartments.length + 1);
  await insertDepartment(db, { id: 'events', name: 'Events', description: '', schedule: { zone: 'UTC', weekly: [], holidays: [] }, routing: 'pick', product: null, position, greeting: 'Hi {visitor.email}' });
  await expect(insertDepartment(db, { id: 'events', name: 'Again', description: '', schedule: { zone: 'UTC', weekly: [], holidays: [] }, routing: 'pick', product: null, position })).rejects.toThrow();
  await updateDepartment(db, 'events', { name: 'Live events', product: 'lumina' });
  expect(await getDepartment(db, 'events')).toMatchObject({ name: 'Live events', product: 'lumina', routing: 'pick', greeting: 'Hi {visitor.email}', position });
  const order = ['events', ...defaultDepartments.map((d) => d.id).reverse()];
  await setDepartmentOrder(db, order);
  expect((await listDepartments(db)).map((d) => [d.id, d.position])).toEqual(order.map((id, i) => [id, i + 1]));

  await updateSpecialistFields(db, specialistId, { displayName: 'Artie', role: 'admin', maxConcurrentChats: 6 });
  await replaceSpecialistDepartments(db, specialistId, ['technical', 'events', 'events']);
  expect(await getSpecialist(db, specialistId)).toMatchObject({ displayName: 'Artie', role: 'admin', maxConcurrentChats: 6, departmentIds: ['events', 'technical'], active: true });
  expect(await countActiveAdmins(db)).toBe(1);
  expect(await countActiveAdmins(db, specialistId)).toBe(0);
  await updateSpecialistFields(db, specialistId, { active: false });
  await setPasswordHash(db, specialistId, 'new-hash');
  expect(await findCredentials(db, 'rt@example.com')).toEqual({ id: specialistId, passwordHash: 'new-hash', active: false });
  expect((await listSpecialists(db)).find((s) => s.id === specialistId)?.active).toBe(false);
  expect(await countActiveAdmins(db)).toBe(0);

  await insertRefreshToken(db, { tokenHash: 'rt-1', specialistId, now, expiresAt: now + 1000 });
  await revokeRefreshTokens(db, specialistId, now);
  expect(await consumeRefreshToken(db, 'rt-1', now)).toBeNull();

  const shared = { id: randomUUID(), departmentId: null, shortcut: 'hi', title: 'Hi', body: 'Hello', updatedAt: now };
  const eventsOnly = { id: randomUUID(), departmentId: 'events', shortcut: 'hi', title: 'Hi', body: 'Hello events', updatedAt: now };
  const financeOnly = { id: randomUUID(), departmentId: 'finance', shortcut: 'bill', title: 'Bill', body: 'Your bill', updatedAt: now };
  for (const c of [financeOnly, eventsOnly, shared]) await insertCanned(db, c);
  await expect(insertCanned(db, { ...shared, id: randomUUID() })).rejects.toThrow();
  expect((await listCanned(db, ['events'])).map((c) => c.id)).toEqual([shared.id, eventsOnly.id]);
  expect((await listCanned(db, [])).map((c) => c.id)).toEqual([shared.id]);
  expect((await listCanned(db, null)).map((c) => c.id)).toEqual([shared.id, financeOnly.id, eventsOnly.id]);
  expect((await findCannedByShortcut(db, null, 'hi'))?.id).toBe(shared.id);
  expect((await findCannedByShortcut(db, 'events', 'hi'))?.id).toBe(eventsOnly.id);
  expect(await findCannedByShortcut(db, 'finance', 'hi')).toBeNull();
  await replaceCanned(db, { ...eventsOnly, departmentId: null, shortcut: 'hello', updatedAt: now + 1 });
  expect(await getCanned(db, eventsOnly.id)).toEqual({ ...eventsOnly, departmentId: null, shortcut: 'hello', updatedAt: now + 1 });
  await deleteCanned(db, eventsOnly.id);
  expect(await getCanned(db, eventsOnly.id)).toBeNull();

  expect(await hasAuditOf(db, ['canned.delete'])).toBe(false);
  const first = await insertAuditEntry(db, { at: now, actorId: null, actorName: 'command line', action: 'canned.delete', target: '/hello', changes: [{ field: 'body', before: 'Hello events', after: null }] });
  const second = await insertAuditEntry(db, { at: now + 1, actorId: specialistId, actorName: 'Artie', action: 'department.reorder', target: 'departments', changes: [] });
  expect(second).toBeGreaterThan(first);
  expect(await listAuditEntries(db, 1)).toEqual([{ id: second, at: now + 1, actorId: specialistId, actorName: 'Artie', action: 'department.reorder', target: 'departments', changes: [] }]);
  expect((await listAuditEntries(db, 10)).map((e) => e.id)).toEqual([second, first]);
  expect(await hasAuditOf(db, ['canned.save', 'canned.delete'])).toBe(true);
}
