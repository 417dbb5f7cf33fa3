// First-start data: the departments and chat hours of DESIGN.md §3 and demo accounts whose passwords are returned once.
import type { Department } from '../src-shared/department';
import type { Schedule } from '../src-shared/business-hours';
import type { Db } from './db/schema';
import type { Clock } from './clock';
import { listDepartments, upsertDepartment } from './db/departments';
import { countSpecialists } from './db/specialists';
import { createSpecialist } from './auth/account-service';
import { generatePassword } from './auth/passwords';

const weekdays = (open: string, close: string): Schedule['weekly'] => [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));
const ny = (open: string, close: string): Schedule => ({ zone: 'America/New_York', weekly: weekdays(open, close), holidays: [] });

export const defaultDepartments: Department[] = [
  { id: 'av-media', name: 'AV Media', description: 'AV Print | Interactive | OOH | Media Accounting', schedule: ny('09:00', '19:00'), routing: 'auto', product: null, position: 1 },
  { id: 'production', name: 'Production / BrandOcean / Aura', description: 'Production, BrandOcean and Aura', schedule: ny('09:00', '19:00'), routing: 'auto', product: null, position: 2 },
  { id: 'finance', name: 'Finance', description: 'Billing, invoices and payments', schedule: ny('09:00', '17:00'), routing: 'auto', product: null, position: 3 },
  { id: 'technical', name: 'Technical', description: 'Platform access, streaming and other technical problems', schedule: ny('09:00', '19:00'), routing: 'auto', product: 'lumina', position: 4 },
  { id: 'canadian-spot', name: 'Canadian Spot', description: 'Canadian spot buys', schedule: ny('09:00', '17:00'), routing: 'auto', product: null, position: 5 },
];

export interface SeededAccount {
  email: string;
  password: string;
  role: 'admin' | 'agent';
}

/** Seeds departments when none exist and demo accounts when no specialist exists; returns the new accounts' credentials. */
export async function seedIfEmpty(deps: { db: Db; clock: Clock }, opts: { demoPassword: string | null; accounts: boolean }): Promise<SeededAccount[]> {
  if ((await listDepartments(deps.db)).length === 0) for (const d of defaultDepartments) await upsertDepartment(deps.db, d);
  if (!opts.accounts || (await countSpecialists(deps.db)) > 0) return [];
  const all = defaultDepartments.map((d) => d.id);
  const accounts: SeededAccount[] = [];
  const admin = { email: 'admin@switchboard.local', password: opts.demoPassword ?? generatePassword(), role: 'admin' as const };
  const agent = { email: 'dana@switchboard.local', password: opts.demoPassword ?? generatePassword(), role: 'agent' as const };
  // Both accounts or neither: a node that loses a seeding race to another rolls back whole (and finds theirs).
  await deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx };
    const a = await createSpecialist(tx, { email: admin.email, displayName: 'Admin', role: 'admin', departmentIds: all, maxConcurrentChats: 4, password: admin.password });
    if (a.ok) accounts.push(admin);
    const b = await createSpecialist(tx, { email: agent.email, displayName: 'Dana', role: 'agent', departmentIds: all, maxConcurrentChats: 4, password: agent.password });
    if (b.ok) accounts.push(agent);
  });
  return accounts;
}
