// The generator the fuzz properties stand on: valid-shaped values of each wire schema parse with that schema (all of
// them, except where a refinement the walker cannot see says no), and a kind it does not know fails loudly.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { visitorInbound } from '../../src-shared/protocol/visitor';
import { agentInbound } from '../../src-shared/protocol/agent';
import { customerCommentSchema, emailRequestSchema, loginInputSchema, refreshInputSchema, commentLinkParamsSchema } from '../../src-shared/protocol/http';
import { validShaped } from './support/schema-arbitrary';
import { applyMutations } from './support/mutation';

const schemas: Record<string, z.core.$ZodType> = {
  ...Object.fromEntries(Object.entries(visitorInbound).map(([k, v]) => [`visitor ${k}`, v])),
  ...Object.fromEntries(Object.entries(agentInbound).map(([k, v]) => [`agent ${k}`, v])),
  login: loginInputSchema,
  refresh: refreshInputSchema,
  'email request': emailRequestSchema,
  'customer comment': customerCommentSchema,
  'comment link params': commentLinkParamsSchema,
};

/** Refinements the walker cannot honour, and how often they may say no. */
const REFINED: Record<string, number> = {
  // messageBodySchema refuses whitespace-only bodies; ticketPatchSchema refuses an empty patch.
  'visitor message:send': 0.2,
  'agent message:send': 0.2,
  'agent ticket:comment': 0.2,
  'agent ticket:update': 0.3,
};

describe('validShaped', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`values for ${name} parse with its schema`, () => {
      const samples = fc.sample(validShaped(schema), { numRuns: 300, seed: 1 });
      const failed = samples.filter((v) => !z.safeParse(schema, v).success);
      const allowed = REFINED[name] ?? 0;
      if (failed.length / samples.length > allowed) {
        const first = failed[0];
        throw new Error(`${failed.length}/${samples.length} failed, e.g. ${JSON.stringify(first)}: ${JSON.stringify(z.safeParse(schema, first).error?.issues)}`);
      }
    });
  }

  it('refuses a schema kind it has no generator for', () => {
    expect(() => validShaped(z.date())).toThrow(/no generator for zod type "date"/);
  });
});

describe('applyMutations', () => {
  it('changes a copy, never the value it was given', () => {
    const v = { a: { b: [1, 2] }, c: 'x' };
    const out = applyMutations(v, [{ op: 'remove', pick: 1 }, { op: 'replace', pick: 3, value: null }, { op: 'extra', pick: 0, key: '__proto__', value: 1 }]);
    expect(v).toEqual({ a: { b: [1, 2] }, c: 'x' });
    expect(out).not.toEqual(v);
    expect(Object.keys(out as object)).toContain('__proto__');
  });
});
