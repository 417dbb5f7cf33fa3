// First-start data: the departments and chat hours of DESIGN.md §3, the team's first canned responses, and demo
// accounts whose passwords are returned once.
import { randomUUID } from 'node:crypto';
import type { Department } from '../src-shared/department';
import type { CannedResponse } from '../src-shared/canned-response';
import type { Schedule } from '../src-shared/business-hours';
import type { Db } from './db/schema';
import type { Clock } from './clock';
import { listDepartments, upsertDepartment } from './db/departments';
import { countSpecialists } from './db/specialists';
import { createSpecialist } from './auth/account-service';
import { generatePassword } from './auth/passwords';
import { countCanned, insertCannedMany } from './db/canned-responses';
import { hasAuditOf } from './db/admin-audit';
import { seedHelpIfEmpty } from './help/help-seed';

const weekdays = (open: string, close: string): Schedule['weekly'] => [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));
const ny = (open: string, close: string): Schedule => ({ zone: 'America/New_York', weekly: weekdays(open, close), holidays: [] });

export const defaultDepartments: Department[] = [
  { id: 'av-media', name: 'AV Media', description: 'AV Print | Interactive | OOH | Media Accounting', schedule: ny('09:00', '19:00'), routing: 'auto', product: null, position: 1, greeting: '', email: 'avmedia@support.example.com' },
  { id: 'production', name: 'Production / BrandOcean / Aura', description: 'Production, BrandOcean and Aura', schedule: ny('09:00', '19:00'), routing: 'auto', product: null, position: 2, greeting: '', email: 'production@support.example.com' },
  { id: 'finance', name: 'Finance', description: 'Billing, invoices and payments', schedule: ny('09:00', '17:00'), routing: 'auto', product: null, position: 3, greeting: '', email: 'finance@support.example.com' },
  { id: 'technical', name: 'Technical', description: 'Platform access, streaming and other technical problems', schedule: ny('09:00', '19:00'), routing: 'auto', product: 'lumina', position: 4, greeting: '', email: 'tech@support.example.com' },
  { id: 'canadian-spot', name: 'Canadian Spot', description: 'Canadian spot buys', schedule: ny('09:00', '17:00'), routing: 'auto', product: null, position: 5, greeting: '', email: 'canada@support.example.com' },
];

/** Shared by every specialist (department null); the texts the console offered before canned responses lived here. */
export const defaultCannedResponses: readonly Pick<CannedResponse, 'shortcut' | 'title' | 'body'>[] = [
  { shortcut: 'hello', title: 'Greeting', body: 'Hi! Thanks for reaching out — I am looking into this now.' },
  { shortcut: 'moment', title: 'One moment', body: 'Thanks for your patience, give me a moment to check that for you.' },
  { shortcut: 'screenshot', title: 'Ask for a screenshot', body: 'Could you send me a screenshot of what you see? I have added an upload box below.' },
  { shortcut: 'browser', title: 'Browser check', body: 'Which browser and version are you using? Please also try a private window with extensions disabled.' },
  { shortcut: 'organisers', title: 'Personal information', body: 'For changes to your personal information, please contact the event organisers directly — they manage registration data.' },
  { shortcut: 'thanks', title: 'Closing', body: 'Glad I could help! Is there anything else I can do for you today?' },
];

/**
 * The defaults go into a list that is empty and that nobody has edited yet: an upgraded database gets them once,
 * and a team that deleted every one of them does not see them come back at the next start.
 */
async function seedCannedIfEmpty(db: Db, now: number): Promise<void> {
  if ((await countCanned(db)) > 0 || (await hasAuditOf(db, ['canned.save', 'canned.delete']))) return;
  await insertCannedMany(
    db,
    defaultCannedResponses.map((c) => ({ id: randomUUID(), departmentId: null, ...c, updatedAt: now })),
  );
}

export interface SeededAccount {
  email: string;
  password: string;
  role: 'admin' | 'agent';
}

/**
 * Seeds departments when none exist, canned responses (see above), demo accounts when no specialist exists and the
 * help center when it has no product; returns the new accounts' credentials.
 */
export async function seedIfEmpty(deps: { db: Db; clock: Clock }, opts: { demoPassword: string | null; accounts: boolean }): Promise<SeededAccount[]> {
  if ((await listDepartments(deps.db)).length === 0) for (const d of defaultDepartments) await upsertDepartment(deps.db, d);
  await seedCannedIfEmpty(deps.db, deps.clock.now());
  const accounts = await seedAccountsIfNone(deps, opts);
  // After the accounts: the starter articles are saved by the seeded admin.
  await seedHelpIfEmpty(deps.db, deps.clock.now(), defaultDepartments);
  return accounts;
}

async function seedAccountsIfNone(deps: { db: Db; clock: Clock }, opts: { demoPassword: string | null; accounts: boolean }): Promise<SeededAccount[]> {
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
