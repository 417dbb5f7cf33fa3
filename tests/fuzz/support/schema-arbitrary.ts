// Valid-shaped values for a zod 4 schema, as a fast-check arbitrary: a small walker over `schema._zod.def`.
//
// Why not a library: zod-fast-check (the known bridge) supports zod 3 and fast-check < 4 only. The walker
// covers the kinds our wire schemas use and throws on any other, so a new kind in src-shared fails the fuzz
// suite loudly instead of being fuzzed with nothing. It generates *input* values (what a client sends, z.input):
// through a pipe it follows the input side, defaults and optionals may be left out. Refinements (`.refine`,
// custom checks) are opaque functions and are not honoured: such values are valid-shaped, not always valid.
import fc from 'fast-check';
import type { z } from 'zod';
import { ianaZoneSchema, scheduleSchema } from '../../../src-shared/business-hours';
import { departmentAddressSchema } from '../../../src-shared/department';

export interface WalkOptions {
  /**
   * Values the server knows for particular schemas, by identity (`conversationIdSchema` → the conversations
   * created at setup), drawn instead of fresh ones most of the time, so cases reach past `not_found`.
   */
  refs?: ReadonlyMap<z.core.$ZodType, fc.Arbitrary<unknown>>;
}

/** An arbitrary, and whether an enclosing object may leave the key out (optional, default). */
interface Walked {
  arb: fc.Arbitrary<unknown>;
  omittable: boolean;
}

/** Strings stay this short unless the schema asks for more, and reach the max sometimes (see `stringOf`). */
const TYPICAL_STRING = 40;
const TYPICAL_ARRAY = 8;

export function validShaped(schema: z.core.$ZodType, opts: WalkOptions = {}): fc.Arbitrary<unknown> {
  return walk(schema, opts).arb;
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Opening hours that keep the schedule's refinements: one interval per day, open before close (up to 24:00). */
const weeklyArb = fc
  .subarray([1, 2, 3, 4, 5, 6, 7])
  .chain((days) =>
    fc.tuple(...days.map((day) => fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 })).map(([a, b]) => ({ day, open: clock(Math.min(a, b - 1)), close: clock(Math.max(b, a + 1)) })))),
  );

/**
 * Schemas whose refinements would refuse nearly every value the walker makes (a random IANA zone, random hours
 * that overlap): generated here so they honour them, by identity, wherever they appear.
 */
const HONOURED = new Map<z.core.$ZodType, fc.Arbitrary<unknown>>([
  // A department address has no "+" (plus-tags are reply tokens): most random addresses have one somewhere.
  [departmentAddressSchema, fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}[a-z0-9]$/), fc.constantFrom('example.com', 'support.example.org', 'B.EXAMPLE.NET')).map(([local, domain]) => `${local.replace(/\.{2,}/g, '.')}@${domain}`)],
  [ianaZoneSchema, fc.constantFrom('America/New_York', 'Europe/Paris', 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe')],
  [
    scheduleSchema,
    fc.record({
      zone: fc.constantFrom('America/New_York', 'Europe/Paris', 'UTC', 'Asia/Kolkata'),
      weekly: weeklyArb,
      holidays: fc.array(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { maxLength: 4 }),
    }),
  ],
]);

function walk(schema: z.core.$ZodType, opts: WalkOptions): Walked {
  const honoured = HONOURED.get(schema);
  const generated = honoured ? { arb: honoured, omittable: false } : walkDef(schema, opts);
  const ref = opts.refs?.get(schema);
  if (!ref) return generated;
  return { arb: fc.oneof({ weight: 4, arbitrary: ref }, { weight: 1, arbitrary: generated.arb }), omittable: generated.omittable };
}

function walkDef(schema: z.core.$ZodType, opts: WalkOptions): Walked {
  const s = schema as z.core.$ZodTypes;
  const def = s._zod.def;
  const plain = (arb: fc.Arbitrary<unknown>): Walked => ({ arb, omittable: false });
  switch (def.type) {
    case 'string':
      return plain(stringOf(s as z.core.$ZodString));
    case 'number':
      return plain(numberOf(s as z.core.$ZodNumber));
    case 'boolean':
      return plain(fc.boolean());
    case 'null':
      return plain(fc.constant(null));
    case 'literal':
      return plain(fc.constantFrom(...def.values));
    case 'enum':
      return plain(fc.constantFrom(...Object.values(def.entries)));
    case 'unknown':
    case 'any':
      return plain(fc.jsonValue({ maxDepth: 3 }));
    case 'optional':
      return { arb: walk(def.innerType, opts).arb, omittable: true };
    case 'default':
    case 'prefault':
      return { arb: walk(def.innerType, opts).arb, omittable: true };
    case 'nullable':
      return { arb: fc.oneof(walk(def.innerType, opts).arb, fc.constant(null)), omittable: walk(def.innerType, opts).omittable };
    case 'readonly':
      return walk(def.innerType, opts);
    case 'pipe': {
      // `z.coerce.number().pipe(x)` takes anything coercible; `x` describes what matters. A transform (`.transform`,
      // `emailSchema`) has no input shape of its own: generate what it reads.
      const inDef = (def.in as z.core.$ZodTypes)._zod.def;
      const coerces = inDef.type === 'number' && (inDef as z.core.$ZodNumberDef).coerce === true;
      const outIsTransform = (def.out as z.core.$ZodTypes)._zod.def.type === 'transform';
      return walk(coerces && !outIsTransform ? def.out : def.in, opts);
    }
    case 'object': {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const requiredKeys: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        const w = walk(field, opts);
        model[key] = w.arb;
        if (!w.omittable) requiredKeys.push(key);
      }
      return plain(fc.record(model, { requiredKeys }));
    }
    case 'array': {
      const { min, max } = lengthBounds(def.checks);
      const arr = (maxLength: number) => fc.array(walk(def.element, opts).arb, { minLength: min, maxLength });
      // Mostly small, sometimes exactly at the limit: off-by-one limits live there.
      const typical = arr(Math.max(min, Math.min(max, TYPICAL_ARRAY)));
      return plain(max > TYPICAL_ARRAY && max < 1000 ? fc.oneof({ weight: 9, arbitrary: typical }, { weight: 1, arbitrary: fc.array(walk(def.element, opts).arb, { minLength: max, maxLength: max }) }) : typical);
    }
    case 'union':
      return plain(fc.oneof(...def.options.map((o) => walk(o, opts).arb)));
    default:
      throw new Error(`schema-arbitrary: no generator for zod type "${def.type}"; teach tests/fuzz/support/schema-arbitrary.ts about it`);
  }
}

type AnyCheck = z.core.$ZodCheck<never>;

function checkDefs(checks: readonly AnyCheck[] | undefined): z.core.$ZodChecks['_zod']['def'][] {
  return (checks ?? []).map((c) => (c as unknown as z.core.$ZodChecks)._zod.def);
}

function lengthBounds(checks: readonly AnyCheck[] | undefined): { min: number; max: number } {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const c of checkDefs(checks)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum);
    if (c.check === 'max_length') max = Math.min(max, c.maximum);
    if (c.check === 'length_equals') min = max = c.length;
  }
  return { min, max };
}

/** Text that is valid but not tame: accents, CJK, emoji (surrogate pairs), RTL, mixed with ASCII. */
const textUnit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,!?-_'.split('')) },
  { weight: 1, arbitrary: fc.constantFrom('é', 'ß', 'ø', '中', '文', 'д', 'ש', 'ع', '😀', '👍🏽', 'e\u0301', '\n', '\t') },
);

const emailArb = fc
  .tuple(fc.stringMatching(/^[a-z0-9_+-]{1,16}$/), fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/), fc.constantFrom('com', 'org', 'example', 'io', 'de'), fc.boolean())
  .map(([local, domain, tld, shout]) => {
    const e = `${local}@${domain}.${tld}`;
    // The schema lower-cases; send some upper case so the transform is exercised.
    return shout ? e.toUpperCase() : e;
  });

function stringOf(s: z.core.$ZodString): fc.Arbitrary<string> {
  const def = s._zod.def as z.core.$ZodStringFormatDef;
  const checks = checkDefs(def.checks);
  const { min, max } = lengthBounds(def.checks);
  const trims = checks.some((c) => c.check === 'overwrite');
  const regex = checks.find((c): c is z.core.$ZodCheckRegexDef => c.check === 'string_format' && c.format === 'regex');
  const bounded = (arb: fc.Arbitrary<string>) => arb.filter((v) => v.length >= min && v.length <= max);

  switch (def.format) {
    case 'uuid':
    case 'guid':
      return fc.uuid({ version: 4 });
    case 'email':
      return bounded(emailArb);
    case 'url':
      return bounded(fc.webUrl({ withQueryParameters: true, withFragments: true }));
    case 'date':
      // ISO calendar dates (holidays), leap days included.
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case undefined:
      break;
    default:
      throw new Error(`schema-arbitrary: no generator for string format "${def.format}"`);
  }
  if (regex) return bounded(fc.stringMatching(regex.pattern));

  const typicalMax = Math.max(min, Math.min(max, TYPICAL_STRING));
  const text = (minLength: number, maxLength: number) =>
    fc.array(textUnit, { minLength, maxLength }).map((units) => {
      // Units can be two UTF-16 code units (emoji) while zod counts code units: cut back to the limit.
      let v = units.join('').slice(0, maxLength);
      if (trims) v = v.trim();
      return v.length >= min ? v : v + 'x'.repeat(min - v.length);
    });
  if (!Number.isFinite(max) || max <= typicalMax) return text(min, typicalMax);
  return fc.oneof({ weight: 9, arbitrary: text(min, typicalMax) }, { weight: 1, arbitrary: text(max, max) });
}

function numberOf(s: z.core.$ZodNumber): fc.Arbitrary<number> {
  const def = s._zod.def as z.core.$ZodNumberDef & { format?: string };
  const checks = checkDefs(def.checks);
  let int = def.format === 'safeint' || def.format === 'int32' || def.format === 'uint32';
  let lo = -Number.MAX_SAFE_INTEGER;
  let hi = Number.MAX_SAFE_INTEGER;
  for (const c of checks) {
    if (c.check === 'number_format') int ||= c.format === 'safeint' || c.format === 'int32' || c.format === 'uint32';
    if (c.check === 'greater_than') lo = Math.max(lo, Number(c.value) + (c.inclusive ? 0 : int ? 1 : Number.EPSILON));
    if (c.check === 'less_than') hi = Math.min(hi, Number(c.value) - (c.inclusive ? 0 : int ? 1 : Number.EPSILON));
  }
  if (!int) return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  // Small numbers are what ids and limits look like; the bounds themselves are where off-by-ones hide.
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: Math.max(lo, -1000), max: Math.max(Math.max(lo, -1000), Math.min(hi, 1000)) }) },
    { weight: 2, arbitrary: fc.constantFrom(lo, hi) },
    { weight: 1, arbitrary: fc.integer({ min: lo, max: hi }) },
  );
}
