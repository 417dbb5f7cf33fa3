// Valid domain entities for console tests, with overridable fields (ids are fresh UUIDs).
import { randomUUID } from 'node:crypto';
import type { Conversation } from '../../../src-shared/conversation';
import type { Message } from '../../../src-shared/message';
import type { Ticket } from '../../../src-shared/ticket';
import type { Specialist } from '../../../src-shared/specialist';
import type { Department } from '../../../src-shared/department';
import { makeTicket } from '../../support/entity-factories';

export const department = (over: Partial<Department> = {}): Department => ({
  id: 'technical',
  name: 'Technical',
  description: '',
  schedule: { zone: 'America/New_York', weekly: [], holidays: [] },
  routing: 'auto',
  product: null,
  position: 0,
  greeting: '',
  email: null,
  ...over,
});

export const specialist = (over: Partial<Specialist> = {}): Specialist => ({
  id: randomUUID(),
  email: 'sam@example.com',
  displayName: 'Sam',
  role: 'agent',
  status: 'online',
  maxConcurrentChats: 3,
  departmentIds: ['technical'],
  activeChats: 0,
  active: true,
  ...over,
});

export const conversation = (over: Partial<Conversation> = {}): Conversation => ({
  id: randomUUID(),
  departmentId: 'technical',
  visitorEmail: 'visitor@example.com',
  question: 'My stream is black',
  context: {},
  state: 'queued',
  specialist: null,
  ticketId: null,
  queuedAt: 1_000,
  assignedAt: null,
  firstResponseAt: null,
  endedAt: null,
  endReason: null,
  lastSeq: 0,
  ...over,
});

export const message = (over: Partial<Message> = {}): Message => ({
  id: randomUUID(),
  clientId: randomUUID(),
  conversationId: randomUUID(),
  seq: 1,
  authorKind: 'visitor',
  authorId: null,
  authorName: 'Visitor',
  body: 'hello there',
  attachments: [],
  internal: false,
  createdAt: 2_000,
  ...over,
});

export const ticket = (over: Partial<Ticket> = {}): Ticket => makeTicket(over);
