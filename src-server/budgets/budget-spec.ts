// The budgets a stranger's operations draw on, as data: "ip=20/10m,target=10/1h,global=60/1m" parsed into rates,
// plus the defaults (README, Configuration, explains the sizing: an office behind one NAT must still work).

/** `points` operations per window of `durationMs` (a fixed window, as rate-limiter-flexible counts). */
export interface Rate {
  points: number;
  durationMs: number;
}

/** Which scopes an operation is counted in: the caller's address, the address (or ticket) it names, everyone. */
export const budgetScopes = ['ip', 'target', 'global'] as const;
export type BudgetScope = (typeof budgetScopes)[number];
export type BudgetSpec = Partial<Record<BudgetScope, Rate>>;

/** Everything a stranger can trigger without an account; login has its own rules (auth/login-guard.ts). */
export const strangerOperations = ['chat_request', 'email_request', 'comment', 'upload', 'portal_sign_in', 'public_read'] as const;
export type StrangerOperation = (typeof strangerOperations)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Defaults. Per IP they assume a busy office of a few hundred people behind one NAT: 60 chat requests in
 * 10 minutes is one every 10 s from the whole office, far above what a help desk sees from one customer site;
 * a flood from one address stops within seconds. Per target (the email named) they bound what reaches one
 * person; global bounds the mail and database work of everyone together.
 */
export const DEFAULT_BUDGETS: Record<StrangerOperation, BudgetSpec> = {
  chat_request: { ip: { points: 60, durationMs: 10 * MINUTE }, target: { points: 10, durationMs: 10 * MINUTE }, global: { points: 300, durationMs: MINUTE } },
  email_request: { ip: { points: 30, durationMs: 10 * MINUTE }, target: { points: 10, durationMs: HOUR }, global: { points: 120, durationMs: MINUTE } },
  // Target: the ticket the signed link opens, so one leaked link cannot flood one ticket.
  comment: { ip: { points: 60, durationMs: 10 * MINUTE }, target: { points: 30, durationMs: 10 * MINUTE }, global: { points: 600, durationMs: MINUTE } },
  upload: { ip: { points: 60, durationMs: 10 * MINUTE }, global: { points: 300, durationMs: MINUTE } },
  // Target: the address a sign-in link goes to; a link mail is the one thing here that reaches a stranger's inbox.
  portal_sign_in: { ip: { points: 30, durationMs: 10 * MINUTE }, target: { points: 5, durationMs: HOUR }, global: { points: 120, durationMs: MINUTE } },
  // Anonymous reads that query the database each time (help search and suggestions, the status answer) and the
  // cheap writes beside them (suggestion events, one-click unsubscribes): a search-as-you-type widget in a busy
  // office asks a few times a second at most; global bounds what all of them cost together.
  public_read: { ip: { points: 1200, durationMs: 10 * MINUTE }, global: { points: 6000, durationMs: MINUTE } },
};

/** Login: failures per IP across accounts, failures per account from IPs it never signed in from, attempts of everyone. */
export type LoginScope = 'ip' | 'account' | 'global';
export type LoginBudgetSpec = Partial<Record<LoginScope, Rate>>;
export const DEFAULT_LOGIN_BUDGETS: LoginBudgetSpec = {
  ip: { points: 50, durationMs: 15 * MINUTE },
  account: { points: 100, durationMs: HOUR },
  // scrypt costs tens of ms of CPU per attempt: 600 a minute is at most ~half a core.
  global: { points: 600, durationMs: MINUTE },
};

const UNIT_MS: Record<string, number> = { s: 1000, m: MINUTE, h: HOUR };

/** "60/10m" → { points: 60, durationMs: 600000 }; null when it does not read. */
export function parseRate(text: string): Rate | null {
  const m = /^\s*(\d+)\s*\/\s*(\d*)\s*([smh])\s*$/.exec(text);
  if (!m) return null;
  const points = Number(m[1]);
  const durationMs = Number(m[2] || '1') * (UNIT_MS[m[3] ?? ''] ?? 0);
  // Whole seconds: the Redis store counts windows in seconds.
  if (points < 1 || durationMs < 1000) return null;
  return { points, durationMs };
}

/**
 * "ip=20/10m,global=60/1m": the scopes named replace the defaults', the others keep them; "ip=off" drops one.
 * Returns an error message for anything it cannot read, so config.ts fails fast with it.
 */
export function parseBudgetSpec<K extends string>(text: string, scopes: readonly K[], defaults: Partial<Record<K, Rate>>): { ok: true; spec: Partial<Record<K, Rate>> } | { ok: false; message: string } {
  const spec: Partial<Record<K, Rate>> = { ...defaults };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name = '', value = ''] = part.split('=').map((p) => p.trim());
    if (!(scopes as readonly string[]).includes(name)) return { ok: false, message: `unknown scope "${name}" (one of ${scopes.join(', ')})` };
    const scope = name as K;
    if (value === 'off') {
      delete spec[scope];
      continue;
    }
    const rate = parseRate(value);
    if (!rate) return { ok: false, message: `cannot read "${value}" for ${name}; expected e.g. 20/10m (s, m or h)` };
    spec[scope] = rate;
  }
  return { ok: true, spec };
}
