// Values a careless or hostile client sends in place of the right ones: wrong types, edge numbers, edge unicode,
// huge strings and arrays, deep nesting, prototype keys. One catalogue for the socket and HTTP mutations.
import fc from 'fast-check';

/** Everything mutated here stays well under socket.io's 1 MB frame limit; frames over it have their own property. */
export const MAX_NASTY_BYTES = 600_000;

export const edgeStrings: readonly string[] = [
  '',
  ' ',
  '   \t\n ',
  '\u0000',
  'a\u0000b',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  'ok\ud83d', // an emoji cut in half
  '\udc00\ud800', // surrogates in the wrong order
  '\ufeff', // BOM
  '\u202eevil', // right-to-left override
  '\u2028\u2029', // JS line separators, legal in JSON
  'e\u0301\u0301\u0301',
  '👨‍👩‍👧‍👦',
  '\r\n\r\n',
  '\u0007\u001b[31m',
  "'; DROP TABLE tickets; --",
  '%s%n%x',
  '${process.exit()}',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '1e308',
  'x'.repeat(5001), // one over the longest message
  'x'.repeat(4999) + '😀', // the limit falls inside a surrogate pair
];

export const edgeNumbers: readonly number[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  Number.NaN, // JSON: null
  Number.POSITIVE_INFINITY, // JSON: null
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31),
  2 ** 64,
];

/** `{ a: { a: … } }` or `[[[…]]]`, `depth` levels. */
export function nested(depth: number, kind: 'object' | 'array'): unknown {
  let v: unknown = kind === 'object' ? {} : [];
  for (let i = 0; i < depth; i++) v = kind === 'object' ? { a: v } : [v];
  return v;
}

/** An object whose own keys are the ones that poison prototypes when merged carelessly. */
export function prototypeKeys(value: unknown): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const key of ['__proto__', 'constructor', 'prototype']) Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  return o;
}

const hugeString = fc.oneof(
  fc.integer({ min: 10_000, max: MAX_NASTY_BYTES }).map((n) => 'x'.repeat(n)),
  // Two bytes in UTF-8 per char, a surrogate pair per emoji: sizes that count differently in chars and bytes.
  fc.integer({ min: 10_000, max: MAX_NASTY_BYTES / 4 }).map((n) => '😀'.repeat(n)),
  fc.integer({ min: 1_000, max: 50_000 }).map((n) => '\u0000\ud800'.repeat(n)),
);

const hugeArray = fc.oneof(
  fc.integer({ min: 501, max: 100_000 }).map((n) => new Array<number>(n).fill(1)),
  fc.integer({ min: 501, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => `${i}`)),
);

const manyKeys = fc.integer({ min: 1_000, max: 20_000 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));

const deep = fc.tuple(fc.integer({ min: 50, max: 2_000 }), fc.constantFrom('object' as const, 'array' as const)).map(([d, k]) => nested(d, k));

/** Any string, including lone surrogates and control characters. */
export const anyString = fc.oneof(fc.constantFrom(...edgeStrings), fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 20 }));

/** A value of a random, usually wrong, type. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyString },
  { weight: 3, arbitrary: fc.constantFrom(...edgeNumbers) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, [], {}, [null], { ok: true }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: hugeArray },
  { weight: 1, arbitrary: manyKeys },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(prototypeKeys) },
  { weight: 1, arbitrary: fc.array(anyString, { maxLength: 5 }) },
);

/** Keys to add to an object besides its schema's own. */
export const extraKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', '', 'ok', 'error', 'x'.repeat(10_000), '\u0000', '\ud800'), fc.string({ maxLength: 12 }));
