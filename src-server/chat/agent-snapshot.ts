// What a console loads when it connects: the specialist, the departments and chats they may see, all specialists, and the cursor to follow.
import { err, ok, type Result } from '../../src-shared/result';
import type { AgentSnapshot } from '../../src-shared/protocol/agent';
import type { AgentActor } from '../context';
import type { Db } from '../db/schema';
import { latestSeq } from '../db/events';
import * as conversations from '../db/conversations';
import * as specialists from '../db/specialists';
import { listDepartments } from '../db/departments';

export async function agentSnapshot(db: Db, actor: AgentActor): Promise<Result<AgentSnapshot>> {
  // The cursor first: an event committed while the rest is read is replayed, never missed.
  const cursor = await latestSeq(db);
  const me = await specialists.getSpecialist(db, actor.specialistId);
  if (!me) return err('not_found', 'Specialist not found.');
  const all = actor.role !== 'agent';
  const departments = (await listDepartments(db)).filter((d) => all || actor.departmentIds.includes(d.id));
  const visible = await conversations.listOpenConversations(db, all ? undefined : actor.departmentIds);
  // An agent also sees the chats assigned to them in other departments (transferred to them by name).
  const mine = all ? [] : await conversations.listAssignedTo(db, actor.specialistId);
  const byId = new Map([...visible, ...mine].map((c) => [c.id, c]));
  return ok({ me, departments, specialists: await specialists.listSpecialists(db), conversations: [...byId.values()], cursor });
}
