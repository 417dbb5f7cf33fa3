// The benches' visitor/specialist pairs: one department per pair with one specialist (one chat at a time) in it,
// and the specialists' access tokens, so every message of a pair takes the same route. Shared by the server and
// cluster benches.
import { randomUUID } from 'node:crypto';
import type { Schedule } from '../../../src-shared/business-hours';
import type { Db } from '../../../src-server/db/schema';
import { upsertDepartment } from '../../../src-server/db/departments';
import { insertSpecialist } from '../../../src-server/db/specialists';
import { hashPassword } from '../../../src-server/auth/passwords';
import { signAccessToken } from '../../../src-server/auth/tokens';

export async function seedBenchPairs(db: Db, pairs: number, opts: { secret: string; now: number; schedule: Schedule }): Promise<{ tokens: string[]; departments: string[] }> {
  const hash = await hashPassword('bench');
  const tokens: string[] = [];
  const departments: string[] = [];
  for (let i = 0; i < pairs; i++) {
    const dept = `bench-${i}`;
    departments.push(dept);
    await upsertDepartment(db, { id: dept, name: dept, description: '', schedule: opts.schedule, routing: 'auto', product: null, position: i });
    const id = randomUUID();
    await insertSpecialist(db, { id, email: `s${i}@bench.local`, displayName: `S${i}`, role: 'agent', maxConcurrentChats: 1, departmentIds: [dept], passwordHash: hash, now: opts.now });
    tokens.push(signAccessToken(opts.secret, { sub: id, role: 'agent' }, opts.now + 3_600_000));
  }
  return { tokens, departments };
}
