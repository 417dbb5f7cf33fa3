// Mutated payloads: a valid-shaped value with one to three fields replaced by a wrong type, removed, or joined by
// extra ones — or the whole payload swapped for something that is not an object at all.
import fc from 'fast-check';
import { extraKey, nastyValue } from './nasty-values';

type Path = (string | number)[];

export type Mutation =
  | { op: 'replace'; pick: number; value: unknown }
  | { op: 'remove'; pick: number }
  | { op: 'extra'; pick: number; key: string; value: unknown };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: nastyValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('extra' as const), pick: fc.nat(), key: extraKey, value: nastyValue }) },
);

/** Mutations of values drawn from `valid` (a fresh copy each time). */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(valid, fc.array(mutationArb, { minLength: 1, maxLength: 3 })).map(([v, ms]) => applyMutations(v, ms)) },
    // Not an object at all.
    { weight: 2, arbitrary: nastyValue },
  );
}

export function applyMutations(value: unknown, mutations: readonly Mutation[]): unknown {
  let root = structuredClone(value);
  const paths = pathsOf(root);
  // Deepest first: a later, shallower replacement can never reach into a value an earlier one inserted.
  const chosen = mutations.map((m) => ({ m, path: paths[m.pick % paths.length] ?? [] })).sort((a, b) => b.path.length - a.path.length);
  for (const { m, path } of chosen) root = applyOne(root, m, path);
  return root;
}

/** Every path to a value inside `v`, the root (`[]`) included. */
function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (isObject(v)) for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

function applyOne(root: unknown, m: Mutation, path: Path): unknown {
  if (m.op === 'replace' && path.length === 0) return m.value;
  if (m.op === 'extra') {
    const target = path.length === 0 ? root : get(root, path);
    if (isObject(target)) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    else if (Array.isArray(target)) target.push(m.value);
    return root;
  }
  if (path.length === 0) return undefined; // remove the root: no payload at all
  const parent = get(root, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (m.op === 'remove') parent.splice(key, 1);
    else parent[key] = m.value;
  } else if (isObject(parent)) {
    if (m.op === 'remove') delete parent[key];
    else Object.defineProperty(parent, key, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

function get(v: unknown, path: Path): unknown {
  let cur = v;
  for (const k of path) cur = isObject(cur) || Array.isArray(cur) ? (cur as Record<string | number, unknown>)[k] : undefined;
  return cur;
}

function isObject(v: unknown): v is Record<string | number, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);
}
