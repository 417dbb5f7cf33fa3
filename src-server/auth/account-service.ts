// Specialist accounts: login (access + refresh token), refresh with rotation, and creation (seed, tests; admins: admin/).
// A deactivated account can neither log in, nor refresh, nor connect with a token issued before.
import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/result';
import type { Specialist, Role } from '../../src-shared/specialist';
import type { AuthTokens, LoginInput } from '../../src-shared/protocol/http';
import type { ServerContext, AgentActor } from '../context';
import type { Db } from '../db/schema';
import * as specialists from '../db/specialists';
import { listDepartments } from '../db/departments';
import { insertRefreshToken, consumeRefreshToken } from '../db/refresh-tokens';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { opaqueToken, sha256, signAccessToken, verifyAccessToken } from './tokens';

type Deps = Pick<ServerContext, 'db' | 'writes' | 'clock' | 'secret' | 'config'>;

const DEACTIVATED = 'This account is deactivated.';

export interface NewSpecialistInput {
  email: string;
  displayName: string;
  role: Role;
  departmentIds: string[];
  maxConcurrentChats: number;
  password: string;
}

export async function createSpecialist(deps: Pick<ServerContext, 'db' | 'clock'>, input: NewSpecialistInput): Promise<Result<Specialist>> {
  const known = new Set((await listDepartments(deps.db)).map((d) => d.id));
  const unknown = input.departmentIds.filter((d) => !known.has(d));
  if (unknown.length > 0) return err('bad_request', `Unknown departments: ${unknown.join(', ')}`);
  if (await specialists.findCredentials(deps.db, input.email)) return err('conflict', `A specialist with email ${input.email} exists.`);
  const id = randomUUID();
  await specialists.insertSpecialist(deps.db, {
    id,
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    maxConcurrentChats: input.maxConcurrentChats,
    departmentIds: input.departmentIds,
    passwordHash: await hashPassword(input.password),
    now: deps.clock.now(),
  });
  const s = await specialists.getSpecialist(deps.db, id);
  return s ? ok(s) : err('internal', 'Specialist missing after insert.');
}

async function issueTokens(deps: Deps, trx: Db, specialist: Specialist): Promise<AuthTokens> {
  const now = deps.clock.now();
  const accessExpiresAt = now + deps.config.accessTokenTtlMs;
  const refreshToken = opaqueToken();
  await insertRefreshToken(trx, { tokenHash: sha256(refreshToken), specialistId: specialist.id, now, expiresAt: now + deps.config.refreshTokenTtlMs });
  return { accessToken: signAccessToken(deps.secret, { sub: specialist.id, role: specialist.role }, accessExpiresAt), accessExpiresAt, refreshToken, specialist };
}

export async function login(deps: Deps, input: LoginInput): Promise<Result<AuthTokens>> {
  const cred = await specialists.findCredentials(deps.db, input.email);
  // Always run scrypt so an unknown email takes as long as a wrong password.
  const valid = await verifyPassword(input.password, cred?.passwordHash ?? DUMMY_HASH);
  if (!cred || !valid) return err('unauthorized', 'Wrong email or password.');
  const s = await specialists.getSpecialist(deps.db, cred.id);
  if (!s) return err('unauthorized', 'Wrong email or password.');
  // Said only after the password matched, so it reveals nothing to someone guessing.
  if (!s.active) return err('unauthorized', DEACTIVATED);
  return ok(await deps.writes.run((trx) => issueTokens(deps, trx, s)));
}

export async function refresh(deps: Deps, refreshToken: string): Promise<Result<AuthTokens>> {
  return deps.writes.run(async (trx) => {
    const id = await consumeRefreshToken(trx, sha256(refreshToken), deps.clock.now());
    if (!id) return err('unauthorized', 'Refresh token is invalid, used or expired; log in again.');
    const s = await specialists.getSpecialist(trx, id);
    if (!s) return err('unauthorized', 'Account no longer exists.');
    if (!s.active) return err('unauthorized', DEACTIVATED);
    return ok(await issueTokens(deps, trx, s));
  });
}

/** Verifies an access token and loads the caller (departments may have changed since the token was issued). */
export async function actorFromToken(deps: Pick<ServerContext, 'db' | 'clock' | 'secret'>, token: unknown): Promise<Result<AgentActor>> {
  const claims = verifyAccessToken(deps.secret, token, deps.clock.now());
  if (!claims.ok) return claims;
  const s = await specialists.getSpecialist(deps.db, claims.value.sub);
  if (!s) return err('unauthorized', 'Account no longer exists.');
  if (!s.active) return err('unauthorized', DEACTIVATED);
  return ok({ specialistId: s.id, role: s.role, displayName: s.displayName, departmentIds: s.departmentIds });
}
