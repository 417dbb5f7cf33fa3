// Which chat tab comes next when cycling with the keyboard, and which tab to focus after one closes.

/** The id `step` places after `current` in `ids`, wrapping around; the first id when nothing is focused. */
export function cycleChat(ids: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at === -1) return step === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[(at + step + ids.length) % ids.length]!;
}

/** After closing `closed`, focus its right neighbour, else its left one, else nothing. */
export function focusAfterClose(ids: readonly string[], closed: string, current: string | null): string | null {
  if (current !== closed) return current;
  const at = ids.indexOf(closed);
  const rest = ids.filter((id) => id !== closed);
  if (rest.length === 0) return null;
  return rest[Math.min(Math.max(at, 0), rest.length - 1)] ?? null;
}
