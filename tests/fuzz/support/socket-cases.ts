// Socket cases generated from the shared event maps (`visitorInbound`, `agentInbound`): valid-shaped payloads, and
// mutated ones (wrong types, missing and extra fields, huge and deep values, no ack, several args, binary, unknown
// names). Reserved names and frames over 1 MB are separate properties (see socket-events.test.ts).
import fc from 'fast-check';
import type { z } from 'zod';
import { visitorInbound, visitorTokenSchema } from '../../../src-shared/protocol/visitor';
import { agentInbound } from '../../../src-shared/protocol/agent';
import { attachmentIdSchema, clientIdSchema, conversationIdSchema, departmentIdSchema, specialistIdSchema, ticketIdSchema } from '../../../src-shared/ids';
import { incidentIdSchema } from '../../../src-shared/incident';
import { SEEDED_DEPARTMENTS } from '../../support/start-server';
import { validShaped } from './schema-arbitrary';
import { mutated } from './mutation';
import { anyString, nastyValue } from './nasty-values';
import { FUZZ_DEPARTMENTS, type Known, type Role } from './fuzz-server';

export type Namespace = 'visitor' | 'agent';

export type SocketForm = 'valid' | 'mutated' | 'no-ack' | 'several-args' | 'ack-only' | 'binary' | 'unknown-event' | 'burst' | 'race';

export interface SocketCase {
  ns: Namespace;
  /** Which specialist sends it (agent namespace); visitors are anonymous or hold a known chat token. */
  role: Role;
  form: SocketForm;
  event: string;
  args: unknown[];
  /** Whether the emit carries an ack callback. */
  ack: boolean;
  /** Sent this many times at once (a retry racing the original: same client id, same payload). */
  copies?: number;
  /** Also sent at the same moment by these other specialists (two leads accepting one chat). */
  alsoAs?: Role[];
}

export const eventMaps: Record<Namespace, Record<string, z.core.$ZodType>> = { visitor: visitorInbound, agent: agentInbound };

/** A few client ids used again and again, so idempotent retries (same id, same or different payload) happen. */
const REUSED_CLIENT_IDS = ['6f1c1f5e-2a43-4a3e-9a51-0d4a3b8e7c01', '6f1c1f5e-2a43-4a3e-9a51-0d4a3b8e7c02', '6f1c1f5e-2a43-4a3e-9a51-0d4a3b8e7c03'];

/** Schemas by identity → values the server knows, so valid-shaped cases find chats, tickets and people. */
export function refsFor(known: Known): Map<z.core.$ZodType, fc.Arbitrary<unknown>> {
  const pick = <T>(xs: readonly T[]) => (xs.length > 0 ? fc.constantFrom(...xs) : fc.constant(undefined));
  return new Map<z.core.$ZodType, fc.Arbitrary<unknown>>([
    [conversationIdSchema, pick(known.conversationIds)],
    [ticketIdSchema, pick(known.ticketIds)],
    [specialistIdSchema, pick(known.specialistIds)],
    [incidentIdSchema, pick(known.incidentIds)],
    [attachmentIdSchema, pick(known.attachmentIds)],
    [departmentIdSchema, pick(SEEDED_DEPARTMENTS)],
    [visitorTokenSchema, pick(known.visitorTokens)],
    [clientIdSchema, fc.oneof({ weight: 4, arbitrary: fc.uuid({ version: 4 }) }, { weight: 1, arbitrary: pick(REUSED_CLIENT_IDS) })],
  ]);
}

/**
 * Administration acts on other accounts and on departments: the fuzzers' own accounts would lose their sockets (a
 * role change, a deactivation, a reset closes them), and the checker's department its hours. Their cases name
 * the accounts made to be changed and the fuzzers' departments instead.
 */
const ADMINISTRATION = new Set(['specialist:update', 'specialist:reset-password', 'specialist:create', 'department:create', 'department:update', 'department:reorder', 'canned:save']);

function adminRefsFor(known: Known): Map<z.core.$ZodType, fc.Arbitrary<unknown>> {
  const refs = refsFor(known);
  refs.set(specialistIdSchema, known.adminTargetIds.length > 0 ? fc.constantFrom(...known.adminTargetIds) : fc.constant(undefined));
  // Mostly existing departments (updates reach them); sometimes a new slug, so department:create can succeed.
  refs.set(departmentIdSchema, fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FUZZ_DEPARTMENTS) }, { weight: 1, arbitrary: fc.stringMatching(/^fz-[a-z0-9]{1,8}$/) }));
  return refs;
}

const unknownEventNames = fc.oneof(
  fc.constantFrom('event', 'availability', 'notice', 'log:head', 'queue:stats', 'Chat:Request', 'chat:request ', 'chat:request\u0000', 'message', 'error', 'ping', '', 'x'.repeat(5_000), '__proto__', 'constructor', 'hasOwnProperty', 'toString'),
  anyString,
);

export function socketCases(ns: Namespace, known: Known): fc.Arbitrary<SocketCase> {
  const map = eventMaps[ns];
  const refs = refsFor(known);
  const adminRefs = adminRefsFor(known);
  const names = Object.keys(map);
  const valid = new Map(names.map((n) => [n, validShaped(map[n] as z.core.$ZodType, { refs: ns === 'agent' && ADMINISTRATION.has(n) ? adminRefs : refs })]));
  const validOf = (event: string) => valid.get(event) ?? fc.constant(undefined);
  const role: fc.Arbitrary<Role> = ns === 'agent' ? fc.constantFrom('agent', 'lead', 'admin') : fc.constant('agent');
  const payload = (kind: 'valid' | 'mutated') =>
    fc.constantFrom(...names).chain((event) => (kind === 'valid' ? validOf(event) : mutated(validOf(event))).map((p) => ({ event, p })));

  const forms: { weight: number; arbitrary: fc.Arbitrary<Omit<SocketCase, 'ns' | 'role'>> }[] = [
    { weight: 8, arbitrary: payload('valid').map(({ event, p }) => ({ form: 'valid' as const, event, args: [p], ack: true })) },
    { weight: 8, arbitrary: payload('mutated').map(({ event, p }) => ({ form: 'mutated' as const, event, args: [p], ack: true })) },
    { weight: 1, arbitrary: fc.oneof(payload('valid'), payload('mutated')).map(({ event, p }) => ({ form: 'no-ack' as const, event, args: [p], ack: false })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(payload('valid'), fc.array(nastyValue, { minLength: 1, maxLength: 3 }))
        .map(([{ event, p }, more]) => ({ form: 'several-args' as const, event, args: [p, ...more], ack: true })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...names).map((event) => ({ form: 'ack-only' as const, event, args: [], ack: true })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(payload('valid'), fc.uint8Array({ maxLength: 2048 }), fc.boolean())
        .map(([{ event, p }, bytes, whole]) => ({ form: 'binary' as const, event, args: [whole ? Buffer.from(bytes) : withBuffer(p, Buffer.from(bytes))], ack: true })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(payload('valid'), fc.integer({ min: 2, max: 5 })).map(([{ event, p }, copies]) => ({ form: 'burst' as const, event, args: [p], ack: true, copies })),
    },
    ...(ns === 'agent'
      ? [{ weight: 1, arbitrary: payload('valid').map(({ event, p }) => ({ form: 'race' as const, event, args: [p], ack: true, alsoAs: ['lead', 'admin'] as Role[] })) }]
      : []),
    {
      weight: 1,
      arbitrary: fc.tuple(unknownEventNames, payload('valid')).map(([event, { p }]) => ({ form: 'unknown-event' as const, event, args: [p], ack: true })),
    },
  ];
  return fc.tuple(role, fc.oneof(...forms)).map(([r, c]) => ({ ns, role: r, ...c }));
}

/** The payload with its first field (or the whole thing, when it has none) replaced by bytes. */
function withBuffer(p: unknown, bytes: Buffer): unknown {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return bytes;
  const [first] = Object.keys(p);
  return first === undefined ? { bytes } : { ...p, [first]: bytes };
}
