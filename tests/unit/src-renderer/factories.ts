// Builders for renderer unit tests: valid domain records with overridable fields.
import type { Conversation } from '../../../src-shared/conversation';
import type { ConsoleMessage as Message } from '../../../src-shared/console-api';
import type { Specialist } from '../../../src-shared/specialist';
import type { Department } from '../../../src-shared/department';
import type { Ticket } from '../../../src-shared/ticket';
import { makeTicket } from '../../support/entity-factories';

let n = 0;
const uuid = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

export const ME = '10000000-0000-4000-8000-000000000001';

export function conversation(over: Partial<Conversation> = {}): Conversation {
  return {
    id: uuid(),
    departmentId: 'technical',
    visitorEmail: 'visitor@example.com',
    question: 'The stream is black',
    context: { pid: 'p1', eid: 'e1' },
    state: 'queued',
    specialist: null,
    ticketId: 1,
    queuedAt: 1_000,
    assignedAt: null,
    firstResponseAt: null,
    endedAt: null,
    endReason: null,
    lastSeq: 0,
    ...over,
  };
}

export function message(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: uuid(),
    clientId: uuid(),
    conversationId: '20000000-0000-4000-8000-000000000001',
    seq,
    authorKind: 'visitor',
    authorId: null,
    authorName: 'Visitor',
    body: `message ${seq}`,
    attachments: [],
    internal: false,
    createdAt: seq * 1000,
    ...over,
  };
}

export function specialist(over: Partial<Specialist> = {}): Specialist {
  return {
    id: uuid(),
    email: 'agent@example.com',
    displayName: 'Agent',
    role: 'agent',
    status: 'online',
    maxConcurrentChats: 4,
    departmentIds: ['technical'],
    activeChats: 0,
    active: true,
    ...over,
  };
}

export function department(id: string, position = 0, over: Partial<Department> = {}): Department {
  return {
    id,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    description: '',
    email: null,
    schedule: { timeZone: 'America/New_York', weekly: [], holidays: [] } as unknown as Department['schedule'],
    routing: 'pick',
    product: null,
    position,
    greeting: '',
    ...over,
  };
}

export function ticket(over: Partial<Ticket> = {}): Ticket {
  return makeTicket({ subject: 'Stream is black', createdAt: 0, updatedAt: 0, ...over });
}
