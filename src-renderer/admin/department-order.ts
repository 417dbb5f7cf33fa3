// Moving a department up or down the customer-facing list: the full new order sent as `reorderDepartments`.

/** The ids with `id` moved by `delta` places; null when it cannot move (already first or last, or unknown). */
export function moveInOrder(ids: readonly string[], id: string, delta: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}
