// Field-level problems for the admin forms: from the shared schemas before sending, or from a `bad_request`
// answer (`issues`, paths of the whole command input). Keyed by the path inside the edited object, so a form
// shows each message next to its field.
import type { z } from 'zod';

/** Path inside the edited object → the first message about it. */
export type FieldIssues = Record<string, string>;

/** Issues whose path starts with `prefix` (e.g. "patch." of an update), keyed by the rest; others by their full path. */
export function issuesByPath(issues: readonly { path: string; message: string }[] | undefined, prefix = ''): FieldIssues {
  const out: FieldIssues = {};
  for (const issue of issues ?? []) {
    const key = prefix && issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path;
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** A zod failure as the same keyed issues. */
export function zodFieldIssues(error: z.ZodError, prefix = ''): FieldIssues {
  return issuesByPath(
    error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    prefix,
  );
}

/** Issues under `prefix` (e.g. "schedule."), re-keyed without it: a nested editor gets its own part. */
export function nestedIssues(issues: FieldIssues, prefix: string): { path: string; message: string }[] {
  return Object.entries(issues)
    .filter(([path]) => path === prefix.replace(/\.$/, '') || path.startsWith(prefix))
    .map(([path, message]) => ({ path: path.startsWith(prefix) ? path.slice(prefix.length) : '', message }));
}
