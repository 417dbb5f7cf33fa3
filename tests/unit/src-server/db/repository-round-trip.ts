// One round trip through the repositories, shared by the SQLite and PostgreSQL tests so both dialects answer alike.
import { expect } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../../src-server/db/schema';
import { upsertDepartment, listDepartments } from '../../../../src-server/db/departments';
import { insertSpecialist, getSpecialist } from '../../../../src-server/db/specialists';
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
}
